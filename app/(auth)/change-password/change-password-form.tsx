"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormField, FormMessage, inputClass, primaryButtonClass } from "@/components/form-field";
import { initialActionState } from "@/lib/auth/action-state";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm({ forced, email }: { forced: boolean; email: string }) {
  const t = useTranslations("changePassword");
  const [state, formAction, pending] = useActionState(changePasswordAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="mt-6 flex flex-col gap-4">
      <FormMessage ok={state.ok} message={state.message} />
      {/* For password managers: which account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormField
        id="currentPassword"
        label={t("current")}
        hint={forced ? t("currentHintForced") : undefined}
        errors={errors.currentPassword}
      >
        {(describedBy, invalid) => (
          <input
            id="currentPassword"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            aria-describedby={describedBy}
            aria-invalid={invalid}
            className={inputClass}
          />
        )}
      </FormField>
      <FormField
        id="newPassword"
        label={t("new")}
        hint={t("newHint", { min: MIN_PASSWORD_LENGTH })}
        errors={errors.newPassword}
      >
        {(describedBy, invalid) => (
          <input
            id="newPassword"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            className={inputClass}
          />
        )}
      </FormField>
      <FormField id="confirmPassword" label={t("confirm")} errors={errors.confirmPassword}>
        {(describedBy, invalid) => (
          <input
            id="confirmPassword"
            name="confirmPassword"
            type="password"
            autoComplete="new-password"
            required
            aria-describedby={describedBy}
            aria-invalid={invalid}
            className={inputClass}
          />
        )}
      </FormField>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? t("submitting") : t("submit")}
        </button>
        {forced ? null : (
          <Link href="/" className="underline">
            {t("cancel")}
          </Link>
        )}
      </div>
    </form>
  );
}
