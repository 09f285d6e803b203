import "server-only";
import { DomainError, type ErrorCode, type Problem } from "@/lib/errors/domain-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Language } from "@/lib/generated/prisma/enums";
import { loadLibrarySettings } from "./load-settings";
import type { SettingsChange } from "./settings-problem";
import {
  type LibrarySettings,
  STAGE_FIELDS,
  type StageField,
  type StageLabels,
  type StageValues,
} from "./stage-settings";
import {
  type SettingsIssue,
  type SettingsIssueCode,
  type StageSettingsInput,
  validateStageSettings,
} from "./validate-stage-settings";

type Tx = Prisma.TransactionClient;

/** A stage form's values: every field at system level; null = inherited on a branch's level. */
export type StageFieldValues = { [F in StageField]?: StageValues[F] | null };
export type StageChangeInput = StageFieldValues & {
  stageId: number;
  /** null = the system level */
  branchId: number | null;
};

/**
 * A refusal of a stage form is a `Problem` (lib/errors): at the edited stage's field it is
 * about, or without a field (the form's message) when the rule broken is about another stage
 * or branch; its code names a rule of `validateStageSettings` ("settings.stage.<rule>") or a
 * field the system level needs ("required"), its values the stage and branch names. A stage or
 * branch this library does not have is refused with DomainError "nothingChanged".
 */
const RULE_CODES: Record<SettingsIssueCode, ErrorCode> = {
  invalid_value: "settings.stage.invalidValue",
  duplicate_key: "settings.stage.duplicate_key",
  duplicate_position: "settings.stage.duplicate_position",
  unknown_stage: "settings.stage.unknown_stage",
  offsets_not_rising: "settings.stage.offsets_not_rising",
  pre_due_offset_not_negative: "settings.stage.pre_due_offset_not_negative",
  pre_due_not_email: "settings.stage.pre_due_not_email",
  pre_due_fallback_not_none: "settings.stage.pre_due_fallback_not_none",
  pre_due_not_opt_in: "settings.stage.pre_due_not_opt_in",
  overdue_offset_not_positive: "settings.stage.overdue_offset_not_positive",
  registered_stage_by_email: "settings.stage.registered_stage_by_email",
  patron_channel_on_registered_stage: "settings.stage.patron_channel_on_registered_stage",
  patron_letter_on_pre_due: "settings.stage.patron_letter_on_pre_due",
  stage_order_open_days: "settings.stage.invalidValue",
};

/** A stage's name in the reader's language (its key when it has no label). */
type StageNamer = (key: unknown) => string | undefined;

/** A rule broken -> a problem: a value zod refused says what the field takes. */
function issueProblem(issue: SettingsIssue, field: string | undefined, nameOf: StageNamer): Problem {
  const rawField = issue.path[2];
  const code: ErrorCode =
    issue.code !== "invalid_value"
      ? RULE_CODES[issue.code]
      : rawField === "offsetDays"
        ? "settings.stage.invalidOffsetDays"
        : rawField === "feeCents"
          ? "settings.stage.invalidFee"
          : RULE_CODES.invalid_value;
  const branch = issue.params.branch;
  const values = { ...issue.params };
  // the stages named as the reader calls them, not in the English of the log message
  for (const [name, key] of [
    ["stage", "stageKey"],
    ["previous", "previousKey"],
    ["earlier", "earlierKey"],
  ] as const) {
    const named = nameOf(values[key]);
    if (named && name in values) values[name] = named;
  }
  return {
    code,
    ...(field ? { field } : {}),
    values: { ...values, ...(typeof branch === "string" ? { inBranch: "yes", branch } : { inBranch: "no" }) },
  };
}

export type StageChangeResult =
  | { ok: true; change: SettingsChange | null }
  | { ok: false; problems: Problem[] };

