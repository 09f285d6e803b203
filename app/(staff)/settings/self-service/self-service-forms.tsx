"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import {
  FormField,
  FormMessage,
  inputClass,
  primaryButtonClass,
  secondaryButtonClass,
} from "@/components/form-field";
import { useKeptFormAction } from "@/components/use-kept-form-action";
import { saveRenewalLimitsAction, saveSelfServiceSettingsAction } from "./actions";

/** The origin the links would use for what is typed: the typed address when it reads as one. */
function previewOrigin(typed: string, dashboardOrigin: string): string {
  const trimmed = typed.trim();
  if (trimmed === "") return dashboardOrigin;
  try {
    return new URL(trimmed).origin;
  } catch {
    return trimmed.replace(/\/+$/, "");
  }
}

/** "2026-12-30" + days, as a Date at noon UTC (a calendar day, shown with timeZone UTC). */
function dayAfter(today: string, days: number): Date {
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date;
}

/**
 * Where the patrons' links point and how long they work, with what a link will look like
 * for the values as typed.
 */
export function SelfServiceLinksForm({
  saved,
  dashboardOrigin,
  examplePath,
  today,
  range,
  defaultDays,
}: {
  saved: { publicBaseUrl: string | null; linkValidityDays: number };
  /** the address this dashboard was opened at: the links' address while none is set */
  dashboardOrigin: string;
  /** "/r/<a sample token>" */
  examplePath: string;
  today: string;
  range: readonly [number, number];
  defaultDays: number;
}) {
  const t = useTranslations("settings.selfService");
  const format = useFormatter();
  const [state, onSubmit, pending] = useKeptFormAction(saveSelfServiceSettingsAction);
  const errors = state.fieldErrors ?? {};
  const [url, setUrl] = useState(saved.publicBaseUrl ?? "");
  const [days, setDays] = useState(String(saved.linkValidityDays));
  const typedDays = /^\d{1,3}$/.test(days.trim()) ? Number(days.trim()) : null;
  const origin = previewOrigin(url, dashboardOrigin);
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-3xl flex-col gap-4">
      <FormMessage ok={state.ok} message={state.message} />
      <FormField
        id="publicBaseUrl"
        label={t("publicBaseUrl")}
        hint={t("publicBaseUrlHint", { dashboard: dashboardOrigin })}
        errors={errors.publicBaseUrl}
      >
        {(describedBy, invalid) => (
          <input
            id="publicBaseUrl"
            name="publicBaseUrl"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://mijn.bibliotheek.be"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            maxLength={220}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            className={inputClass}
          />
        )}
      </FormField>
      <p className="text-sm">
        {saved.publicBaseUrl
          ? t("publicBaseUrlNow", { url: saved.publicBaseUrl })
          : t("publicBaseUrlUnset", { dashboard: dashboardOrigin })}
      </p>
      <div className="flex items-start gap-2">
        <input
          id="sameAsDashboard"
          name="sameAsDashboard"
          type="checkbox"
          className="mt-1 h-5 w-5 shrink-0"
        />
        <label htmlFor="sameAsDashboard">
          <span className="font-medium">{t("sameAsDashboard")}</span>
          <span className="block text-sm text-muted">
            {t("sameAsDashboardHint", { dashboard: dashboardOrigin })}
          </span>
        </label>
      </div>
      <FormField
        id="linkValidityDays"
        label={t("linkValidityDays")}
        hint={t("linkValidityDaysHint", { min: range[0], max: range[1], default: defaultDays })}
        errors={errors.linkValidityDays}
      >
        {(describedBy, invalid) => (
          <input
            id="linkValidityDays"
            name="linkValidityDays"
            inputMode="numeric"
            value={days}
            onChange={(event) => setDays(event.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            className={`${inputClass} max-w-32`}
          />
        )}
      </FormField>
      <p className="text-sm">{t("linkValidityNow", { days: saved.linkValidityDays })}</p>

      <section aria-labelledby="link-preview-title" className="rounded-md border border-line bg-canvas p-4">
        <h3 id="link-preview-title" className="font-semibold">
          {t("previewTitle")}
        </h3>
        <p className="mt-1 text-sm text-muted">{t("previewLead")}</p>
        <p className="mt-2 break-all font-mono text-sm" data-testid="link-preview">
          {origin}
          {examplePath}
        </p>
        <p className="mt-2 text-sm">
          {typedDays !== null
            ? t("previewValid", {
                date: format.dateTime(dayAfter(today, typedDays), { dateStyle: "long", timeZone: "UTC" }),
                days: typedDays,
              })
            : t("previewNoDays")}
        </p>
      </section>

      <div>
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}

export type RenewalLimitsValues = {
  renewalMaxCount: string;
  renewalPeriodDays: string;
  renewalMaxFees: string;
  renewalMaxOverdueDays: string;
};

/** One branch's renewal limits: each field with its help, its range and the default. */
export function RenewalLimitsForm({
  branch,
  values,
  defaults,
  ranges,
  cancelHref,
}: {
  branch: { id: number; name: string };
  values: RenewalLimitsValues;
  /** the defaults in words: "3", "21 days", "€ 5,00", "30 days" */
  defaults: RenewalLimitsValues;
  /** "0 to 20" per field, in words */
  ranges: RenewalLimitsValues;
  cancelHref: string;
}) {
  const t = useTranslations("settings.renewalLimits");
  const [state, onSubmit, pending] = useKeptFormAction(saveRenewalLimitsAction);
  const errors = state.fieldErrors ?? {};
  const fields = ["renewalMaxCount", "renewalPeriodDays", "renewalMaxFees", "renewalMaxOverdueDays"] as const;
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-4">
      <input type="hidden" name="branchId" value={branch.id} />
      <FormMessage ok={state.ok} message={state.message} />
      {errors.form ? <FormMessage ok={false} message={errors.form.join(" ")} /> : null}
      {fields.map((field) => (
        <FormField
          key={field}
          id={field}
          label={t(`fields.${field}`)}
          hint={t("fieldHint", {
            help: t(`help.${field}`),
            range: ranges[field],
            default: defaults[field],
          })}
          errors={errors[field]}
        >
          {(describedBy, invalid) => (
            <input
              id={field}
              name={field}
              inputMode={field === "renewalMaxFees" ? "decimal" : "numeric"}
              defaultValue={values[field]}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              className={`${inputClass} max-w-40`}
            />
          )}
        </FormField>
      ))}
      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {t("save", { branch: branch.name })}
        </button>
        <Link href={cancelHref} className={secondaryButtonClass}>
          {t("close")}
        </Link>
      </div>
    </form>
  );
}
