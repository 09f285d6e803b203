import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getStaffSession } from "./get-staff-session";
import type { StaffWithLibrary } from "./load-staff-session";
import {
  CHANGE_PASSWORD_PATH,
  CHOOSE_LIBRARY_PATH,
  REQUEST_PATH_HEADER,
  safeReturnPath,
  signInPath,
} from "./paths";
import { roleAtLeast, type StaffRole } from "./roles";

export type { StaffWithLibrary };

/** The role the refused page needs, for app/(staff)/forbidden.tsx in the same request. */
export const refusedPage = cache((): { need: StaffRole | null } => ({ need: null }));

/**
 * The guard at the top of every staff page: the signed-in staff member with at least
 * `minRole`, and the library this request works for (`staff.library`, never null: every query
 * of the page is scoped by its id). Signed out (or a session that is no longer valid): to the
 * sign-in page, which brings them back here. A password to replace: to the change-password
 * page. A consortium-wide account that has not chosen a library yet: to the choice. A role
 * too low: HTTP 403 with the "no access" page (app/(staff)/forbidden.tsx), which says which
 * role the page needs; the address stays the one asked for.
 */
export async function requireStaff(minRole: StaffRole = "desk"): Promise<StaffWithLibrary> {
  const staff = await getStaffSession();
  const here = safeReturnPath((await headers()).get(REQUEST_PATH_HEADER));
  if (!staff) redirect(signInPath(here));
  if (staff.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  if (!staff.library) redirect(`${CHOOSE_LIBRARY_PATH}?${new URLSearchParams({ from: here })}`);
  if (!roleAtLeast(staff.role, minRole)) {
    refusedPage().need = minRole;
    forbidden();
  }
  return { ...staff, library: staff.library };
}
