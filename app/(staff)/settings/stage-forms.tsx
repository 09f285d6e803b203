"use client";

import Link from "next/link";
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
import type { StageField } from "@/lib/settings/stage-settings";
import { resetBranchFieldAction, saveStageAction } from "./actions";

/** A field's value as the form shows it: own (null at branch level = inherited) and the system's. */
export type FormStage = {
  stageId: number;
  label: string;
  own: Record<StageField, string | null>;
  system: Record<StageField, string>;
  /** the system value in words, for "inherited (...)" */
  systemWords: Record<StageField, string>;
};

const CHOICES = {
  dayCount: ["calendar", "open_days"],
  enabled: ["true", "false"],
  channel: ["email", "letter", "registered_letter"],
  fallback: ["none", "letter", "registered_letter"],
  audience: ["all", "opted_in"],
} as const;

export function StageForm({
  stage,
  branch,
  cancelHref,
}: {
  stage: FormStage;
  branch: { id: number; name: string } | null;
  cancelHref: string;
}) {
  const t = useTranslations("settings");
  const [state, formAction, pending] = useActionState(saveStageAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const words = (field: keyof typeof CHOICES, value: string) => {
    if (field === "enabled") return value === "true" ? t("yes") : t("no");
    const key = { dayCount: "dayCounts", channel: "channels", fallback: "fallbacks", audience: "audiences" }[
      field
    ];
    return t(`${key}.${value}` as "channels.email");
  };
  const initial = (field: StageField) => (branch ? (stage.own[field] ?? "") : stage.system[field]);
  const label: Record<StageField, string> = {
    offsetDays: t("offsetDays"),
    dayCount: t("dayCount"),
    enabled: t("enabled"),
    channel: t("channel"),
    fallback: t("fallback"),
    feeCents: t("feeEuro"),
    audience: t("audience"),
  };

  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="stageId" value={stage.stageId} />
      <input type="hidden" name="branchId" value={branch?.id ?? ""} />
      <FormMessage ok={state.ok} message={state.message} />
      {errors.form ? <FormMessage ok={false} message={errors.form.join(" ")} /> : null}
      {branch ? <p className="text-sm text-muted">{t("editBranchHint")}</p> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {(["offsetDays", "feeCents"] as const).map((field) => (
          <FormField
            key={field}
            id={field}
            label={label[field]}
            hint={field === "offsetDays" ? t("offsetHint") : t("feeHint")}
            errors={errors[field]}
          >
            {(describedBy, invalid) => (
              <input
                id={field}
                name={field}
                inputMode={field === "feeCents" ? "decimal" : "numeric"}
                defaultValue={initial(field)}
                placeholder={branch ? t("inheritedOption", { value: stage.systemWords[field] }) : undefined}
                required={!branch}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                className={inputClass}
              />
            )}
          </FormField>
        ))}
        {(Object.keys(CHOICES) as (keyof typeof CHOICES)[]).map((field) => (
          <FormField key={field} id={field} label={label[field]} errors={errors[field]}>
            {(describedBy, invalid) => (
              <select
                id={field}
                name={field}
                defaultValue={initial(field)}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                className={inputClass}
              >
                {branch ? (
                  <option value="">{t("inheritedOption", { value: stage.systemWords[field] })}</option>
                ) : null}
                {CHOICES[field].map((value) => (
                  <option key={value} value={value}>
                    {words(field, value)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ))}
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {t("save")}
        </button>
        <Link href={cancelHref} className={`${secondaryButtonClass} no-underline`}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}

/** One click: this branch's field follows the system again. */
export function ResetFieldButton({
  stageId,
  branchId,
  field,
  label,
}: {
  stageId: number;
  branchId: number;
  field: StageField;
  label: string;
}) {
  const t = useTranslations("settings");
  const [state, formAction, pending] = useActionState(resetBranchFieldAction, initialActionState);
  return (
    <form action={formAction} className="mt-1">
      <input type="hidden" name="stageId" value={stageId} />
      <input type="hidden" name="branchId" value={branchId} />
      <input type="hidden" name="field" value={field} />
      <button
        type="submit"
        disabled={pending}
        aria-label={label}
        className="text-left text-xs text-brand-strong underline hover:no-underline disabled:opacity-70"
      >
        {t("backToInherited")}
      </button>
      {!state.ok && state.message ? (
        <span role="alert" className="block text-sm font-medium text-red-800">
          {state.message}
          {state.fieldErrors ? ` ${Object.values(state.fieldErrors).flat().join(" ")}` : ""}
        </span>
      ) : null}
    </form>
  );
}
