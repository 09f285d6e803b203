"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormField, FormMessage, inputClass, primaryButtonClass } from "@/components/form-field";
import { initialActionState } from "@/lib/auth/action-state";
import { correctEmailAction } from "./correct-email-action";

/**
 * The desk's form to correct a patron's email: the patron page's contact block and each row
 * of the Bounces list use this one form (and its one action). `inputId` keeps the field's
 * id unique when a page shows several.
 */
export function CorrectEmailForm({
  patronId,
  email,
  inputId = "email",
}: {
  patronId: number;
  email: string | null;
  inputId?: string;
}) {
  const t = useTranslations("patron.contact");
  const [state, formAction, pending] = useActionState(correctEmailAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FormMessage ok={state.ok} message={state.message} />
      <input type="hidden" name="patronId" value={patronId} />
      <FormField
        id={inputId}
        label={t("newEmail")}
        hint={t("newEmailHint")}
        errors={state.fieldErrors?.email}
      >
        {(describedBy, invalid) => (
          <input
            id={inputId}
            name="email"
            type="email"
            required
            autoComplete="off"
            // what was typed stays after a refusal
            defaultValue={state.ok ? (email ?? "") : (state.entered?.email ?? email ?? "")}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            className={inputClass}
          />
        )}
      </FormField>
      <button type="submit" disabled={pending} className={`${primaryButtonClass} self-start`}>
        {pending ? t("saving") : t("saveEmail")}
      </button>
    </form>
  );
}
