"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionError } from "@/lib/auth/action-error";
import type { ActionState, FieldErrors } from "@/lib/auth/action-state";
import { ActionFieldErrors } from "@/lib/auth/define-staff-action";
import type { StaffSession } from "@/lib/auth/load-staff-session";
import { type StaffTx, staffAction } from "@/lib/auth/staff-action";
import { addDays, isLocalDate, type LocalDate } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { Audience, Channel, DayCount, Fallback } from "@/lib/generated/prisma/enums";
import { libraryToday } from "@/lib/library/current-library";
import {
  PREVIEW_TIMEOUT_MS,
  previewSettingsChangeIn,
  type SettingsChangePreview,
} from "@/lib/planning/preview-settings-change";
import { loadLibrarySettings } from "@/lib/settings/load-settings";
import {
  type LibrarySettings,
  STAGE_FIELDS,
  type StageField,
  type StageValues,
} from "@/lib/settings/stage-settings";
import {
  type SettingsIssue,
  type StageSettingsInput,
  validateStageSettings,
} from "@/lib/settings/validate-stage-settings";

const PATHS = ["/settings", "/settings/patron", "/dry-run"];

/** "" = inherited (branch level); the system form always sends a value. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value == null ? null : value), schema.nullable());

/** A number as typed; anything else becomes NaN, which the settings validator refuses at its field. */
const ZInt = z
  .string()
  .trim()
  .transform((value) => Number(value));
/** Euros as typed ("1,50" or "1.50") -> cents; anything else fails as NaN later. */
const ZEuroCents = z
  .string()
  .trim()
  .transform((value) => Math.round(Number(value.replace(",", ".")) * 100));

const ZStageForm = z.object({
  stageId: z.coerce.number().int(),
  branchId: optional(z.coerce.number().int()),
  offsetDays: optional(ZInt),
  dayCount: optional(z.enum(DayCount)),
  enabled: optional(z.enum(["true", "false"]).transform((value) => value === "true")),
  channel: optional(z.enum(Channel)),
  fallback: optional(z.enum(Fallback)),
  feeCents: optional(ZEuroCents),
  audience: optional(z.enum(Audience)),
});
type StageForm = z.infer<typeof ZStageForm>;
/** The stage form plus the day whose run the preview shows (empty = tomorrow). */
const ZPreviewForm = ZStageForm.extend({ previewDate: z.string().trim().optional() });
type FieldValues = { [F in StageField]?: StageValues[F] | null };

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

/** Checks the settings as they would be saved; refuses with every problem, each at its field. */
async function refuseIfInvalid(
  input: StageSettingsInput,
  editedStageId: number,
  editedBranchId: number | null,
  errors: FieldErrors = {},
  original?: StageSettingsInput,
): Promise<void> {
  const result = validateStageSettings(input);
  if (result.success && Object.keys(errors).length === 0) return;
  const issues = [...result.issues];
  // A value the field check refuses (a negative fee) stops the rules across fields: check
  // those again with the stored value in its place, so every problem shows at once.
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
    const again = validateStageSettings(patched);
    for (const issue of again.issues) if (issue.code !== "invalid_value") issues.push(issue);
  }
  const t = await getTranslations("settings");
  const fieldOf = (issue: SettingsIssue): string | undefined => {
    const [list, index, field] = issue.path;
    if (typeof index !== "number" || typeof field !== "string") return undefined;
    if (!(STAGE_FIELDS as readonly string[]).includes(field)) return undefined;
    if (list === "stages" && input.stages[index]?.id === editedStageId) return field;
    const override = list === "branchOverrides" ? input.branchOverrides?.[index] : undefined;
    if (override && override.stageId === editedStageId && override.branchId === editedBranchId) return field;
    return undefined;
  };
  const say = (issue: SettingsIssue): string => {
    const field = issue.path[2];
    let message: string;
    if (issue.code === "invalid_value") {
      message =
        field === "offsetDays" || field === "feeCents"
          ? t(`invalid.${field}`)
          : t("issues.other", { message: issue.message });
    } else if (t.has(`issues.${issue.code}` as "issues.other")) {
      message = t(`issues.${issue.code}` as "issues.other", { ...issue.params, message: issue.message });
    } else {
      message = t("issues.other", { message: issue.message });
    }
    return typeof issue.params.branch === "string"
      ? t("issueInBranch", { message, branch: issue.params.branch })
      : message;
  };
  for (const issue of issues) {
    const field = fieldOf(issue) ?? "form";
    const message = say(issue);
    // One field can break a rule on several branches: say each message once.
    if (!errors[field]?.includes(message)) errors[field] = [...(errors[field] ?? []), message];
  }
  throw new ActionFieldErrors(errors);
}

function valuesOf(input: StageForm): FieldValues {
  const values: FieldValues = {};
  for (const field of STAGE_FIELDS) (values as Record<string, unknown>)[field] = input[field];
  return values;
}

type StageChange = {
  action: string;
  entityType: string;
  entityId: number;
  before: unknown;
  after: unknown;
};

/**
 * Writes a stage at system level (every field required) or a branch's override (null =
 * inherited), after checking the settings as they would be: every problem is refused at once.
 * Shared by saving and by the preview, which applies it in a transaction it rolls back.
 */
