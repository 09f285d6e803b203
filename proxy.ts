import { type NextRequest, NextResponse } from "next/server";
import { LOCALE_COOKIE } from "@/i18n/locales";
import { isNavigation, REQUEST_PATH_HEADER, SIGN_IN_PATH, signInPath } from "@/lib/auth/paths";
import { newNonce, pageContentSecurityPolicy } from "@/lib/security/content-security-policy";
import { hasInvalidAddressText, invalidAddressResponse } from "@/lib/security/invalid-address";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";

/**
 * Sends visitors without a session cookie to the sign-in page before anything renders. A
 * convenience, not the guard: every page calls requireStaff() and every action goes through
 * staffAction(), which check the session and the role on the server. The cookie is only
 * looked for here; whether it is valid is decided there.
 */

// Paths anyone may open: sign-in, and the patrons' self-service links from notices
// (app/(patron): /r/<token> pages, /u/<token> one-click unsubscribe), which check their
// signed token themselves and never look at a staff session. /api/v1 is the library system's
// API: its token is checked by apiRoute (lib/api-tokens), not a cookie.
const PUBLIC_PREFIXES = [SIGN_IN_PATH, "/api/auth/", "/r/", "/u/", "/api/v1/"];
// Exact public paths: Resend's webhooks, guarded by their Svix signature instead of a session.
const PUBLIC_PATHS = ["/api/webhooks/resend"];

const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // A NUL byte (PostgreSQL refuses it in text) or other text no address of Rappel holds, in
  // the path or a parameter (?q=%00): a 400 that says so, before any page or query runs.
  if (hasInvalidAddressText(request.nextUrl))
    return invalidAddressResponse(request.nextUrl, {
      locale: request.cookies.get(LOCALE_COOKIE)?.value,
      acceptLanguage: request.headers.get("accept-language"),
    });
  const isPublic =
    PUBLIC_PATHS.includes(pathname) ||
    PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(prefix));
  const hasSession = request.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name));

  if (!isPublic && !hasSession) {
    // Scripts calling the API get a plain 401; a person opening a page or a PDF link is sent
    // to sign in and brought back.
    if (pathname.startsWith("/api/") && !isNavigation(request)) {
      // the same { code, message } as staffRoute's refusals, in the language cookie's language
      const errors = request.cookies.get(LOCALE_COOKIE)?.value === "en" ? en.errors : nl.errors;
      return NextResponse.json({ code: "signedOut", message: errors.signedOut }, { status: 401 });
    }
    return NextResponse.redirect(new URL(signInPath(`${pathname}${search}`), request.url));
  }
  // Pages learn the path they were asked for (for "sign in and come back here").
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, `${pathname}${search}`);
  // Every page gets a Content-Security-Policy with a fresh nonce; API routes set their own
  // headers (the stored email view its own, stricter policy).
  if (pathname.startsWith("/api/")) return NextResponse.next({ request: { headers } });
  // NODE_ENV is fixed when Next builds the proxy (not a runtime setting read outside lib/env.ts)
  const csp = pageContentSecurityPolicy(newNonce(), { development: process.env.NODE_ENV === "development" });
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Everything but Next's own files and the files in public/, and the two routes that take
  // large bodies: Next buffers a request body for the proxy (10 MB at most, truncating the
  // rest), so a CSV upload and API batches must not pass through it. Both check access themselves.
  matcher: [
    "/((?!_next/static|_next/image|api/v1/|api/imports/upload|favicon\\.ico|.*\\.(?:png|jpg|svg|ico|txt|webmanifest|woff2?)$).*)",
  ],
};
