"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionError } from "@/lib/auth/action-error";
import { type StaffTx, staffAction } from "@/lib/auth/staff-action";
import { Audience, Channel, DayCount, Fallback } from "@/lib/generated/prisma/enums";
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

const ZInt = z.coerce.number().int("invalid");
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
type FieldValues = { [F in StageField]?: StageValues[F] | null };

async function libraryIdOf(tx: StaffTx, staffLibraryId: number | null): Promise<number> {
  if (staffLibraryId != null) return staffLibraryId;
  const library = await tx.library.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } });
  return library.id;
}

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

/** Checks the settings as they would be saved; refuses with the first problem at its field. */
async function refuseIfInvalid(
  input: StageSettingsInput,
  editedStageId: number,
  editedBranchId: number | null,
): Promise<void> {
  const result = validateStageSettings(input);
  if (result.success) return;
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
  const first = result.issues.find((issue) => fieldOf(issue)) ?? result.issues[0];
  throw new ActionError(say(first), { field: fieldOf(first) ?? "form" });
}

function valuesOf(input: StageForm): FieldValues {
  const values: FieldValues = {};
  for (const field of STAGE_FIELDS) (values as Record<string, unknown>)[field] = input[field];
  return values;
}

/** Saves a stage at system level (every field required) or a branch's override (null = inherited). */
export const saveStageAction = staffAction({
  name: "saveStage",
  role: "librarian",
  schema: ZStageForm,
  revalidate: PATHS,
  async run({ tx, staff, input, audit }) {
    const libraryId = await libraryIdOf(tx, staff.libraryId);
    const settings = await loadLibrarySettings(tx, libraryId);
    const stage = settings.stages.find((s) => s.id === input.stageId);
    if (!stage) throw new ActionError("Unknown stage.");
    const values = valuesOf(input);
    const validation = toValidationInput(settings);

    if (input.branchId == null) {
      for (const field of STAGE_FIELDS) {
        if (values[field] == null) {
          const t = await getTranslations("validation");
          throw new ActionError(t("required"), { field });
        }
      }
      const after = values as StageValues;
      validation.stages = validation.stages.map((s) => (s.id === stage.id ? { ...s, ...after } : s));
      await refuseIfInvalid(validation, stage.id, null);
      const before = Object.fromEntries(STAGE_FIELDS.map((field) => [field, stage[field]]));
      await tx.noticeStage.update({ where: { id: stage.id }, data: { ...after, updatedById: staff.id } });
      await audit({ action: "stage.update", entityType: "NoticeStage", entityId: stage.id, before, after });
      return { stageId: stage.id };
    }

    const branchId = input.branchId;
    if (!settings.branches.some((b) => b.id === branchId)) throw new ActionError("Unknown branch.");
    const existing = settings.branchOverrides.find((o) => o.stageId === stage.id && o.branchId === branchId);
    const others = (validation.branchOverrides ?? []).filter(
      (o) => !(o.stageId === stage.id && o.branchId === branchId),
    );
    const branchName = settings.branches.find((b) => b.id === branchId)?.name;
    validation.branchOverrides = [...others, { stageId: stage.id, branchId, branchName, ...values }];
    await refuseIfInvalid(validation, stage.id, branchId);
    const before = existing
      ? Object.fromEntries(STAGE_FIELDS.map((field) => [field, existing[field] ?? null]))
      : null;
    const row = await tx.branchStageSetting.upsert({
      where: { stageId_branchId: { stageId: stage.id, branchId } },
      create: { stageId: stage.id, branchId, ...values, updatedById: staff.id },
      update: { ...values, updatedById: staff.id },
    });
    await audit({
      action: "stage.branch-override",
      entityType: "BranchStageSetting",
      entityId: row.id,
      before,
      after: { stageId: stage.id, branchId, ...values },
    });
    return { stageId: stage.id };
  },
  async onSuccess() {
    const t = await getTranslations("settings");
    return { message: t("saved") };
  },
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
  async run({ tx, staff, input, audit }) {
    const libraryId = await libraryIdOf(tx, staff.libraryId);
    const settings = await loadLibrarySettings(tx, libraryId);
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
  async onSuccess() {
    const t = await getTranslations("settings");
    return { message: t("resetDone") };
  },
});
