"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormField, FormMessage, inputClass, primaryButtonClass } from "@/components/form-field";
import { initialActionState } from "@/lib/auth/action-state";
import type { BouncePolicy } from "@/lib/feedback/bounce-policy";
import { saveBouncePolicyAction } from "../../bounces/actions";

const FIELDS = ["softBounceLimit", "softBounceWindowDays", "silentFallbackHours"] as const;

export function BouncePolicyForm({
  policy,
  limits,
}: {
  policy: BouncePolicy;
  limits: Record<(typeof FIELDS)[number], readonly [number, number]>;
}) {
  const t = useTranslations("bounces.policy");
  const [state, formAction, pending] = useActionState(saveBouncePolicyAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    // noValidate: the server checks the ranges and says what is wrong in the staff's language
    <form
      action={formAction}
      noValidate
      className="flex max-w-xl flex-col gap-4 rounded-lg border border-line bg-surface p-5"
    >
      <FormMessage ok={state.ok} message={state.message} />
      {FIELDS.map((field) => (
        <FormField
          key={field}
          id={field}
          label={t(field)}
          hint={t("range", { min: limits[field][0], max: limits[field][1] })}
          errors={errors[field]}
        >
          {(describedBy, invalid) => (
            <input
              id={field}
              name={field}
              type="number"
              inputMode="numeric"
              required
              min={limits[field][0]}
              max={limits[field][1]}
              defaultValue={policy[field]}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              className={`${inputClass} max-w-32`}
            />
          )}
        </FormField>
      ))}
      <button type="submit" disabled={pending} className={`${primaryButtonClass} self-start`}>
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
