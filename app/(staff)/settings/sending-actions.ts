"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { staffAction } from "@/lib/auth/staff-action";
import { saveSendingSettings } from "@/lib/settings/sending-settings";

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
    const change = await saveSendingSettings(tx, library.id, input);
    if (change) await audit(change);
  },
  onSuccess: async () => ({ message: (await getTranslations("sendRuns.settings"))("saved") }),
});
