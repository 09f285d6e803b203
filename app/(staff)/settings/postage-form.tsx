"use client";

import { useTranslations } from "next-intl";
import { FormField, FormMessage, inputClass, primaryButtonClass } from "@/components/form-field";
import { useKeptFormAction } from "@/components/use-kept-form-action";
import { savePostageAction } from "./postage-actions";

/** What the post charges per ordinary and registered letter; each letter records it when batched. */
export function PostageForm({
  values,
  now,
  range,
}: {
  /** as the fields show them: "1,95" */
  values: { letterPostage: string; registeredPostage: string };
  /** the saved rates in words: "€ 1,95" */
  now: { letterPostage: string; registeredPostage: string };
  /** "€ 0,00 to € 50,00" */
  range: string;
}) {
  const t = useTranslations("settings.postage");
  const [state, onSubmit, pending] = useKeptFormAction(savePostageAction);
  const errors = state.fieldErrors ?? {};
  return (
    <section
      id="postage"
      aria-labelledby="postage-title"
      className="rounded-lg border border-line bg-surface p-5"
    >
      <h2 id="postage-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mb-4 max-w-3xl text-muted">{t("lead")}</p>
      <form onSubmit={onSubmit} noValidate className="grid max-w-2xl gap-4">
        <FormMessage ok={state.ok} message={state.message} />
        {(["letterPostage", "registeredPostage"] as const).map((field) => (
          <FormField
            key={field}
            id={field}
            label={t(field)}
            hint={t("hint", { help: t(`${field}Help`), now: now[field], range })}
            errors={errors[field]}
          >
            {(describedBy, invalid) => (
              <input
                id={field}
                name={field}
                inputMode="decimal"
                defaultValue={values[field]}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                className={`${inputClass} max-w-40`}
              />
            )}
          </FormField>
        ))}
        <div>
          <button type="submit" className={primaryButtonClass} disabled={pending}>
            {t("save")}
          </button>
        </div>
      </form>
    </section>
  );
}
