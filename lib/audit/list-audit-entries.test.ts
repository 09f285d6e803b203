import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, useTestDb } from "@/test/db";
import { auditFilterOptions, listAuditEntries, listAuditForPatron } from "./list-audit-entries";
import { recordAudit } from "./record-audit";

const db = useTestDb();

describe("the audit log", () => {
  let libraryA: number;
  let libraryB: number;

  beforeEach(async () => {
    await resetDatabase(db);
    libraryA = (await db.library.create({ data: { code: "a", name: "Bibliotheek A" } })).id;
    libraryB = (await db.library.create({ data: { code: "b", name: "Bibliotheek B" } })).id;
  });

  it("never stores password fields, whatever the caller passes", async () => {
    await recordAudit(db, {
      libraryId: libraryA,
      actorId: null,
      actorLabel: "test",
      action: "staff.update",
      entityType: "StaffUser",
      entityId: 1,
      before: { name: "A", passwordHash: "$2b$11$abc", mustChangePassword: false },
      after: { name: "B", password: "typed", nested: { apiToken: "t" } },
    });
    const entry = await db.auditEntry.findFirstOrThrow();
    expect(entry.before).toEqual({ name: "A", mustChangePassword: false });
    expect(entry.after).toEqual({ name: "B", nested: {} });
  });

  it("filters by actor, action, entity and library-local days, newest first, a page at a time", async () => {
    const at = (iso: string) => new Date(iso);
    const rows = [
      { at: at("2026-11-29T22:30:00Z"), action: "staff.create", actorId: null, entityType: "StaffUser" }, // 23:30 Brussels, 29th
      { at: at("2026-11-29T23:30:00Z"), action: "staff.update", actorId: null, entityType: "StaffUser" }, // 00:30, 30th
      { at: at("2026-11-30T10:00:00Z"), action: "stage.update", actorId: null, entityType: "NoticeStage" },
      { at: at("2026-12-01T10:00:00Z"), action: "staff.update", actorId: null, entityType: "StaffUser" },
    ];
    for (const [i, row] of rows.entries())
      await db.auditEntry.create({
        data: {
          ...row,
          libraryId: libraryA,
          actorLabel: "x",
          entityId: String(i),
          patronId: i === 2 ? 7 : null,
        },
      });

    const day30 = await listAuditEntries(db, libraryA, { from: "2026-11-30", to: "2026-11-30" });
    expect(day30.rows.map((r) => r.entityId)).toEqual(["2", "1"]);
    const updates = await listAuditEntries(db, libraryA, { action: "staff.update" });
    expect(updates.rows.map((r) => r.entityId)).toEqual(["3", "1"]);
    const stages = await listAuditEntries(db, libraryA, { entityType: "NoticeStage" });
    expect(stages.total).toBe(1);
    const page2 = await listAuditEntries(db, libraryA, {}, { page: 2, pageSize: 3 });
    expect(page2).toMatchObject({ total: 4, page: 2, pageCount: 2 });
    expect(page2.rows.map((r) => r.entityId)).toEqual(["0"]);
    expect(
      (await listAuditForPatron(db, { libraryId: libraryA, patronId: 7 })).map((r) => r.entityId),
    ).toEqual(["2"]);
  });

  it("each library reads only its own entries, and its filters list only its own actions and people", async () => {
    const actorB = await db.staffUser.create({
      data: { email: "b@bib.be", name: "Bart B", role: "admin", passwordHash: "x", libraryId: libraryB },
    });
    await recordAudit(db, {
      libraryId: libraryA,
      actorId: null,
      actorLabel: "system",
      action: "stage.update",
      entityType: "NoticeStage",
      entityId: 1,
      patronId: 7,
    });
    await recordAudit(db, {
      libraryId: libraryB,
      actorId: actorB.id,
      actorLabel: "Bart B",
      action: "staff.password.reset",
      entityType: "StaffUser",
      entityId: actorB.id,
      patronId: 7,
    });

    const ofA = await listAuditEntries(db, libraryA, {});
    expect(ofA.rows.map((r) => r.action)).toEqual(["stage.update"]);
    expect((await listAuditEntries(db, libraryA, { actorId: actorB.id })).total).toBe(0);
    expect(await auditFilterOptions(db, libraryA)).toEqual({
      actors: [],
      actions: ["stage.update"],
      entityTypes: ["NoticeStage"],
    });
    expect((await listAuditForPatron(db, { libraryId: libraryA, patronId: 7 })).map((r) => r.action)).toEqual(
      ["stage.update"],
    );
    expect((await listAuditEntries(db, libraryB, {})).rows.map((r) => r.action)).toEqual([
      "staff.password.reset",
    ]);
  });
});
