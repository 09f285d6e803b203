"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import {
  FormField,
  FormMessage,
  inputClass,
  primaryButtonClass,
  secondaryButtonClass,
} from "@/components/form-field";
import { initialActionState } from "@/lib/auth/action-state";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export function CreateTokenForm() {
  const t = useTranslations("apiTokens");
  const [state, formAction, pending] = useActionState(createApiTokenAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <div className="flex flex-col gap-4">
      <FormMessage ok={state.ok} message={state.message} />
      {state.ok && state.secret ? (
        <div className="rounded-md border border-brand bg-brand-soft p-4">
          <p className="font-medium">{t("secretHeading")}</p>
          <code
            className="mt-2 block select-all break-all rounded bg-surface px-2 py-1 font-mono text-sm"
            data-testid="new-token"
          >
            {state.secret}
          </code>
          <p className="mt-2 text-sm">{t("secretNote")}</p>
        </div>
      ) : null}
      <form action={formAction} className="flex flex-col gap-4">
        <FormField id="name" label={t("name")} hint={t("nameHint")} errors={errors.name}>
          {(describedBy, invalid) => (
            <input
              id="name"
              name="name"
              required
              maxLength={120}
              autoComplete="off"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              className={inputClass}
            />
          )}
        </FormField>
        <fieldset className="flex flex-col gap-2">
          <legend className="font-medium">{t("scope")}</legend>
          {(["read", "write"] as const).map((scope) => (
            <label key={scope} className="flex items-start gap-2">
              <input
                type="radio"
                name="scope"
                value={scope}
                defaultChecked={scope === "read"}
                className="mt-1 size-4"
              />
              <span>{t(`scopes.${scope}`)}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={pending} className={`${primaryButtonClass} self-start`}>
          {pending ? t("creating") : t("create")}
        </button>
      </form>
    </div>
  );
}

export function RevokeTokenForm({ id, name }: { id: number; name: string }) {
  const t = useTranslations("apiTokens");
  const [state, formAction, pending] = useActionState(revokeApiTokenAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="name" value={name} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t("revokeLabel", { name })}
        className={`${secondaryButtonClass} self-start py-1`}
      >
        {t("revoke")}
      </button>
      {!state.ok ? <FormMessage ok={false} message={state.message} /> : null}
    </form>
  );
}
