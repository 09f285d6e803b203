import { z } from "zod";
import { Audience, Channel, DayCount, Fallback, StageKind } from "@/lib/generated/prisma/enums";
import { STAGE_FIELDS, type StageField, type StageValues } from "./stage-settings";

export const ZStageLabels = z
  .object({
    nl: z.string().trim().max(80).optional(),
    fr: z.string().trim().max(80).optional(),
    en: z.string().trim().max(80).optional(),
  })
  .refine(
    (labels) => Object.values(labels).some((label) => label),
    "A stage needs a label in at least one language.",
  );

const ZOffsetDays = z
  .number()
  .int("The offset is a whole number of days.")
  .min(-60, "A reminder goes out at most 60 days before the due date.")
  .max(365, "A notice goes out at most 365 days after the due date.");
const ZFeeCents = z
  .number()
  .int("A fee is a whole number of cents.")
  .min(0, "A fee cannot be negative.")
  .max(100_00, "A fee above 100.00 is surely a typing error.");

export const ZStage = z.object({
  id: z.number().int().optional(),
  key: z
    .string()
    .regex(
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
      "A stage key uses lower-case letters, digits and dashes, e.g. overdue-1.",
    ),
  position: z.number().int().min(1, "Positions start at 1."),
  kind: z.enum(StageKind),
  labels: ZStageLabels,
  offsetDays: ZOffsetDays,
  dayCount: z.enum(DayCount),
  enabled: z.boolean(),
  channel: z.enum(Channel),
  fallback: z.enum(Fallback),
  feeCents: ZFeeCents,
  audience: z.enum(Audience),
});

/** A branch override: every field null (or absent) = inherited from the library's stage. */
export const ZBranchStageOverride = z.object({
  stageId: z.number().int(),
  branchId: z.number().int(),
  branchName: z.string().optional(),
  offsetDays: ZOffsetDays.nullish(),
  dayCount: z.enum(DayCount).nullish(),
  enabled: z.boolean().nullish(),
  channel: z.enum(Channel).nullish(),
  fallback: z.enum(Fallback).nullish(),
  feeCents: ZFeeCents.nullish(),
  audience: z.enum(Audience).nullish(),
});

export const ZPatronStageOverride = z.object({
  stageId: z.number().int(),
  enabled: z.boolean().nullish(),
  channel: z
    .enum(Channel)
    .nullish()
    .refine(
      (channel) => channel !== "registered_letter",
      "A patron can choose email or letter, not a registered letter.",
    ),
});

export const ZStageSettingsInput = z.object({
  stages: z.array(ZStage).min(1, "A library needs at least one notice stage."),
  branchOverrides: z.array(ZBranchStageOverride).default([]),
  patronOverrides: z.array(ZPatronStageOverride).default([]),
});
export type StageSettingsInput = z.input<typeof ZStageSettingsInput>;

export type SettingsIssueCode =
  | "invalid_value"
  | "duplicate_key"
  | "duplicate_position"
  | "unknown_stage"
  | "offsets_not_rising"
  | "pre_due_offset_not_negative"
  | "pre_due_not_email"
  | "pre_due_fallback_not_none"
  | "pre_due_not_opt_in"
  | "overdue_offset_not_positive"
  | "registered_stage_by_email"
  | "patron_channel_on_registered_stage"
  | "patron_letter_on_pre_due"
  /** a warning, not a refusal: see stageOrderWarnings */
  | "stage_order_open_days";

/** One problem, with a code and params for translation and an English message for logs and tests. */
export type SettingsIssue = {
  path: (string | number)[];
  code: SettingsIssueCode;
  message: string;
  params: Record<string, string | number>;
};

/**
 * `issues` refuse the settings; `warnings` let them be saved but say what staff should know
 * (a mix of open-day and calendar-day stages that closed days can reorder).
 */
export type StageSettingsValidation =
  | { success: true; issues: []; warnings: SettingsIssue[] }
  | { success: false; issues: SettingsIssue[]; warnings: SettingsIssue[] };

type Stage = z.output<typeof ZStage>;
type Scope = { branchIndex?: number; branchName?: string };

/**
 * Checks a library's stages, its branches' overrides and a patron's overrides as they would
 * be saved. Field checks come from zod; the rules across fields and stages (offsets rise by
 * position, a pre-due reminder is an opt-in email before the due date, a registered letter
 * stays a letter) are checked on the system values and again on every branch's effective
 * values, so a branch override cannot break them either.
 */
