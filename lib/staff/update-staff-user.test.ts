import { beforeEach, describe, expect, it } from "vitest";
import type { AuditChange } from "@/lib/audit/record-audit";
import { recordAudit } from "@/lib/audit/record-audit";
import { checkCredentials } from "@/lib/auth/check-credentials";
import { loadStaffSession } from "@/lib/auth/load-staff-session";
import type { Db } from "@/lib/db-client";
import { ensureDemoStaff } from "@/scripts/demo/ensure-demo-staff";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestStaff } from "@/test/test-staff";
import { resetStaffPassword, setStaffDisabled, updateStaffUser } from "./update-staff-user";

const db = useTestDb();

type Tx = Parameters<Extract<Parameters<Db["$transaction"]>[0], (...args: never[]) => unknown>>[0];

/** Runs staff domain code the way the action wrapper does: one transaction, audited. */
function inTransaction<T>(
  db: Db,
  actorId: number,
  work: (tx: Tx, audit: (change: AuditChange) => Promise<void>) => Promise<T>,
): Promise<T> {
  return db.$transaction((tx) =>
    work(tx, (change) => recordAudit(tx, { libraryId, actorId, actorLabel: "test", ...change })),
  );
}

let libraryId: number;

describe("staff accounts", () => {
  let admin: number;
  let desk: number;

  beforeEach(async () => {
    await resetDatabase(db);
    libraryId = (await db.library.create({ data: { code: "a", name: "Bibliotheek A" } })).id;
    admin = (await createTestStaff(db, { email: "admin@bib.be", role: "admin", libraryId })).id;
    desk = (await createTestStaff(db, { email: "desk@bib.be", role: "desk", libraryId })).id;
  });

  it("the app's client never returns password hashes unless asked", async () => {
    const users = await db.staffUser.findMany();
    expect(users).toHaveLength(2);
    for (const user of users) expect(user).not.toHaveProperty("passwordHash");
  });

  it("the last active admin can be neither demoted nor disabled, and admins cannot change their own role", async () => {
    const other = (await createTestStaff(db, { email: "other@bib.be", role: "admin", libraryId })).id;
    await expect(
      inTransaction(db, admin, (tx, audit) =>
        updateStaffUser(tx, audit, admin, libraryId, admin, { name: "A", role: "desk", branchId: null }),
      ),
    ).rejects.toThrow("ownRole");
    await inTransaction(db, admin, (tx, audit) => setStaffDisabled(tx, audit, admin, libraryId, other, true));
    await expect(
      inTransaction(db, other, (tx, audit) =>
        updateStaffUser(tx, audit, other, libraryId, admin, { name: "A", role: "manager", branchId: null }),
      ),
    ).rejects.toThrow("lastAdmin");
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: admin } })).role).toBe("admin");
  });

  it("disabling an account ends its open sessions", async () => {
    const before = await loadStaffSession(db, { staffId: desk, sessionVersion: 0 });
    expect(before?.role).toBe("desk");
    await inTransaction(db, admin, (tx, audit) => setStaffDisabled(tx, audit, admin, libraryId, desk, true));
    expect(await loadStaffSession(db, { staffId: desk, sessionVersion: 0 })).toBeNull();
    expect(await loadStaffSession(db, { staffId: desk, sessionVersion: 1 })).toBeNull();
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "staff.disable" } });
    expect(entry.before).toMatchObject({ disabled: false });
    expect(entry.after).toMatchObject({ disabled: true });
  });

  it("a password reset gives a working temporary password, forces a change, ends sessions, lifts a lock and audits no secret", async () => {
    await db.staffUser.update({ where: { id: desk }, data: { lockedUntil: new Date(Date.now() + 600_000) } });
    const { temporaryPassword } = await inTransaction(db, admin, (tx, audit) =>
      resetStaffPassword(tx, audit, libraryId, desk),
    );
    expect(temporaryPassword).toMatch(/^[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}$/);
    expect(await loadStaffSession(db, { staffId: desk, sessionVersion: 0 })).toBeNull();
    const signIn = await checkCredentials(db, {
      email: "desk@bib.be",
      password: temporaryPassword,
      clientIp: "x",
    });
    expect(signIn.ok).toBe(true);
    const session = await loadStaffSession(db, { staffId: desk, sessionVersion: 1 });
    expect(session?.mustChangePassword).toBe(true);
    const entries = await db.auditEntry.findMany({ where: { action: "staff.password.reset" } });
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toContain(temporaryPassword);
    expect(JSON.stringify(entries)).not.toMatch(/\$2[aby]\$/);
  });

  it("an admin of one library can neither change, disable nor reset the accounts of another", async () => {
    const libraryB = (await db.library.create({ data: { code: "b", name: "Bibliotheek B" } })).id;
    const adminB = (
      await createTestStaff(db, { email: "admin-b@bib.be", role: "admin", libraryId: libraryB })
    ).id;
    const before = await db.staffUser.findUniqueOrThrow({
      where: { id: admin },
      omit: { passwordHash: false },
    });
    // admin of B acting in B, with ids of A's accounts
    const asB = <T>(work: (tx: Tx, audit: (change: AuditChange) => Promise<void>) => Promise<T>) =>
      db.$transaction((tx) =>
        work(tx, (change) =>
          recordAudit(tx, { libraryId: libraryB, actorId: adminB, actorLabel: "b", ...change }),
        ),
      );
    await expect(
      asB((tx, audit) =>
        updateStaffUser(tx, audit, adminB, libraryB, admin, { name: "X", role: "desk", branchId: null }),
      ),
    ).rejects.toThrow("staffNotFound");
    await expect(
      asB((tx, audit) => setStaffDisabled(tx, audit, adminB, libraryB, admin, true)),
    ).rejects.toThrow("staffNotFound");
    await expect(asB((tx, audit) => resetStaffPassword(tx, audit, libraryB, admin))).rejects.toThrow(
      "staffNotFound",
    );
    const after = await db.staffUser.findUniqueOrThrow({
      where: { id: admin },
      omit: { passwordHash: false },
    });
    expect(after).toEqual(before);
    expect(await db.auditEntry.count()).toBe(0);
  });

  it("the demo creates one account per role once, and leaves them alone afterwards", async () => {
    const library = await db.library.create({ data: { code: "demo", name: "Demo" } });
    expect(await ensureDemoStaff(db, { libraryId: library.id })).toEqual({ created: 4 });
    expect(await ensureDemoStaff(db, { libraryId: library.id })).toEqual({ created: 0 });
    const roles = await db.staffUser.findMany({
      where: { email: { endsWith: "@demo.rappel.be" } },
      select: { role: true },
    });
    expect(roles.map((r) => r.role).sort()).toEqual(["admin", "desk", "librarian", "manager"]);
    expect(await db.auditEntry.count({ where: { action: "staff.create", actorLabel: "demo" } })).toBe(4);
  });
});
