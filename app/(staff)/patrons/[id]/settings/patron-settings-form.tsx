"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, startTransition, useActionState } from "react";
import { FormMessage, inputClass, primaryButtonClass } from "@/components/form-field";
import { initialActionState } from "@/lib/auth/action-state";
import { savePatronSettingsAction } from "./actions";

/** One field as the form shows it: its input, the effective value in words and where it comes from. */
export type PatronFieldView = {
  name: string;
  label: string;
  kind: "select" | "date";
  /** the value the input starts with ("" = inherited) */
  value: string;
  options?: { value: string; label: string }[];
  /** the effective value in words */
  effective: string;
  /** "inherited from system", "inherited from branch X", "set for this patron" */
  levelText: string;
  own: boolean;
  hint?: string;
};

export type PatronStageView = {
  stageId: number;
  label: string;
  fields: PatronFieldView[];
  /** why a field cannot be chosen here (a registered-letter stage's channel) */
  fixedChannel?: string;
};

/**
 * One form for a patron's notice settings. Submitted by hand (not the form's `action`), so
 * that a refusal keeps what was typed; every problem is shown at its field. "Back to
 * inherited" is a submit button of the same form that names the field to reset.
 */
export function PatronSettingsForm({
  patronId,
  person,
  stages,
  version,
}: {
  patronId: number;
  person: PatronFieldView[];
  stages: PatronStageView[];
  /** changes with every saved change: the fields start again from the stored values */
  version: string;
}) {
  const t = useTranslations("patronSettings");
  const [state, formAction, pending] = useActionState(savePatronSettingsAction, initialActionState);
  const errors = state.fieldErrors ?? {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(data));
  }

  const control = (field: PatronFieldView, label?: string) => {
    const errorId = errors[field.name]?.length ? `${field.name}-error` : undefined;
    const describedBy = [`${field.name}-level`, field.hint ? `${field.name}-hint` : null, errorId]
      .filter(Boolean)
      .join(" ");
    const common = {
      id: field.name,
      name: field.name,
      defaultValue: field.value,
      "aria-describedby": describedBy,
      "aria-invalid": Boolean(errorId),
      "aria-label": label,
      className: `${inputClass} sm:w-auto`,
    };
    return field.kind === "date" ? (
      <input
        type="date"
        {...common}
        onKeyDown={(event) => {
          // Enter submits the form as "save", not as the first reset button.
          if (event.key === "Enter") {
            event.preventDefault();
            event.currentTarget.form?.requestSubmit();
          }
        }}
      />
    ) : (
      <select {...common}>
        {field.options?.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  };

  const status = (field: PatronFieldView, resetLabel: string) => (
    <div className="flex flex-col gap-0.5 text-sm">
      <p id={`${field.name}-level`}>
        <span className="text-muted">{t("effective")}: </span>
        <span className="font-medium">{field.effective}</span>
        <span className={`block ${field.own ? "font-medium text-brand-strong" : "text-muted"}`}>
          {field.levelText}
        </span>
      </p>
      {field.own ? (
        <button
          type="submit"
          name="reset"
          value={field.name}
          disabled={pending}
          aria-label={resetLabel}
          className="self-start text-left text-brand-strong underline hover:no-underline disabled:opacity-70"
        >
          {t("backToInherited")}
        </button>
      ) : null}
      {errors[field.name]?.length ? (
        <p id={`${field.name}-error`} className="font-medium text-red-800">
          {errors[field.name]?.join(" ")}
        </p>
      ) : null}
    </div>
  );

  return (
    <form onSubmit={submit} className="flex flex-col gap-6" noValidate>
      <input type="hidden" name="patronId" value={patronId} />
      <FormMessage ok={state.ok} message={state.message} />

      <div key={version} className="flex flex-col gap-6">
        <section aria-labelledby="person-title" className="rounded-lg border border-line bg-surface p-5">
          <h2 id="person-title" className="mb-4 text-lg font-semibold">
            {t("person")}
          </h2>
          <div className="flex flex-col divide-y divide-line">
            {person.map((field) => (
              <div
                key={field.name}
                className="grid gap-2 py-3 first:pt-0 last:pb-0 sm:grid-cols-[14rem_minmax(12rem,16rem)_1fr] sm:items-start"
              >
                <div>
                  <label htmlFor={field.name} className="font-medium">
                    {field.label}
                  </label>
                  {field.hint ? (
                    <p id={`${field.name}-hint`} className="text-sm text-muted">
                      {field.hint}
                    </p>
                  ) : null}
                </div>
                {control(field)}
                {status(field, t("backToInheritedLabel", { field: field.label }))}
              </div>
            ))}
          </div>
        </section>

        <section aria-labelledby="stages-title" className="rounded-lg border border-line bg-surface p-5">
          <h2 id="stages-title" className="text-lg font-semibold">
            {t("stages")}
          </h2>
          <p className="mb-4 text-sm text-muted">{t("stagesHint")}</p>
          <div className="flex flex-col divide-y divide-line">
            {stages.map((stage) => (
              <fieldset
                key={stage.stageId}
                className="grid gap-4 py-4 first:pt-0 last:pb-0 lg:grid-cols-[12rem_1fr_1fr]"
              >
                <legend className="sr-only">{stage.label}</legend>
                <p aria-hidden="true" className="font-semibold">
                  {stage.label}
                </p>
                {stage.fields.map((field) => (
                  <div key={field.name} className="flex flex-col gap-2">
                    <label htmlFor={field.name} className="font-medium">
                      {field.label}
                    </label>
                    {control(field)}
                    {status(
                      field,
                      t("backToInheritedStageLabel", { field: field.label, stage: stage.label }),
                    )}
                  </div>
                ))}
                {stage.fixedChannel ? (
                  <p className="text-sm text-muted lg:col-start-3">{stage.fixedChannel}</p>
                ) : null}
              </fieldset>
            ))}
          </div>
        </section>
      </div>

      <div>
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}
