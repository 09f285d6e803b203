import type { Db } from "@/lib/db-client";
import type { StaffRole } from "./roles";

/** The signed-in staff member as pages and actions see them, read fresh from the database. */
export type StaffSession = {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
  /** null = consortium-wide account */
  libraryId: number | null;
  /** null = all branches; set = this branch's work comes first */
  branchId: number | null;
  branchName: string | null;
  mustChangePassword: boolean;
};

/**
 * The account behind a valid session cookie, or null when it is gone, disabled, or its
 * session version moved on (an admin reset the password or disabled it since the cookie was
 * made). Role and branch come from the database, so a change takes effect at once.
 */
export async function loadStaffSession(
  db: Db,
  claim: { staffId?: string | number | null; sessionVersion?: number | null },
): Promise<StaffSession | null> {
  const id = Number(claim.staffId);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const user = await db.staffUser.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      libraryId: true,
      branchId: true,
      branch: { select: { name: true } },
      mustChangePassword: true,
      disabledAt: true,
      sessionVersion: true,
    },
  });
  if (!user || user.disabledAt || user.sessionVersion !== (claim.sessionVersion ?? 0)) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    libraryId: user.libraryId,
    branchId: user.branchId,
    branchName: user.branch?.name ?? null,
    mustChangePassword: user.mustChangePassword,
  };
}