export function validateStageSettings(input: StageSettingsInput): StageSettingsValidation {
  const parsed = ZStageSettingsInput.safeParse(input);
  if (!parsed.success) {
    return {
      success: false,
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)),
        code: "invalid_value",
        message: issue.message,
        params: {},
      })),
      warnings: [],
    };
  }
  const { stages, branchOverrides, patronOverrides } = parsed.data;
  const issues: SettingsIssue[] = [];

  for (const [field, code] of [
    ["key", "duplicate_key"],
    ["position", "duplicate_position"],
  ] as const) {
    const seen = new Set<string | number>();
    stages.forEach((stage, index) => {
      if (seen.has(stage[field])) {
        issues.push({
          path: ["stages", index, field],
          code,
          message: `Two stages have the ${field} ${stage[field]}.`,
          params: { value: stage[field] },
        });
      }
      seen.add(stage[field]);
    });
  }

  issues.push(...checkRules(stages, stages, (index, field) => ["stages", index, field], {}));
  const warnings = stageOrderWarnings(stages, (index, field) => ["stages", index, field], {});
  const systemProblems = new Set([...issues, ...warnings].map((issue) => `${issue.code}:${issue.path[1]}`));

  // Map.groupBy needs Node 21: group by hand.
  const byBranch = new Map<number, { override: (typeof branchOverrides)[number]; index: number }[]>();
  branchOverrides.forEach((override, index) => {
    byBranch.set(override.branchId, [...(byBranch.get(override.branchId) ?? []), { override, index }]);
  });
  for (const [branchId, overrides] of byBranch) {
    for (const { override, index } of overrides) {
      if (!stages.some((stage) => stage.id === override.stageId)) {
        issues.push(unknownStage(["branchOverrides", index, "stageId"], override.stageId));
      }
    }
    const branchName = overrides[0].override.branchName ?? `#${branchId}`;
    const effective = stages.map((stage) => {
      const found = overrides.find(({ override }) => override.stageId === stage.id);
      const merged: Stage = { ...stage };
      for (const field of STAGE_FIELDS) {
        const value = found?.override[field];
        if (value != null) (merged as Record<StageField, StageValues[StageField]>)[field] = value;
      }
      return merged;
    });
    const pathOf = (stageIndex: number, field: string) => {
      const found = overrides.find(({ override }) => override.stageId === stages[stageIndex].id);
      return found && found.override[field as StageField] != null
        ? ["branchOverrides", found.index, field]
        : ["stages", stageIndex, field];
    };
    for (const issue of checkRules(effective, stages, pathOf, { branchName })) {
      // Already reported on the library's own stage: say it once.
      if (issue.path[0] === "stages" && systemProblems.has(`${issue.code}:${issue.path[1]}`)) continue;
      issues.push(issue);
    }
    for (const warning of stageOrderWarnings(effective, pathOf, { branchName })) {
      if (warning.path[0] === "stages" && systemProblems.has(`${warning.code}:${warning.path[1]}`)) continue;
      warnings.push(warning);
    }
  }

  patronOverrides.forEach((override, index) => {
    const stage = stages.find((s) => s.id === override.stageId);
    if (!stage) {
      issues.push(unknownStage(["patronOverrides", index, "stageId"], override.stageId));
      return;
    }
    const name = stageName(stage);
    if (override.channel && stage.channel === "registered_letter") {
      issues.push({
        path: ["patronOverrides", index, "channel"],
        code: "patron_channel_on_registered_stage",
        message: `${name} is always sent as a registered letter: a patron cannot choose its channel.`,
        params: { stage: stageLabel(stage), stageKey: stage.key },
      });
    } else if (override.channel === "letter" && stage.kind === "pre_due") {
      issues.push({
        path: ["patronOverrides", index, "channel"],
        code: "patron_letter_on_pre_due",
        message: `${name} is a reminder before the due date, sent by email only: it cannot be a letter.`,
        params: { stage: stageLabel(stage), stageKey: stage.key },
      });
    }
  });

  return issues.length === 0 ? { success: true, issues: [], warnings } : { success: false, issues, warnings };
}

/**
 * An overdue stage counted in calendar days after one counted in open days: the open days
 * stretch over the branch's closed days, the calendar days do not, so a closure of `gap` days
 * or more (the difference of the offsets) puts the later stage's own date first. The planner
 * still sends the earlier stage first and the later one a full interval after it (no stage is
 * skipped), so the later stage goes out after its own date: staff should know. One warning per
 * such pair of neighbouring stages (the first to be reordered).
 */
