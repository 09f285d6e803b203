// Where the auth flow sends people. Client-safe.

export const SIGN_IN_PATH = "/sign-in";
export const CHANGE_PASSWORD_PATH = "/change-password";
/** Where a consortium-wide account chooses the library it works in. */
export const CHOOSE_LIBRARY_PATH = "/choose-library";
/** A consortium-wide account's chosen library (its id); ignored for every other account. */
export const LIBRARY_COOKIE = "rappel-library";

/** Set by proxy.ts on every request: the path (and query) the browser asked for. */
export const REQUEST_PATH_HEADER = "x-rappel-path";

/**
 * A path inside this site to return to after signing in, or "/" for anything else: never an
 * absolute URL or a protocol-relative "//host", which would make the sign-in an open redirect.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (value.startsWith(SIGN_IN_PATH) || value.startsWith("/api/")) return "/";
  return value;
}

export function signInPath(returnTo?: string | null): string {
  const path = safeReturnPath(returnTo);
  return path === "/" ? SIGN_IN_PATH : `${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(path)}`;
}

/**
 * Whether a request is a person's browser opening an address (a page, or a PDF link from a
 * page), not a script or a fetch: such a request is sent to sign in, a script gets a 401.
 */
export function isNavigation(request: Request): boolean {
  return request.method === "GET" && (request.headers.get("accept")?.includes("text/html") ?? false);
}
