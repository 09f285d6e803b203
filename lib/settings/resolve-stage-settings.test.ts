import { describe, expect, it } from "vitest";
import { DEFAULT_NOTICE_STAGES } from "./default-stages";
import { effectiveStagesForBranch, resolveStageSettings } from "./resolve-stage-settings";
import type { LibrarySettings, PatronSettings } from "./stage-settings";

const systemEdit = new Date("2026-01-05T09:00:00Z");
const branchEdit = new Date("2026-03-02T10:30:00Z");
const patronEdit = new Date("2026-04-01T08:00:00Z");

const settings: LibrarySettings = {
  libraryId: 1,
  timeZone: "Europe/Brussels",
  stages: DEFAULT_NOTICE_STAGES.map((stage, index) => ({
    ...stage,
    id: index + 1,
    updatedAt: systemEdit,
    updatedById: 7,
  })),
  branches: [
    { id: 10, name: "Meulebeke", openWeekdays: [1, 2, 3, 4, 5, 6] },
    { id: 11, name: "Tielt", openWeekdays: [1, 2, 3, 4, 5, 6] },
  ],
  branchOverrides: [
    { stageId: 3, branchId: 10, channel: "letter", feeCents: 150, updatedAt: branchEdit, updatedById: 42 },
    { stageId: 2, branchId: 10, enabled: false, updatedAt: branchEdit, updatedById: 42 },
  ],
};

const patron: PatronSettings = {
  id: 99,
  channelPreference: "letter",
  preDueOptIn: true,
  language: "fr",
  noticesPausedUntil: null,
  updatedAt: patronEdit,
};

const byKey = (resolved: ReturnType<typeof resolveStageSettings>, key: string) =>
  resolved.stages.find((s) => s.key === key)!;

describe("resolveStageSettings", () => {
  it("without a branch every field comes from the system level, with who changed it and when", () => {
    const overdue2 = byKey(resolveStageSettings(settings), "overdue-2");
    expect(overdue2.fields.channel).toEqual({
      value: "email",
      level: "system",
      updatedAt: systemEdit,
      updatedById: 7,
    });
    expect(overdue2.fields.offsetDays).toMatchObject({ value: 14, level: "system" });
  });

  it("a branch override wins for that branch only, says where it was set and what it replaces", () => {
    const meulebeke = byKey(resolveStageSettings(settings, { branchId: 10 }), "overdue-2");
    expect(meulebeke.fields.channel).toEqual({
      value: "letter",
      level: "branch",
      branchId: 10,
      branchName: "Meulebeke",
      updatedAt: branchEdit,
      updatedById: 42,
      inherited: { value: "email", level: "system" },
    });
    expect(meulebeke.fields.feeCents).toMatchObject({ value: 150, level: "branch" });
    // A field the branch left empty is inherited.
    expect(meulebeke.fields.offsetDays).toMatchObject({ value: 14, level: "system" });

    const tielt = byKey(resolveStageSettings(settings, { branchId: 11 }), "overdue-2");
    expect(tielt.fields.channel).toMatchObject({ value: "email", level: "system" });
  });

  it("a patron can switch a stage off and choose its channel", () => {
    const resolved = resolveStageSettings(settings, {
      branchId: 11,
      patron: {
        settings: patron,
        overrides: [
          {
            stageId: 3,
            patronId: 99,
            enabled: false,
            channel: "email",
            updatedAt: patronEdit,
            updatedById: 5,
          },
        ],
      },
    });
    const overdue2 = byKey(resolved, "overdue-2");
    expect(overdue2.fields.enabled).toMatchObject({
      value: false,
      level: "patron",
      patronId: 99,
      updatedById: 5,
    });
    expect(overdue2.fields.channel).toMatchObject({
      value: "email",
      level: "patron",
      inherited: { value: "email", level: "system" },
    });
    expect(resolved.patron).toMatchObject({
      channelPreference: { value: "letter", level: "patron", updatedAt: patronEdit },
      preDueOptIn: { value: true, level: "patron" },
      language: { value: "fr", level: "patron" },
    });
  });

  it("a patron cannot switch on a stage the branch switched off, nor change a registered letter", () => {
    const resolved = resolveStageSettings(settings, {
      branchId: 10,
      patron: {
        settings: { ...patron, channelPreference: null },
        overrides: [
          {
            stageId: 2,
            patronId: 99,
            enabled: true,
            channel: null,
            updatedAt: patronEdit,
            updatedById: null,
          },
          {
            stageId: 5,
            patronId: 99,
            enabled: null,
            channel: "email",
            updatedAt: patronEdit,
            updatedById: null,
          },
        ],
      },
    });
    expect(byKey(resolved, "overdue-1").fields.enabled).toMatchObject({ value: false, level: "branch" });
    expect(byKey(resolved, "overdue-4").fields.channel).toMatchObject({
      value: "registered_letter",
      level: "system",
    });
    // No preference: "follow the stage", nothing set at patron level.
    expect(resolved.patron?.channelPreference).toMatchObject({ value: null, level: "system" });
  });

  it("gives the planner plain values per branch, with the level of the channel", () => {
    const stages = effectiveStagesForBranch(settings, 10);
    expect(stages.map((s) => [s.key, s.enabled, s.channel, s.channelLevel])).toEqual([
      ["pre-due", true, "email", "system"],
      ["overdue-1", false, "email", "system"],
      ["overdue-2", true, "letter", "branch"],
      ["overdue-3", true, "letter", "system"],
      ["overdue-4", true, "registered_letter", "system"],
    ]);
  });

  it("refuses a branch of another library", () => {
    expect(() => resolveStageSettings(settings, { branchId: 12 })).toThrow(/not in this library/);
  });
});
