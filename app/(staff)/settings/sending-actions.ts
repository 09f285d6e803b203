"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionFieldErrors } from "@/lib/auth/define-staff-action";
import { staffAction } from "@/lib/auth/staff-action";
import { SEND_TIME, SENDER, updateSendingSettings } from "@/lib/sending/update-sending-settings";

const optionalText = z.preprocess(
  (value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null),
  z.string().max(200).nullable(),
);

export const updateSendingSettingsAction = staffAction({
  name: "updateSendingSettings",
  role: "librarian",
  schema: z.object({
    sendTime: z.string().trim(),
    sendScheduled: z.preprocess((value) => value === "on", z.boolean()),
    emailFrom: optionalText,
    emailReplyTo: optionalText,
  }),
  revalidate: ["/settings", "/send-runs"],
  run: async ({ tx, library, input, audit }) => {
    const t = await getTranslations("sendRuns.settings");
    const errors: Record<string, string[]> = {};
    if (!SEND_TIME.test(input.sendTime)) errors.sendTime = [t("invalidTime")];
    if (input.emailFrom && !SENDER.test(input.emailFrom)) errors.emailFrom = [t("invalidAddress")];
    if (input.emailReplyTo && !SENDER.test(input.emailReplyTo)) errors.emailReplyTo = [t("invalidAddress")];
    if (Object.keys(errors).length > 0) throw new ActionFieldErrors(errors);
    const { before, after } = await updateSendingSettings(tx, library.id, input);
    await audit({
      action: "library.sending-settings",
      entityType: "Library",
      entityId: library.id,
      before,
      after,
    });
  },
  onSuccess: async () => ({ message: (await getTranslations("sendRuns.settings"))("saved") }),
});
