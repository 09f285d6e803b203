import "server-only";
import { getStaffSession } from "./get-staff-session";
import type { StaffSession, StaffWithLibrary } from "./load-staff-session";
import { roleAtLeast, type StaffRole } from "./roles";

export type StaffRouteContext<TParams> = {
  staff: StaffWithLibrary;
  library: StaffWithLibrary["library"];
  params: TParams;
};

type Refusal = { status: 401 | 403 | 409; error: string };

/** Why a session may not use a route of `role`, or null when it may. */
export function refuseRoute(staff: StaffSession | null, role: StaffRole): Refusal | null {
  if (!staff) return { status: 401, error: "Sign in first." };
  if (staff.mustChangePassword) return { status: 403, error: "Change your password first." };
  if (!roleAtLeast(staff.role, role)) return { status: 403, error: "Your role may not do this." };
  if (!staff.library) return { status: 409, error: "Choose the library you work in first." };
  return null;
}

/**
 * Wraps an API route handler the way `staffAction` wraps a server action: the session, the
 * role and the library are checked once here, and the handler gets the library every query
 * must be scoped by. Refusals are JSON `{ error }` with 401 (signed out), 403 (role, forced
 * password change) or 409 (a consortium-wide account that has not chosen a library).
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
    if (refusal || !staff?.library) {
      const { status, error } = refusal ?? { status: 409, error: "Choose the library you work in first." };
      return Response.json({ error }, { status, headers: { "Cache-Control": "private, no-store" } });
    }
    const withLibrary = { ...staff, library: staff.library };
    return handler(request, {
      staff: withLibrary,
      library: staff.library,
      params: (await segment?.params) ?? ({} as TParams),
    });
  };
}
