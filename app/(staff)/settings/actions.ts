"use server";

import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import type { StaffLocale } from "@/i18n/locales";
import type { ActionState } from "@/lib/auth/action-state";
import type { StaffSession } from "@/lib/auth/load-staff-session";
import { type StaffTx, staffAction } from "@/lib/auth/staff-action";
import { addDays, isLocalDate, type LocalDate } from "@/lib/dates";
import { DomainError } from "@/lib/errors/domain-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { Audience, Channel, DayCount, Fallback } from "@/lib/generated/prisma/enums";
import { libraryToday } from "@/lib/library/current-library";
import {
  PREVIEW_TIMEOUT_MS,
  previewSettingsChangeIn,
  type SettingsChangePreview,
} from "@/lib/planning/preview-settings-change";
import { parseEuroCents } from "@/lib/settings/euro-amount";
import { resetBranchStageField, saveStageSettings } from "@/lib/settings/save-stage-settings";
import type { SettingsChange } from "@/lib/settings/settings-problem";
import { STAGE_FIELDS } from "@/lib/settings/stage-settings";

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
const ZEuroCents = z.string().transform((value) => parseEuroCents(value) ?? Number.NaN);

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

/** Saves the stage change or refuses with every problem at its field (worded by the action wrapper). */
async function applyStageChange(
  tx: StaffTx | Prisma.TransactionClient,
  staff: Pick<StaffSession, "id">,
  libraryId: number,
  input: StageForm,
): Promise<SettingsChange | null> {
  const language = (await getLocale()) as StaffLocale;
  const result = await saveStageSettings(tx, { ...input, libraryId, staffId: staff.id, language });
  if (!result.ok) throw DomainError.all(result.problems);
  return result.change;
}

/** Saves a stage at system level (every field required) or a branch's override (null = inherited). */
export const saveStageAction = staffAction({
  name: "saveStage",
  role: "librarian",
  schema: ZStageForm,
  revalidate: PATHS,
  async run({ tx, staff, library, input, audit }) {
    const change = await applyStageChange(tx, staff, library.id, input);
    if (change) await audit(change);
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
    if (asked && !isLocalDate(asked)) throw new DomainError("invalidDate", { field: "previewDate" });
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
    const language = (await getLocale()) as StaffLocale;
    const result = await resetBranchStageField(tx, {
      ...input,
      libraryId: library.id,
      staffId: staff.id,
      language,
    });
    if (!result.ok) throw DomainError.all(result.problems);
    if (result.change) await audit(result.change);
    return { changed: result.change !== null };
  },
  async onSuccess(result) {
    const t = await getTranslations("settings");
    return { message: result.changed ? t("resetDone") : t("alreadyInherited") };
  },
});