function toValidationInput(settings: LibrarySettings): StageSettingsInput {
  const names = new Map(settings.branches.map((branch) => [branch.id, branch.name]));
  return {
    stages: settings.stages.map(({ updatedAt: _u, updatedById: _b, ...stage }) => stage),
    branchOverrides: settings.branchOverrides.map(({ updatedAt: _u, updatedById: _b, ...override }) => ({
      ...override,
      branchName: names.get(override.branchId),
    })),
    patronOverrides: [],
  };
}

/**
 * Every problem of the settings as they would be saved, each at the edited stage's field it
 * is about (none: about another stage or branch). A value the field check refuses (a negative fee) stops zod before the
 * rules across fields: those are checked again with the stored value in its place, so every
 * problem shows at once.
 */
function problemsOf(
  input: StageSettingsInput,
  edited: { stageId: number; branchId: number | null },
  language: Language | undefined,
  original?: StageSettingsInput,
): Problem[] {
  const result = validateStageSettings(input);
  if (result.success) return [];
  const issues = [...result.issues];
  const invalid = issues.filter((issue) => issue.code === "invalid_value");
  if (invalid.length && original) {
    const patched: StageSettingsInput = {
      ...input,
      stages: input.stages.map((stage) => ({ ...stage })),
      branchOverrides: (input.branchOverrides ?? []).map((override) => ({ ...override })),
    };
    for (const issue of invalid) {
      const [list, index, field] = issue.path;
      if (typeof index !== "number" || typeof field !== "string") continue;
      if (list === "stages") {
        const row = patched.stages[index] as Record<string, unknown>;
        const stored = original.stages.find((stage) => stage.id === row.id) as
          | Record<string, unknown>
          | undefined;
        if (stored) row[field] = stored[field];
      } else if (list === "branchOverrides") {
        (patched.branchOverrides?.[index] as Record<string, unknown>)[field] = null;
      }
    }
    for (const issue of validateStageSettings(patched).issues)
      if (issue.code !== "invalid_value") issues.push(issue);
  }
  const fieldOf = (issue: SettingsIssue): string | undefined => {
    const [list, index, field] = issue.path;
    if (typeof index !== "number" || typeof field !== "string") return undefined;
    if (!(STAGE_FIELDS as readonly string[]).includes(field)) return undefined;
    if (list === "stages" && input.stages[index]?.id === edited.stageId) return field;
    const override = list === "branchOverrides" ? input.branchOverrides?.[index] : undefined;
    if (override && override.stageId === edited.stageId && override.branchId === edited.branchId)
      return field;
    return undefined;
  };
  const labels = new Map(input.stages.map((stage) => [stage.key, stage.labels as StageLabels]));
  const nameOf: StageNamer = (key) => {
    const found = typeof key === "string" ? labels.get(key) : undefined;
    if (!found) return undefined;
    return (language && found[language]) || found.nl || found.en || found.fr || String(key);
  };
  return issues.map((issue) => issueProblem(issue, fieldOf(issue), nameOf));
}

/**
 * Writes a stage at system level (every field required) or a branch's override (null =
 * inherited), after checking the library's settings as they would be: every problem is
 * returned at once and nothing is written then. Shared by saving and by "Show effect", which
 * applies it in a transaction it rolls back.
 */
