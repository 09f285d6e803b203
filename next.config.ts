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
};

export default withNextIntl(nextConfig);