function stageOrderWarnings(
  stages: Stage[],
  pathOf: (stageIndex: number, field: string) => (string | number)[],
  scope: Scope,
): SettingsIssue[] {
  const warnings: SettingsIssue[] = [];
  const where = scope.branchName ? ` (branch ${scope.branchName})` : "";
  const ordered = stages
    .map((stage, index) => ({ stage, index }))
    .filter(({ stage }) => stage.enabled && stage.kind === "overdue")
    .sort((a, b) => a.stage.position - b.stage.position);
  ordered.forEach(({ stage, index }, place) => {
    if (stage.dayCount !== "calendar") return;
    const earlier = ordered[place - 1];
    if (earlier?.stage.dayCount !== "open_days" || earlier.stage.offsetDays >= stage.offsetDays) return;
    const gap = stage.offsetDays - earlier.stage.offsetDays;
    // Blame the override that made the mix: this stage's day count, else the earlier one's.
    const own = pathOf(index, "dayCount");
    const path = own[0] === "stages" ? pathOf(earlier.index, "dayCount") : own;
    warnings.push({
      path: path[0] === "stages" ? own : path,
      code: "stage_order_open_days",
      message:
        `${stageName(stage)} counts calendar days, ${stageName(earlier.stage)} before it counts open days: ` +
        `when the branch is closed ${gap} days or more soon after a due date, ${stageName(stage)}'s own date comes first. ` +
        `It then waits for ${stageName(earlier.stage)} and goes out later than its own date${where}.`,
      params: {
        stage: stageLabel(stage),
        stageKey: stage.key,
        earlier: stageLabel(earlier.stage),
        earlierKey: earlier.stage.key,
        gap,
        ...(scope.branchName ? { branch: scope.branchName } : {}),
      },
    });
  });
  return warnings;
}

function checkRules(
  stages: Stage[],
  systemStages: Stage[],
  pathOf: (stageIndex: number, field: string) => (string | number)[],
  scope: Scope,
): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  const where = scope.branchName ? ` (branch ${scope.branchName})` : "";
  const branchParams: Record<string, string> = scope.branchName ? { branch: scope.branchName } : {};
  const add = (
    index: number,
    field: string,
    code: SettingsIssueCode,
    message: string,
    params = {},
    path = pathOf(index, field),
  ) =>
    issues.push({
      path,
      code,
      message: where ? message.replace(/\.$/, `${where}.`) : message,
      params: { stage: stageLabel(stages[index]), stageKey: stages[index].key, ...branchParams, ...params },
    });

  stages.forEach((stage, index) => {
    const name = stageName(stage);
    if (stage.kind === "pre_due") {
      if (stage.offsetDays >= 0) {
        add(
          index,
          "offsetDays",
          "pre_due_offset_not_negative",
          `${name} is a reminder: it must come before the due date (a negative offset).`,
          { offset: stage.offsetDays },
        );
      }
      if (stage.channel !== "email") {
        add(
          index,
          "channel",
          "pre_due_not_email",
          `${name} is a reminder before the due date: it is sent by email only.`,
        );
      }
      if (stage.fallback !== "none") {
        add(
          index,
          "fallback",
          "pre_due_fallback_not_none",
          `${name} is a reminder before the due date: it has no letter fallback.`,
        );
      }
      if (stage.audience !== "opted_in") {
        add(
          index,
          "audience",
          "pre_due_not_opt_in",
          `${name} is a reminder before the due date: only patrons who opted in receive it.`,
        );
      }
    } else if (stage.offsetDays <= 0) {
      add(
        index,
        "offsetDays",
        "overdue_offset_not_positive",
        `${name} is an overdue notice: it must come after the due date (a positive offset).`,
        { offset: stage.offsetDays },
      );
    }
    // The library made it a registered letter; a branch may not turn it into an email.
    if (stage.channel === "email" && systemStages[index].channel === "registered_letter") {
      add(
        index,
        "channel",
        "registered_stage_by_email",
        `${name} is a registered-letter stage: it cannot be sent by email.`,
      );
    }
  });

  const ordered = stages
    .map((stage, index) => ({ stage, index }))
    .sort((a, b) => a.stage.position - b.stage.position);
  for (let i = 1; i < ordered.length; i++) {
    const { stage: previous, index: previousIndex } = ordered[i - 1];
    const { stage, index } = ordered[i];
    if (stage.offsetDays <= previous.offsetDays) {
      // Blame the override that broke the order: this stage's, else the previous stage's.
      const own = pathOf(index, "offsetDays");
      const path = own[0] === "stages" ? pathOf(previousIndex, "offsetDays") : own;
      add(
        index,
        "offsetDays",
        "offsets_not_rising",
        `Offsets must rise from stage to stage: ${stageName(stage)} (${signed(stage.offsetDays)} days) comes after ${stageName(previous)} (${signed(previous.offsetDays)} days).`,
        {
          offset: stage.offsetDays,
          previous: stageLabel(previous),
          previousKey: previous.key,
          previousOffset: previous.offsetDays,
        },
        path[0] === "stages" ? own : path,
      );
    }
  }
  return issues;
}

function unknownStage(path: (string | number)[], stageId: number): SettingsIssue {
  return {
    path,
    code: "unknown_stage",
    message: `There is no stage #${stageId} in this library.`,
    params: { stageId },
  };
}

function stageLabel(stage: Pick<Stage, "key" | "labels">): string {
  return stage.labels.en || stage.labels.nl || stage.labels.fr || stage.key;
}

function stageName(stage: Pick<Stage, "key" | "labels">): string {
  return `"${stageLabel(stage)}"`;
}

function signed(days: number): string {
  return days > 0 ? `+${days}` : String(days);
}
