// A request whose address holds text no page of Rappel can take: answered 400 by proxy.ts.
import { textProblem } from "@/lib/errors/text-check";
import { languageFromAcceptHeader, patronTexts } from "@/lib/self-service/patron-texts";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";

/** Longer than any address Rappel makes (a signed link, a filtered list); longer is not ours. */
const MAX_PARAMETER_LENGTH = 2_000;

/**
 * Whether the address (path and query, decoded) holds a NUL byte or another control
 * character, half a surrogate pair, or a parameter over 2,000 characters. PostgreSQL refuses
 * \u0000 in text, so such a value would reach a query and fail as a 500; it is refused before
 * any page, route or query sees it. Checked on the decoded path and on every name and value.
 */
export function hasInvalidAddressText(url: URL): boolean {
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // "%E0%A4%A": not even a byte sequence; the path as sent
  }
  if (textProblem(path, MAX_PARAMETER_LENGTH)) return true;
  for (const [name, value] of url.searchParams)
    if (textProblem(name, MAX_PARAMETER_LENGTH) || textProblem(value, MAX_PARAMETER_LENGTH)) return true;
  return false;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/**
 * The answer to such an address: 400 with the reason in words. API routes get JSON
 * `{ code, message }` (like staffRoute's refusals); a page
 * gets a small page in the staff member's language (the language cookie) with a link to the
 * same page without its query; the patrons' links (/r/, /u/) a page in nl/fr/en by the
 * browser's language. Nothing of the address is echoed back.
 */
export function invalidAddressResponse(
  url: URL,
  { locale, acceptLanguage }: { locale: string | undefined; acceptLanguage: string | null },
): Response {
  const staff = locale === "en" ? en.errors : nl.errors;
  if (url.pathname.startsWith("/api/"))
    return Response.json(
      { code: "invalidAddress", message: staff.invalidAddress },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );

  const patron = url.pathname.startsWith("/r/") || url.pathname.startsWith("/u/");
  const lang = patron ? languageFromAcceptHeader(acceptLanguage) : locale === "en" ? "en" : "nl";
  const title = patron ? patronTexts(lang).problem.invalidTitle : staff.invalidAddressTitle;
  const body = patron ? patronTexts(lang).problem.invalidAddress : staff.invalidAddress;
  // the page's own path, when it can be told without the bad text
  const page = !patron && !hasInvalidAddressText(new URL(url.pathname, url)) ? url.pathname : "/";
  const back = patron
    ? ""
    : `<p><a href="${escapeHtml(page)}">${escapeHtml(staff.invalidAddressBack.replace("{page}", page))}</a></p>`;
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Rappel</title>
<style>body{font:1.0625rem/1.5 system-ui,sans-serif;color:#1f2933;background:#f7f8fa;margin:0;padding:2rem 1rem}main{max-width:40rem;margin:0 auto;background:#fff;border:1px solid #6b7280;border-radius:.5rem;padding:1.5rem}h1{font-size:1.5rem;margin:0 0 .75rem}a{color:#1d4ed8}</style>
</head><body><main><h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(body)}</p>${back}</main></body></html>`;
  return new Response(html, {
    status: 400,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy":
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  });
}