export async function saveStageSettings(
  tx: Tx,
  input: StageChangeInput & {
    libraryId: number;
    staffId: number | null;
    /** the reader's language, for the stage names in the problems (default: Dutch) */
    language?: Language;
  },
): Promise<StageChangeResult> {
  const settings = await loadLibrarySettings(tx, input.libraryId);
  const stage = settings.stages.find((s) => s.id === input.stageId);
  // another library's stage (or one that is gone): refused, nothing written
  if (!stage) throw new DomainError("nothingChanged");
  const values: StageFieldValues = {};
  for (const field of STAGE_FIELDS) (values as Record<string, unknown>)[field] = input[field] ?? null;
  const validation = toValidationInput(settings);
  const original = toValidationInput(settings);

  if (input.branchId == null) {
    const missing: Problem[] = STAGE_FIELDS.filter((field) => values[field] == null).map((field) => ({
      code: "required",
      field,
    }));
    const after = Object.fromEntries(
      STAGE_FIELDS.map((field) => [field, values[field] ?? stage[field]]),
    ) as StageValues;
    validation.stages = validation.stages.map((s) => (s.id === stage.id ? { ...s, ...after } : s));
    const problems = [
      ...missing,
      ...problemsOf(validation, { stageId: stage.id, branchId: null }, input.language, original),
    ];
    if (problems.length) return { ok: false, problems };
    const before = Object.fromEntries(STAGE_FIELDS.map((field) => [field, stage[field]]));
    await tx.noticeStage.update({ where: { id: stage.id }, data: { ...after, updatedById: input.staffId } });
    return {
      ok: true,
      change: { action: "stage.update", entityType: "NoticeStage", entityId: stage.id, before, after },
    };
  }

  const branchId = input.branchId;
  const branch = settings.branches.find((b) => b.id === branchId);
  if (!branch) throw new DomainError("nothingChanged");
  const existing = settings.branchOverrides.find((o) => o.stageId === stage.id && o.branchId === branchId);
  const others = (validation.branchOverrides ?? []).filter(
    (o) => !(o.stageId === stage.id && o.branchId === branchId),
  );
  validation.branchOverrides = [
    ...others,
    { stageId: stage.id, branchId, branchName: branch.name, ...values },
  ];
  const problems = problemsOf(validation, { stageId: stage.id, branchId }, input.language, original);
  if (problems.length) return { ok: false, problems };
  const before = existing
    ? Object.fromEntries(STAGE_FIELDS.map((field) => [field, existing[field] ?? null]))
    : null;
  const row = await tx.branchStageSetting.upsert({
    where: { stageId_branchId: { stageId: stage.id, branchId } },
    create: { stageId: stage.id, branchId, ...values, updatedById: input.staffId },
    update: { ...values, updatedById: input.staffId },
  });
  return {
    ok: true,
    change: {
      action: "stage.branch-override",
      entityType: "BranchStageSetting",
      entityId: row.id,
      // a new override has no before: the audit log says "created"
      before,
      after: { stageId: stage.id, branchId, ...values },
    },
  };
}

/**
 * "Back to inherited": one field of a branch override to null, after checking the settings
 * as they would be (the inherited value may break a rule with the branch's other values).
 * `change` null: the field already followed the system.
 */
export async function resetBranchStageField(
  tx: Tx,
  input: {
    libraryId: number;
    staffId: number | null;
    stageId: number;
    branchId: number;
    field: StageField;
    language?: Language;
  },
): Promise<StageChangeResult> {
  const settings = await loadLibrarySettings(tx, input.libraryId);
  const known =
    settings.stages.some((s) => s.id === input.stageId) &&
    settings.branches.some((b) => b.id === input.branchId);
  // another library's stage or branch: refused, and said so (not "follows the system again")
  if (!known) throw new DomainError("nothingChanged");
  const existing = settings.branchOverrides.find(
    (o) => o.stageId === input.stageId && o.branchId === input.branchId,
  );
  if (!existing || existing[input.field] == null) return { ok: true, change: null };
  const validation = toValidationInput(settings);
  validation.branchOverrides = (validation.branchOverrides ?? []).map((o) =>
    o.stageId === input.stageId && o.branchId === input.branchId ? { ...o, [input.field]: null } : o,
  );
  const problems = problemsOf(validation, input, input.language);
  if (problems.length) return { ok: false, problems };
  const row = await tx.branchStageSetting.update({
    where: { stageId_branchId: { stageId: input.stageId, branchId: input.branchId } },
    data: { [input.field]: null, updatedById: input.staffId },
  });
  const ids = { stageId: input.stageId, branchId: input.branchId };
  return {
    ok: true,
    change: {
      action: "stage.branch-override",
      entityType: "BranchStageSetting",
      entityId: row.id,
      before: { ...ids, [input.field]: existing[input.field] },
      after: { ...ids, [input.field]: null },
    },
  };
}
