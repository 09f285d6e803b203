"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { staffAction } from "@/lib/auth/staff-action";
import { isLocalDate, type LocalDate } from "@/lib/dates";
import { DomainError } from "@/lib/errors/domain-error";
import { Channel, ChannelPreference, Language } from "@/lib/generated/prisma/enums";
import { libraryToday } from "@/lib/library/current-library";
import {
  type PatronStageValues,
  parseStageFieldName,
  resetPatronField,
  savePatronSettings,
} from "@/lib/settings/patron-overrides";

const blankToNull = (value: unknown) => (value === "" || value == null ? null : value);

const ZPatronSettingsForm = z
  .looseObject({
    patronId: z.coerce.number().int(),
    channelPreference: z.preprocess(blankToNull, z.enum(ChannelPreference).nullable()),
    preDueOptIn: z.enum(["true", "false"]).transform((value) => value === "true"),
    language: z.enum(Language),
    noticesPausedUntil: z.preprocess(
      blankToNull,
      z
        .string()
        .refine((value) => isLocalDate(value), "invalidDate")
        .nullable(),
    ),
    /** set by a "back to inherited" button: reset that one field, ignore the rest */
    reset: z.string().optional(),
  })
  .transform((input) => {
    const stages = new Map<number, PatronStageValues>();
    for (const [name, raw] of Object.entries(input)) {
      const parsed = parseStageFieldName(name);
      if (!parsed) continue;
      const entry = stages.get(parsed.stageId) ?? { stageId: parsed.stageId, enabled: null, channel: null };
      const value = blankToNull(raw);
      if (parsed.field === "enabled") entry.enabled = value == null ? null : value === "true";
      else entry.channel = z.enum(Channel).nullable().catch(null).parse(value);
      stages.set(parsed.stageId, entry);
    }
    return {
      ...input,
      noticesPausedUntil: input.noticesPausedUntil as LocalDate | null,
      stages: [...stages.values()],
    };
  });

/**
 * Saves a patron's notice settings (desk and up): the person-level fields and, per stage,
 * switched off and the channel. Every problem is shown at once, at its field. With `reset`
 * it puts that one field back to inherited instead. Every changed row is audited with the
 * patron's id, so it shows on the patron's history.
 */
export const savePatronSettingsAction = staffAction({
  name: "savePatronSettings",
  role: "desk",
  schema: ZPatronSettingsForm,
  revalidate: (_result, input) => [
    `/patrons/${input.patronId}/settings`,
    `/patrons/${input.patronId}`,
    "/settings/patron",
  ],
  async run({ tx, staff, library, input, audit }): Promise<{ changes: number }> {
    const patron = await tx.patron.findFirst({
      where: { id: input.patronId, libraryId: library.id },
      select: { id: true },
    });
    if (!patron) throw new DomainError("nothingChanged");
    const common = {
      libraryId: library.id,
      patronId: patron.id,
      today: libraryToday(library),
      staffId: staff.id,
    };
    const result = input.reset
      ? await resetPatronField(tx, { ...common, field: input.reset })
      : await savePatronSettings(tx, {
          ...common,
          person: {
            channelPreference: input.channelPreference,
            preDueOptIn: input.preDueOptIn,
            language: input.language,
            noticesPausedUntil: input.noticesPausedUntil,
          },
          stages: input.stages,
        });
    if (!result.ok) throw DomainError.all(result.problems);
    for (const change of result.changes) await audit(change);
    return { changes: result.changes.length };
  },
  async onSuccess(result: { changes: number }, input) {
    const t = await getTranslations("patronSettings");
    if (result.changes === 0) return { message: t("nothingChanged") };
    return { message: input.reset ? t("resetDone") : t("saved") };
  },
});
