import "server-only";
import type { AuditChange } from "@/lib/audit/record-audit";
import { verifyOwnPassword } from "@/lib/auth/check-credentials";
import type { StaffTx } from "@/lib/auth/define-staff-action";
import { hashPassword } from "@/lib/auth/password";
import { DomainError } from "@/lib/errors/domain-error";

/**
 * A staff member replaces their password (a temporary one, or by choice). The session version
 * moves on: every other session of the account ends; the caller keeps this one
 * (`keepThisSession` with the returned version).
 */
export async function changeOwnPassword(
  tx: StaffTx,
  audit: (change: AuditChange) => Promise<void>,
  staffId: number,
  input: { currentPassword: string; newPassword: string },
): Promise<{ sessionVersion: number }> {
  if (!(await verifyOwnPassword(tx, staffId, input.currentPassword)))
    throw new DomainError("wrongCurrentPassword", { field: "currentPassword" });
  if (input.newPassword === input.currentPassword)
    throw new DomainError("samePassword", { field: "newPassword" });
  const before = await tx.staffUser.findUniqueOrThrow({
    where: { id: staffId },
    select: { mustChangePassword: true },
  });
  const after = await tx.staffUser.update({
    where: { id: staffId },
    data: {
      passwordHash: await hashPassword(input.newPassword),
      mustChangePassword: false,
      sessionVersion: { increment: 1 },
    },
    select: { mustChangePassword: true, sessionVersion: true },
  });
  await audit({
    action: "staff.password.change",
    entityType: "StaffUser",
    entityId: staffId,
    before,
    after: { mustChangePassword: after.mustChangePassword },
  });
  return { sessionVersion: after.sessionVersion };
}
