import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestLibrary, type TestLibrary } from "@/test/test-fixtures";
import { resetBranchStageField, type StageChangeInput, saveStageSettings } from "./save-stage-settings";
import type { StageValues } from "./stage-settings";

const db = useTestDb();
beforeEach(() => resetDatabase(db));

function systemValues(t: TestLibrary, key: string): StageValues {
  const { offsetDays, dayCount, enabled, channel, fallback, feeCents, audience } = t.stage(key);
  return { offsetDays, dayCount, enabled, channel, fallback, feeCents, audience };
}

const save = (t: TestLibrary, input: StageChangeInput) =>
  db.$transaction((tx) => saveStageSettings(tx, { ...input, libraryId: t.library.id, staffId: null }));

describe("saveStageSettings", () => {
  it("saves a stage at system level with the change for the audit log", async () => {
    const t = await createTestLibrary(db);
    const stage = t.stage("overdue-1");
    const result = await save(t, {
      stageId: stage.id,
      branchId: null,
      ...systemValues(t, "overdue-1"),
      feeCents: 125,
    });
    expect(result).toMatchObject({
      ok: true,
      change: {
        action: "stage.update",
        entityId: stage.id,
        before: { feeCents: stage.feeCents },
        after: { feeCents: 125 },
      },
    });
    expect((await db.noticeStage.findUniqueOrThrow({ where: { id: stage.id } })).feeCents).toBe(125);
  });

  it("at system level every field is required; each missing one is named", async () => {
    const t = await createTestLibrary(db);
    const { feeCents: _f, channel: _c, ...rest } = systemValues(t, "overdue-1");
    const result = await save(t, { stageId: t.stage("overdue-1").id, branchId: null, ...rest });
    expect(result).toEqual({
      ok: false,
      problems: [
        { code: "required", field: "channel" },
        { code: "required", field: "feeCents" },
      ],
    });
  });

  it("a negative fee and a broken order are refused together, each at its field, nothing written", async () => {
    const t = await createTestLibrary(db);
    const stage = t.stage("overdue-2");
    const result = await save(t, {
      stageId: stage.id,
      branchId: null,
      ...systemValues(t, "overdue-2"),
      feeCents: -100,
      offsetDays: 1,
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => [p.field, p.code])).toEqual(
      expect.arrayContaining([
        ["feeCents", "settings.stage.invalidFee"],
        ["offsetDays", "settings.stage.offsets_not_rising"],
      ]),
    );
    expect((await db.noticeStage.findUniqueOrThrow({ where: { id: stage.id } })).feeCents).toBe(
      stage.feeCents,
    );
  });

  it("names the stage in the reader's language and the branch a problem is on", async () => {
    const t = await createTestLibrary(db);
    const stage = t.stage("pre-due");
    const refused = async (language: "nl" | "en", branchId: number | null) => {
      const values = branchId === null ? { ...systemValues(t, "pre-due"), offsetDays: 3 } : { offsetDays: 3 };
      const result = await db.$transaction((tx) =>
        saveStageSettings(tx, {
          stageId: stage.id,
          branchId,
          ...values,
          libraryId: t.library.id,
          staffId: null,
          language,
        }),
      );
      return result.ok ? [] : result.problems;
    };
    expect(await refused("nl", null)).toContainEqual({
      code: "settings.stage.pre_due_offset_not_negative",
      field: "offsetDays",
      values: expect.objectContaining({ stage: "Herinnering", inBranch: "no" }),
    });
    expect(await refused("en", t.branch.id)).toContainEqual({
      code: "settings.stage.pre_due_offset_not_negative",
      field: "offsetDays",
      values: expect.objectContaining({ stage: "Reminder", inBranch: "yes", branch: t.branch.name }),
    });
  });

  it("a branch override is saved (null = inherited) and goes back to inherited field by field", async () => {
    const t = await createTestLibrary(db);
    const stage = t.stage("overdue-1");
    const saved = await save(t, { stageId: stage.id, branchId: t.branch.id, feeCents: 250 });
    expect(saved).toMatchObject({
      ok: true,
      change: {
        action: "stage.branch-override",
        before: null,
        after: { branchId: t.branch.id, feeCents: 250, channel: null },
      },
    });
    const reset = () =>
      db.$transaction((tx) =>
        resetBranchStageField(tx, {
          libraryId: t.library.id,
          staffId: null,
          stageId: stage.id,
          branchId: t.branch.id,
          field: "feeCents",
        }),
      );
    expect(await reset()).toMatchObject({
      ok: true,
      change: { before: { feeCents: 250 }, after: { feeCents: null } },
    });
    expect(await reset()).toEqual({ ok: true, change: null });
  });

  it("another library's stage or branch is not found and nothing is written", async () => {
    const t = await createTestLibrary(db);
    const other = await createTestLibrary(db, { code: "O" });
    const foreignStage = other.stage("overdue-1");
    await expect(
      save(t, { stageId: foreignStage.id, branchId: null, ...systemValues(other, "overdue-1") }),
    ).rejects.toMatchObject({ name: "DomainError", problems: [{ code: "nothingChanged" }] });
    await expect(
      save(t, { stageId: t.stage("overdue-1").id, branchId: other.branch.id, feeCents: 1 }),
    ).rejects.toMatchObject({ name: "DomainError", problems: [{ code: "nothingChanged" }] });
    expect(await db.branchStageSetting.count()).toBe(0);
  });
});
