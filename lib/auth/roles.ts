import type { StaffRole as DbStaffRole } from "@/lib/generated/prisma/enums";

/**
 * Staff roles from least to most rights (docs: design.md "Who may do what"). Each role may
 * do everything the ones before it may. Client-safe: the menu uses it to hide what a role
 * cannot open.
 */
export const STAFF_ROLES = ["desk", "librarian", "manager", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

// The database enum and this list must stay the same set of names.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const rolesMatchDatabase: Same<StaffRole, DbStaffRole> = true;
void rolesMatchDatabase;

/** True when `role` has at least the rights of `minimum`. */
export function roleAtLeast(role: StaffRole, minimum: StaffRole): boolean {
  return STAFF_ROLES.indexOf(role) >= STAFF_ROLES.indexOf(minimum);
}
