import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// next-intl without locale routing: the locale comes from a cookie (i18n/request.ts), so the
// plugin only needs to know where the request configuration lives.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Types are checked once, by `npm run typecheck` (CI runs it before the tests); checking
  // them again inside every build would double the time `npm run demo` takes to start.
  typescript: { ignoreBuildErrors: true },
  // forbidden() answers a page a role may not open with HTTP 403 and app/(staff)/forbidden.tsx
  experimental: { authInterrupts: true },
  // A staff dashboard with patrons' personal data: never framed by another site, no MIME
  // sniffing, no full URLs (with patron ids) leaking to other sites.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
