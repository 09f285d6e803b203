import "server-only";
import type { AuditChange } from "@/lib/audit/record-audit";
import type { StaffTx } from "@/lib/auth/define-staff-action";
import { generateTemporaryPassword, hashPassword } from "@/lib/auth/password";
import { DomainError } from "@/lib/errors/domain-error";
import type { StaffProfile } from "./staff-input";
import { STAFF_SNAPSHOT_SELECT, staffSnapshot } from "./staff-snapshot";

type Audit = (change: AuditChange) => Promise<void>;

/** An account of the library (another library's account is "not found": nothing changes). */
async function loadForUpdate(tx: StaffTx, libraryId: number, id: number) {
  // FOR UPDATE: two admins changing the same account, or the last two admins, one at a time.
  await tx.$queryRaw`SELECT 1 FROM "StaffUser" WHERE "id" = ${id} AND "libraryId" = ${libraryId} FOR UPDATE`;
  const user = await tx.staffUser.findFirst({ where: { id, libraryId }, select: STAFF_SNAPSHOT_SELECT });
  if (!user) throw new DomainError("staffNotFound");
  return user;
}

/**
 * Refuses a change that would leave the library without an active admin to manage its
 * accounts (a consortium-wide admin counts: it can manage every library's).
 */
async function assertAnotherActiveAdmin(tx: StaffTx, libraryId: number, exceptId: number): Promise<void> {
  const others = await tx.staffUser.count({
    where: {
      role: "admin",
      disabledAt: null,
      id: { not: exceptId },
      OR: [{ libraryId }, { libraryId: null }],
    },
  });
  if (others === 0) throw new DomainError("lastAdmin");
}

/** Name, role and branch of an account. An admin cannot change their own role. */
export async function updateStaffUser(
  tx: StaffTx,
  audit: Audit,
  actorId: number,
  libraryId: number,
  id: number,
  profile: StaffProfile,
) {
  const before = await loadForUpdate(tx, libraryId, id);
  if (profile.role !== before.role) {
    if (id === actorId) throw new DomainError("ownRole", { field: "role" });
    if (before.role === "admin") await assertAnotherActiveAdmin(tx, libraryId, id);
  }
  if (profile.branchId !== null) {
    const branch = await tx.branch.findFirst({
      where: { id: profile.branchId, libraryId },
      select: { libraryId: true },
    });
    if (!branch) throw new DomainError("unknownBranch", { field: "branchId" });
  }
  const after = await tx.staffUser.update({
    where: { id },
    data: { name: profile.name, role: profile.role, branchId: profile.branchId },
    select: STAFF_SNAPSHOT_SELECT,
  });
  await audit({
    action: "staff.update",
    entityType: "StaffUser",
    entityId: id,
    before: staffSnapshot(before),
    after: staffSnapshot(after),
  });
  return after;
}

/**
 * Disables an account (its sessions end at their next request: the session version moves on)
 * or enables it again (with a clean sign-in counter). Nobody disables their own account.
 */
export async function setStaffDisabled(
  tx: StaffTx,
  audit: Audit,
  actorId: number,
  libraryId: number,
  id: number,
  disabled: boolean,
) {
  const before = await loadForUpdate(tx, libraryId, id);
  if (disabled && id === actorId) throw new DomainError("ownAccount");
  if (disabled && before.role === "admin") await assertAnotherActiveAdmin(tx, libraryId, id);
  if (disabled === (before.disabledAt !== null)) return before;
  const after = await tx.staffUser.update({
    where: { id },
    data: disabled
      ? { disabledAt: new Date(), sessionVersion: { increment: 1 } }
      : { disabledAt: null, failedSignIns: 0, lockedUntil: null },
    select: STAFF_SNAPSHOT_SELECT,
  });
  await audit({
    action: disabled ? "staff.disable" : "staff.enable",
    entityType: "StaffUser",
    entityId: id,
    before: staffSnapshot(before),
    after: staffSnapshot(after),
  });
  return after;
}

/**
 * Gives an account a temporary password, returned once for the admin to hand over. The user
 * must choose a new one at the next sign-in; their current sessions end; a lock is lifted.
 */
export async function resetStaffPassword(
  tx: StaffTx,
  audit: Audit,
  libraryId: number,
  id: number,
): Promise<{ temporaryPassword: string }> {
  const before = await loadForUpdate(tx, libraryId, id);
  const temporaryPassword = generateTemporaryPassword();
  const after = await tx.staffUser.update({
    where: { id },
    data: {
      passwordHash: await hashPassword(temporaryPassword),
      mustChangePassword: true,
      sessionVersion: { increment: 1 },
      failedSignIns: 0,
      lockedUntil: null,
    },
    select: STAFF_SNAPSHOT_SELECT,
  });
  await audit({
    action: "staff.password.reset",
    entityType: "StaffUser",
    entityId: id,
    before: staffSnapshot(before),
    after: staffSnapshot(after),
  });
  return { temporaryPassword };
}
