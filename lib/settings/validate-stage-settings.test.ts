import { describe, expect, it } from "vitest";
import { DEFAULT_NOTICE_STAGES } from "./default-stages";
import { type StageSettingsInput, validateStageSettings } from "./validate-stage-settings";

const stages = DEFAULT_NOTICE_STAGES.map((stage, index) => ({ ...stage, id: index + 1 }));
type Stage = (typeof stages)[number];

/** The default stages with some fields of one stage changed. */
function withStage(key: string, change: Partial<Stage>): Stage[] {
  return stages.map((stage) => (stage.key === key ? { ...stage, ...change } : stage));
}

describe("validateStageSettings", () => {
  it("accepts the default stages", () => {
    expect(validateStageSettings({ stages })).toEqual({ success: true, issues: [], warnings: [] });
  });

  describe("warns, without refusing, when closed days can reorder the stages' dates", () => {
    it("a branch counting overdue 1 in open days before overdue 2 in calendar days", () => {
      const result = validateStageSettings({
        stages,
        branchOverrides: [{ stageId: 2, branchId: 9, branchName: "Tielt", dayCount: "open_days" }],
      });
      expect(result.success).toBe(true);
      expect(result.warnings).toEqual([
        expect.objectContaining({
          path: ["branchOverrides", 0, "dayCount"],
          code: "stage_order_open_days",
          params: expect.objectContaining({
            stage: "Second overdue notice",
            earlier: "First overdue notice",
            gap: 7,
            branch: "Tielt",
          }),
        }),
      ]);
      expect(result.warnings[0].message).toContain("closed 7 days or more");
    });

    it("the library's own stages: once, not again for every branch", () => {
      const result = validateStageSettings({
        stages: withStage("overdue-2", { dayCount: "open_days" }),
        branchOverrides: [{ stageId: 5, branchId: 9, branchName: "Tielt", feeCents: 500 }],
      });
      // overdue 3 (calendar) after overdue 2 (open days)
      expect(
        result.warnings.map((w) => [w.path, w.params.stageKey, w.params.earlierKey, w.params.gap]),
      ).toEqual([[["stages", 3, "dayCount"], "overdue-3", "overdue-2", 7]]);
    });

    it.each([
      ["every stage in calendar days", stages],
      ["every stage in open days", stages.map((s) => ({ ...s, dayCount: "open_days" as const }))],
      // calendar days first, open days later: open days only ever stretch a date further
      ["calendar days before open days", withStage("overdue-4", { dayCount: "open_days" })],
      ["an open-days stage switched off", withStage("overdue-1", { dayCount: "open_days", enabled: false })],
    ])("no warning: %s", (_, list) => {
      expect(validateStageSettings({ stages: list }).warnings).toEqual([]);
    });
  });

  it.each<[string, StageSettingsInput, string, (string | number)[], string]>([
    [
      "offsets must rise from stage to stage",
      { stages: withStage("overdue-2", { offsetDays: 7 }) },
      "offsets_not_rising",
      ["stages", 2, "offsetDays"],
      'Offsets must rise from stage to stage: "Second overdue notice" (+7 days) comes after "First overdue notice" (+7 days).',
    ],
    [
      "fees cannot be negative",
      { stages: withStage("overdue-3", { feeCents: -100 }) },
      "invalid_value",
      ["stages", 3, "feeCents"],
      "A fee cannot be negative.",
    ],
    [
      "fees are whole cents",
      { stages: withStage("overdue-3", { feeCents: 1.5 }) },
      "invalid_value",
      ["stages", 3, "feeCents"],
      "A fee is a whole number of cents.",
    ],
    [
      "a pre-due stage comes before the due date",
      { stages: withStage("pre-due", { offsetDays: 0 }) },
      "pre_due_offset_not_negative",
      ["stages", 0, "offsetDays"],
      '"Reminder" is a reminder: it must come before the due date (a negative offset).',
    ],
    [
      "a pre-due stage has no letter fallback",
      { stages: withStage("pre-due", { fallback: "letter" }) },
      "pre_due_fallback_not_none",
      ["stages", 0, "fallback"],
      '"Reminder" is a reminder before the due date: it has no letter fallback.',
    ],
    [
      "a pre-due stage is opt-in",
      { stages: withStage("pre-due", { audience: "all" }) },
      "pre_due_not_opt_in",
      ["stages", 0, "audience"],
      '"Reminder" is a reminder before the due date: only patrons who opted in receive it.',
    ],
    [
      "an overdue stage comes after the due date",
      {
        stages: withStage("overdue-1", { offsetDays: -1 }).map((s) =>
          s.key === "pre-due" ? { ...s, offsetDays: -3 } : s,
        ),
      },
      "overdue_offset_not_positive",
      ["stages", 1, "offsetDays"],
      '"First overdue notice" is an overdue notice: it must come after the due date (a positive offset).',
    ],
    [
      "a branch cannot make a registered-letter stage an email",
      { stages, branchOverrides: [{ stageId: 5, branchId: 10, branchName: "Tielt", channel: "email" }] },
      "registered_stage_by_email",
      ["branchOverrides", 0, "channel"],
      '"Registered final notice" is a registered-letter stage: it cannot be sent by email (branch Tielt).',
    ],
    [
      "a branch offset must keep the offsets rising",
      { stages, branchOverrides: [{ stageId: 3, branchId: 10, branchName: "Tielt", offsetDays: 25 }] },
      "offsets_not_rising",
      ["branchOverrides", 0, "offsetDays"],
      'Offsets must rise from stage to stage: "Third overdue notice" (+21 days) comes after "Second overdue notice" (+25 days) (branch Tielt).',
    ],
    [
      "a patron cannot choose a channel for a registered-letter stage",
      { stages, patronOverrides: [{ stageId: 5, channel: "letter" }] },
      "patron_channel_on_registered_stage",
      ["patronOverrides", 0, "channel"],
      '"Registered final notice" is always sent as a registered letter: a patron cannot choose its channel.',
    ],
    [
      "a patron cannot choose a registered letter",
      { stages, patronOverrides: [{ stageId: 2, channel: "registered_letter" }] },
      "invalid_value",
      ["patronOverrides", 0, "channel"],
      "A patron can choose email or letter, not a registered letter.",
    ],
    [
      "a patron cannot get the pre-due reminder by letter",
      { stages, patronOverrides: [{ stageId: 1, channel: "letter" }] },
      "patron_letter_on_pre_due",
      ["patronOverrides", 0, "channel"],
      '"Reminder" is a reminder before the due date, sent by email only: it cannot be a letter.',
    ],
    [
      "stage keys are unique",
      { stages: withStage("overdue-2", { key: "overdue-1" }) },
      "duplicate_key",
      ["stages", 2, "key"],
      "Two stages have the key overdue-1.",
    ],
  ])("%s", (_, input, code, path, message) => {
    const result = validateStageSettings(input);
    expect(result.success).toBe(false);
    expect(result.issues).toContainEqual(expect.objectContaining({ code, path, message }));
  });

  it("reports a branch problem once on the branch override, not again on the library's stage", () => {
    const result = validateStageSettings({
      stages,
      branchOverrides: [{ stageId: 1, branchId: 10, branchName: "Tielt", offsetDays: 2 }],
    });
    expect(result.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["pre_due_offset_not_negative", "branchOverrides.0.offsetDays"],
    ]);
  });

  it("says which branch when two branches break the same rule", () => {
    const result = validateStageSettings({
      stages,
      branchOverrides: [
        { stageId: 5, branchId: 10, branchName: "Tielt", channel: "email" },
        { stageId: 5, branchId: 11, branchName: "Pittem", channel: "email" },
      ],
    });
    expect(result.issues.map((i) => i.params.branch)).toEqual(["Tielt", "Pittem"]);
  });
});
