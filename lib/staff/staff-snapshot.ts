import type { StaffRole } from "@/lib/auth/roles";

/** What the audit log keeps of an account before and after a change: never the hash. */
export type StaffSnapshot = {
  email: string;
  name: string;
  role: StaffRole;
  branchId: number | null;
  disabled: boolean;
  mustChangePassword: boolean;
};

export const STAFF_SNAPSHOT_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  branchId: true,
  libraryId: true,
  disabledAt: true,
  mustChangePassword: true,
} as const;

export function staffSnapshot(user: {
  email: string;
  name: string;
  role: StaffRole;
  branchId: number | null;
  disabledAt: Date | null;
  mustChangePassword: boolean;
}): StaffSnapshot {
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    branchId: user.branchId,
    disabled: user.disabledAt !== null,
    mustChangePassword: user.mustChangePassword,
  };
}