async function applyStageChange(
  tx: StaffTx | Prisma.TransactionClient,
  staff: Pick<StaffSession, "id">,
  libraryId: number,
  input: StageForm,
): Promise<StageChange> {
  const settings = await loadLibrarySettings(tx, libraryId);
  const stage = settings.stages.find((s) => s.id === input.stageId);
  // another library's stage (or one that is gone): refused, nothing written
  if (!stage) throw new ActionError("nothingChanged");
  const values = valuesOf(input);
  const validation = toValidationInput(settings);
  const original = toValidationInput(settings);

  if (input.branchId == null) {
    const missing: FieldErrors = {};
    const t = await getTranslations("validation");
    for (const field of STAGE_FIELDS) if (values[field] == null) missing[field] = [t("required")];
    const after = Object.fromEntries(
      STAGE_FIELDS.map((field) => [field, values[field] ?? stage[field]]),
    ) as StageValues;
    validation.stages = validation.stages.map((s) => (s.id === stage.id ? { ...s, ...after } : s));
    await refuseIfInvalid(validation, stage.id, null, missing, original);
    const before = Object.fromEntries(STAGE_FIELDS.map((field) => [field, stage[field]]));
    await tx.noticeStage.update({ where: { id: stage.id }, data: { ...after, updatedById: staff.id } });
    return { action: "stage.update", entityType: "NoticeStage", entityId: stage.id, before, after };
  }

  const branchId = input.branchId;
  if (!settings.branches.some((b) => b.id === branchId)) throw new ActionError("nothingChanged");
  const existing = settings.branchOverrides.find((o) => o.stageId === stage.id && o.branchId === branchId);
  const others = (validation.branchOverrides ?? []).filter(
    (o) => !(o.stageId === stage.id && o.branchId === branchId),
  );
  const branchName = settings.branches.find((b) => b.id === branchId)?.name;
  validation.branchOverrides = [...others, { stageId: stage.id, branchId, branchName, ...values }];
  await refuseIfInvalid(validation, stage.id, branchId, {}, original);
  const before = existing
    ? Object.fromEntries(STAGE_FIELDS.map((field) => [field, existing[field] ?? null]))
    : null;
  const row = await tx.branchStageSetting.upsert({
    where: { stageId_branchId: { stageId: stage.id, branchId } },
    create: { stageId: stage.id, branchId, ...values, updatedById: staff.id },
    update: { ...values, updatedById: staff.id },
  });
  return {
    action: "stage.branch-override",
    entityType: "BranchStageSetting",
    entityId: row.id,
    before,
    after: { stageId: stage.id, branchId, ...values },
  };
}

/** Saves a stage at system level (every field required) or a branch's override (null = inherited). */
export const saveStageAction = staffAction({
  name: "saveStage",
  role: "librarian",
  schema: ZStageForm,
  revalidate: PATHS,
  async run({ tx, staff, library, input, audit }) {
    const change = await applyStageChange(tx, staff, library.id, input);
    await audit(change);
    return { stageId: input.stageId };
  },
  async onSuccess() {
    const t = await getTranslations("settings");
    return { message: t("saved") };
  },
});

export type PreviewState = ActionState<{ preview: SettingsChangePreview }>;

/**
 * "Show effect": the dry run of a day (tomorrow unless another is chosen) with the settings
 * as they are and as the form would save them, counted by channel and stage. Saves nothing:
 * the change is applied in the action's transaction, which is rolled back.
 */
export const previewStageAction = staffAction<
  typeof ZPreviewForm,
  SettingsChangePreview,
  { preview: SettingsChangePreview }
>({
  name: "previewStage",
  role: "librarian",
  schema: ZPreviewForm,
  rollBack: true,
  transactionTimeoutMs: PREVIEW_TIMEOUT_MS,
  async run({ tx, staff, library, input }) {
    const { previewDate: asked, ...change } = input;
    if (asked && !isLocalDate(asked)) {
      const t = await getTranslations("settings");
      throw new ActionFieldErrors({ previewDate: [t("preview.invalidDate")] });
    }
    return previewSettingsChangeIn(tx, {
      libraryId: library.id,
      date: asked ? (asked as LocalDate) : addDays(libraryToday(library), 1),
      apply: async (tx) => {
        await applyStageChange(tx, staff, library.id, change);
      },
    });
  },
  onSuccess: (preview) => ({ preview }),
});

/** "Back to inherited": sets one field of a branch override to null. */
export const resetBranchFieldAction = staffAction({
  name: "resetBranchField",
  role: "librarian",
  schema: z.object({
    stageId: z.coerce.number().int(),
    branchId: z.coerce.number().int(),
    field: z.enum(STAGE_FIELDS),
  }),
  revalidate: PATHS,
  async run({ tx, staff, library, input, audit }) {
    const settings = await loadLibrarySettings(tx, library.id);
    const known =
      settings.stages.some((s) => s.id === input.stageId) &&
      settings.branches.some((b) => b.id === input.branchId);
    // another library's stage or branch: refused, and said so (not "follows the system again")
    if (!known) throw new ActionError("nothingChanged");
    const existing = settings.branchOverrides.find(
      (o) => o.stageId === input.stageId && o.branchId === input.branchId,
    );
    if (!existing || existing[input.field] == null) return { changed: false };
    const validation = toValidationInput(settings);
    validation.branchOverrides = (validation.branchOverrides ?? []).map((o) =>
      o.stageId === input.stageId && o.branchId === input.branchId ? { ...o, [input.field]: null } : o,
    );
    await refuseIfInvalid(validation, input.stageId, input.branchId);
    const row = await tx.branchStageSetting.update({
      where: { stageId_branchId: { stageId: input.stageId, branchId: input.branchId } },
      data: { [input.field]: null, updatedById: staff.id },
    });
    await audit({
      action: "stage.branch-override",
      entityType: "BranchStageSetting",
      entityId: row.id,
      before: { stageId: input.stageId, branchId: input.branchId, [input.field]: existing[input.field] },
      after: { stageId: input.stageId, branchId: input.branchId, [input.field]: null },
    });
    return { changed: true };
  },
  async onSuccess(result) {
    const t = await getTranslations("settings");
    return { message: result.changed ? t("resetDone") : t("alreadyInherited") };
  },
});
