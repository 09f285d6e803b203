import { beforeEach, describe, expect, it } from "vitest";
import { addDays, type LocalDate } from "@/lib/dates";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestLibrary, type TestLibrary } from "@/test/test-fixtures";
import { previewSettingsChange } from "./preview-settings-change";

const db = useTestDb();
const date: LocalDate = "2026-03-10";

beforeEach(() => resetDatabase(db));

/** Four patrons with a loan 7 days overdue (overdue 1 by email): three at Meulebeke, one at Tielt. */
async function library(): Promise<TestLibrary> {
  const t = await createTestLibrary(db, { branches: [{ name: "Meulebeke" }, { name: "Tielt" }] });
  for (let i = 0; i < 3; i++) await t.loan(await t.patron(), { dueDate: addDays(date, -7) });
  await t.loan(await t.patron(), { dueDate: addDays(date, -7), branch: t.branches[1] });
  return t;
}

/** Everything the preview must leave as it was. */
async function snapshot() {
  return {
    stages: await db.noticeStage.findMany({ orderBy: { id: "asc" } }),
    branchSettings: await db.branchStageSetting.findMany({ orderBy: { id: "asc" } }),
    notices: await db.notice.count(),
    noticeLoans: await db.noticeLoan.count(),
    letters: await db.letter.count(),
  };
}

describe("previewSettingsChange", () => {
  it("disabling a stage removes its notices from the run, and nothing is written", async () => {
    const t = await library();
    const stage = t.stage("overdue-1");
    const before = await snapshot();
    const preview = await previewSettingsChange(db, {
      libraryId: t.library.id,
      date,
      apply: async (tx) => {
        await tx.noticeStage.update({ where: { id: stage.id }, data: { enabled: false } });
      },
    });
    expect(preview.before.byStage[stage.id]).toEqual({ notices: 4, loans: 4 });
    expect(preview.after.byStage[stage.id]).toBeUndefined();
    expect(preview.before.totals.notices).toBe(4);
    expect(preview.after.totals.notices).toBe(0);
    expect(preview.stageIds).toContain(stage.id);
    expect(await snapshot()).toEqual(before);
  });

  it("switching a stage to letter at a branch moves its emails to letters, and nothing is written", async () => {
    const t = await library();
    const before = await snapshot();
    const preview = await previewSettingsChange(db, {
      libraryId: t.library.id,
      date,
      apply: async (tx) => {
        await tx.branchStageSetting.create({
          data: { stageId: t.stage("overdue-1").id, branchId: t.branch.id, channel: "letter" },
        });
      },
    });
    expect(preview.before.byChannel).toEqual({
      email: { notices: 4, loans: 4 },
      letter: { notices: 0, loans: 0 },
      registered_letter: { notices: 0, loans: 0 },
    });
    expect(preview.after.byChannel).toMatchObject({
      email: { notices: 1, loans: 1 },
      letter: { notices: 3, loans: 3 },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("a change refused while applying comes out as the error, and nothing is written", async () => {
    const t = await library();
    const before = await snapshot();
    await expect(
      previewSettingsChange(db, {
        libraryId: t.library.id,
        date,
        apply: async (tx) => {
          await tx.noticeStage.update({ where: { id: t.stage("overdue-1").id }, data: { feeCents: 999 } });
          throw new Error("refused");
        },
      }),
    ).rejects.toThrow("refused");
    expect(await snapshot()).toEqual(before);
  });
});
