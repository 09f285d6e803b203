/**
 * The Content-Security-Policy of every page (proxy.ts sets it with a fresh nonce per
 * request; Next reads the nonce from the request's header and puts it on its own scripts).
 * Scripts: only those carrying the nonce, and what they load ('strict-dynamic'), so an
 * injected <script> or inline handler never runs. Styles may be inline (React style
 * attributes, the email previews). Nothing is loaded from another site: no remote images,
 * fonts or frames; forms post only here; no other site may frame a page.
 */
export function pageContentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "frame-ancestors 'self'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** A nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
