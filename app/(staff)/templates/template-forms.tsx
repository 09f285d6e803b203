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
import { type ActionState, initialActionState } from "@/lib/auth/action-state";
import { saveWordingAction, sendTestEmailAction, type TestEmailState } from "./actions";

export type Scope = { stage: number; lang: string; branch: number | null; card: string };
export type FieldInfo = {
  name: "subject" | "opening" | "closing";
  own: string;
  inherited: string;
  /** where the value in use comes from */
  source: "branch" | "system" | "default";
  /** where the inherited value comes from */
  inheritedFrom: "system" | "default";
};

function ScopeFields({ scope }: { scope: Scope }) {
  return (
    <>
      <input type="hidden" name="stage" value={scope.stage} />
      <input type="hidden" name="lang" value={scope.lang} />
      <input type="hidden" name="branch" value={scope.branch ?? ""} />
      <input type="hidden" name="card" value={scope.card} />
    </>
  );
}

export function WordingForm({
  scope,
  level,
  fields,
}: {
  scope: Scope;
  /** the level being edited, e.g. "System" or the branch's name */
  level: string;
  fields: FieldInfo[];
}) {
  const t = useTranslations("templates");
  const [state, action, pending] = useActionState<ActionState, FormData>(
    saveWordingAction,
    initialActionState,
  );
  const errors = state.fieldErrors ?? {};
  const ownLevel = scope.branch === null ? "system" : "branch";
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <ScopeFields scope={scope} />
      <p className="text-sm text-muted">{t("editLevel", { level })}</p>
      <FormMessage ok={state.ok} message={state.message} />
      {fields.map((field) => {
        const isOwn = field.source === ownLevel;
        const status = isOwn ? t("ownValue") : t(`inheritedFrom.${field.inheritedFrom}`);
        return (
          <FormField
            key={field.name}
            id={`wording-${field.name}`}
            label={t(`field.${field.name}`)}
            hint={`${status}. ${t("emptyInherits")}`}
            errors={errors[field.name]}
          >
            {(describedBy, invalid) => (
              <div className="flex flex-col gap-2">
                {field.name === "subject" ? (
                  <input
                    id={`wording-${field.name}`}
                    name={field.name}
                    defaultValue={state.entered?.[field.name] ?? field.own}
                    placeholder={field.inherited}
                    maxLength={1000}
                    autoComplete="off"
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                    className={inputClass}
                  />
                ) : (
                  <textarea
                    id={`wording-${field.name}`}
                    name={field.name}
                    defaultValue={state.entered?.[field.name] ?? field.own}
                    placeholder={field.inherited}
                    rows={5}
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                    className={`${inputClass} font-mono text-sm`}
                  />
                )}
                {isOwn ? (
                  <div>
                    <button
                      type="submit"
                      name="clear"
                      value={field.name}
                      disabled={pending}
                      className={`${secondaryButtonClass} text-sm`}
                    >
                      {t("backToInherited")}
                    </button>
                  </div>
                ) : null}
              </div>
            )}
          </FormField>
        );
      })}
      <div>
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? t("saving") : t("save")}
        </button>
      </div>
    </form>
  );
}

export function TestEmailForm({ scope, email }: { scope: Scope; email: string }) {
  const t = useTranslations("templates");
  const [state, action, pending] = useActionState<ActionState<TestEmailState>, FormData>(
    sendTestEmailAction,
    initialActionState,
  );
  return (
    <form action={action} className="flex flex-col gap-3">
      <ScopeFields scope={scope} />
      <FormMessage ok={state.ok} message={state.message} />
      <div>
        <button type="submit" disabled={pending} className={secondaryButtonClass}>
          {pending ? t("sending") : t("sendTest", { email })}
        </button>
      </div>
    </form>
  );
}
