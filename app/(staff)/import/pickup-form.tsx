"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, startTransition, useActionState } from "react";
import { FormField, FormMessage, inputClass, primaryButtonClass } from "@/components/form-field";
import { initialActionState } from "@/lib/auth/action-state";
import { saveImportPickupAction } from "./actions";

export type PickupFormValues = {
  enabled: boolean;
  folder: string;
  time: string;
  patronsPattern: string;
  itemsPattern: string;
  loansPattern: string;
  returnsPattern: string;
  fullSync: boolean;
};

const PATTERNS = ["patronsPattern", "itemsPattern", "loansPattern", "returnsPattern"] as const;

function Checkbox({
  name,
  label,
  hint,
  checked,
}: {
  name: string;
  label: string;
  hint: string;
  checked: boolean;
}) {
  return (
    <div className="flex items-start gap-2">
      <input
        id={name}
        name={name}
        type="checkbox"
        defaultChecked={checked}
        className="mt-1 size-4"
        aria-describedby={`${name}-hint`}
      />
      <div>
        <label htmlFor={name} className="font-medium">
          {label}
        </label>
        <p id={`${name}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      </div>
    </div>
  );
}

/** A folder or file name: typed as is, no spelling help. */
function NameInput(props: { name: string; value: string; describedBy?: string; invalid: boolean }) {
  return (
    <input
      id={props.name}
      name={props.name}
      defaultValue={props.value}
      autoComplete="off"
      spellCheck={false}
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid}
      className={`${inputClass} font-mono`}
    />
  );
}

/** The library's scheduled pickup: a folder on the server, a time, and which file is which kind. */
export function PickupForm({ values, root }: { values: PickupFormValues; root: string }) {
  const t = useTranslations("importPickup");
  const [state, formAction, pending] = useActionState(saveImportPickupAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  // submitted by hand, so that a refused form keeps what was typed (a form action resets it)
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }
  return (
    // noValidate: the server checks the folder and the time and says what is wrong
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <FormMessage ok={state.ok} message={state.message} />
      <Checkbox name="enabled" label={t("enabled")} hint={t("enabledHint")} checked={values.enabled} />
      <FormField id="folder" label={t("folder")} hint={t("folderHint", { root })} errors={errors.folder}>
        {(describedBy, invalid) => (
          <NameInput name="folder" value={values.folder} describedBy={describedBy} invalid={invalid} />
        )}
      </FormField>
      <FormField id="time" label={t("time")} hint={t("timeHint")} errors={errors.time}>
        {(describedBy, invalid) => (
          <input
            id="time"
            name="time"
            type="time"
            defaultValue={values.time}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            className={`${inputClass} max-w-40`}
          />
        )}
      </FormField>
      <fieldset className="flex flex-col gap-3 rounded-md border border-line p-4">
        <legend className="px-1 font-medium">{t("patterns")}</legend>
        <p className="text-sm text-muted">{t("patternsHint")}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          {PATTERNS.map((field) => (
            <FormField key={field} id={field} label={t(`patternLabels.${field}`)} errors={errors[field]}>
              {(describedBy, invalid) => (
                <NameInput name={field} value={values[field]} describedBy={describedBy} invalid={invalid} />
              )}
            </FormField>
          ))}
        </div>
      </fieldset>
      <Checkbox name="fullSync" label={t("fullSync")} hint={t("fullSyncHint")} checked={values.fullSync} />
      <button type="submit" disabled={pending} className={`${primaryButtonClass} self-start`}>
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
