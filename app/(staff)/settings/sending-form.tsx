"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormField, FormMessage, inputClass, primaryButtonClass } from "@/components/form-field";
import { initialActionState } from "@/lib/auth/action-state";
import type { SendingSettings } from "@/lib/settings/sending-settings";
import { updateSendingSettingsAction } from "./sending-actions";

/** When the daily run starts, and the sender and reply-to of the emails. */
export function SendingSettingsForm({
  settings,
  fallbackFrom,
}: {
  settings: SendingSettings;
  fallbackFrom: string;
}) {
  const t = useTranslations("sendRuns.settings");
  const [state, formAction, pending] = useActionState(updateSendingSettingsAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <section aria-labelledby="sending-settings" className="rounded-lg border border-line bg-surface p-5">
      <h2 id="sending-settings" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mb-4 text-muted">{t("lead")}</p>
      <form action={formAction} className="grid max-w-2xl gap-4">
        <FormField id="sendTime" label={t("sendTime")} hint={t("sendTimeHint")} errors={errors.sendTime}>
          {(describedBy, invalid) => (
            <input
              id="sendTime"
              name="sendTime"
              type="time"
              required
              defaultValue={settings.sendTime}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              className={`${inputClass} w-auto`}
            />
          )}
        </FormField>
        <div className="flex items-center gap-2">
          <input
            id="sendScheduled"
            name="sendScheduled"
            type="checkbox"
            defaultChecked={settings.sendScheduled}
            className="h-5 w-5"
          />
          <label htmlFor="sendScheduled" className="font-medium">
            {t("scheduled")}
          </label>
        </div>
        <FormField
          id="emailFrom"
          label={t("emailFrom")}
          hint={t("emailFromHint", { fallback: fallbackFrom })}
          errors={errors.emailFrom}
        >
          {(describedBy, invalid) => (
            <input
              id="emailFrom"
              name="emailFrom"
              defaultValue={settings.emailFrom ?? ""}
              maxLength={200}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              className={inputClass}
            />
          )}
        </FormField>
        <FormField
          id="emailReplyTo"
          label={t("emailReplyTo")}
          hint={t("emailReplyToHint")}
          errors={errors.emailReplyTo}
        >
          {(describedBy, invalid) => (
            <input
              id="emailReplyTo"
              name="emailReplyTo"
              defaultValue={settings.emailReplyTo ?? ""}
              maxLength={200}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              className={inputClass}
            />
          )}
        </FormField>
        <div>
          <button type="submit" className={primaryButtonClass} disabled={pending}>
            {t("save")}
          </button>
        </div>
        <FormMessage ok={state.ok} message={state.message} />
      </form>
    </section>
  );
}
