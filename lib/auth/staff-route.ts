import "server-only";
import type { ErrorCode } from "@/lib/errors/domain-error";
import { staffProblemText } from "@/lib/errors/staff-error-text";
import { getStaffSession } from "./get-staff-session";
import type { StaffSession, StaffWithLibrary } from "./load-staff-session";
import { isNavigation, signInPath } from "./paths";
import { roleAtLeast, type StaffRole } from "./roles";

export type StaffRouteContext<TParams> = {
  staff: StaffWithLibrary;
  library: StaffWithLibrary["library"];
  params: TParams;
};

type Refusal = {
  status: 401 | 403 | 409;
  code: Extract<ErrorCode, "signedOut" | "mustChangePassword" | "forbidden" | "chooseLibrary">;
};

/** Why a session may not use a route of `role` (the same codes as `staffAction`'s), or null when it may. */
export function refuseRoute(staff: StaffSession | null, role: StaffRole): Refusal | null {
  if (!staff) return { status: 401, code: "signedOut" };
  if (staff.mustChangePassword) return { status: 403, code: "mustChangePassword" };
  if (!roleAtLeast(staff.role, role)) return { status: 403, code: "forbidden" };
  if (!staff.library) return { status: 409, code: "chooseLibrary" };
  return null;
}

/**
 * A refusal as the client gets it: `{ code, message }`, the code stable (a key of
 * messages/*.json "errors") and the message in the staff member's language (Dutch when signed
 * out), for a script to test and a person to read.
 */
async function refusalResponse({ status, code }: Refusal): Promise<Response> {
  const message = await staffProblemText({ code });
  return Response.json({ code, message }, { status, headers: { "Cache-Control": "private, no-store" } });
}

/**
 * Wraps an API route handler the way `staffAction` wraps a server action: the session, the
 * role and the library are checked once here, and the handler gets the library every query
 * must be scoped by. Refusals are JSON `{ code, message }` (see `refusalResponse`) with 401
 * (signed out), 403 (role, forced password change) or 409 (a consortium-wide account that has
 * not chosen a library). A person whose session has ended (the cookie is still there, so the
 * proxy let the request through) and who opens a route's address in the browser, such as a
 * PDF link on a page left open overnight, is sent to sign in instead of shown JSON.
 *
 *   export const GET = staffRoute("desk", async (request, { library, params }) => ...);
 */
export function staffRoute<TParams = Record<string, never>>(
  role: StaffRole,
  handler: (request: Request, context: StaffRouteContext<TParams>) => Promise<Response>,
): (request: Request, segment: { params: Promise<TParams> }) => Promise<Response> {
  return async (request, segment) => {
    const staff = await getStaffSession();
    const refusal = refuseRoute(staff, role);
    if (refusal?.code === "signedOut" && isNavigation(request)) {
      const url = new URL(request.url);
      return Response.redirect(new URL(signInPath(`${url.pathname}${url.search}`), url), 303);
    }
    if (refusal || !staff?.library) return refusalResponse(refusal ?? { status: 409, code: "chooseLibrary" });
    const withLibrary = { ...staff, library: staff.library };
    return handler(request, {
      staff: withLibrary,
      library: staff.library,
      params: (await segment?.params) ?? ({} as TParams),
    });
  };
}
