import type { AuditActor } from "@/lib/audit/record-audit";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffTx } from "@/lib/auth/define-staff-action";
import { hashPassword } from "@/lib/auth/password";
import { DomainError } from "@/lib/errors/domain-error";
import type { NewStaff } from "./staff-input";
import { STAFF_SNAPSHOT_SELECT, staffSnapshot } from "./staff-snapshot";

/**
 * Creates a staff account with `password` (hashed here) and writes its audit entry. With
 * `mustChangePassword` the password is a temporary one the user replaces at first sign-in.
 */
export async function createStaffUser(
  tx: StaffTx,
  actor: AuditActor,
  input: NewStaff & { libraryId: number | null; password: string; mustChangePassword: boolean },
) {
  if (input.branchId !== null) {
    const branch = await tx.branch.findUnique({ where: { id: input.branchId }, select: { libraryId: true } });
    if (!branch || branch.libraryId !== input.libraryId)
      throw new DomainError("unknownBranch", { field: "branchId" });
  }
  const user = await tx.staffUser.create({
    data: {
      email: input.email,
      name: input.name,
      role: input.role,
      branchId: input.branchId,
      libraryId: input.libraryId,
      passwordHash: await hashPassword(input.password),
      mustChangePassword: input.mustChangePassword,
    },
    select: STAFF_SNAPSHOT_SELECT,
  });
  await recordAudit(tx, {
    libraryId: input.libraryId,
    ...actor,
    action: "staff.create",
    entityType: "StaffUser",
    entityId: user.id,
    after: staffSnapshot(user),
  });
  return user;
}
