"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, startTransition, useActionState, useState } from "react";
import {
  FormField,
  FormMessage,
  inputClass,
  primaryButtonClass,
  secondaryButtonClass,
} from "@/components/form-field";
import { ScrollableTable } from "@/components/scrollable-table";
import { initialActionState } from "@/lib/auth/action-state";
import type { Channel } from "@/lib/generated/prisma/enums";
import type { PlanCount, SettingsChangePreview } from "@/lib/planning/preview-settings-change";
import type { StageField } from "@/lib/settings/stage-settings";
import { type PreviewState, previewStageAction, resetBranchFieldAction, saveStageAction } from "./actions";

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

/**
 * A stage's fields at system or branch level. Submitted by hand (not the form's `action`), so
 * that a refusal keeps what was typed; every problem shows at its field. "Show effect" sends
 * the same fields to the preview, which saves nothing.
 */
export function StageForm({
  stage,
  branch,
  cancelHref,
  stageNames,
  tomorrow,
}: {
  stage: FormStage;
  branch: { id: number; name: string } | null;
  cancelHref: string;
  stageNames: { id: number; name: string }[];
  tomorrow: string;
}) {
  const t = useTranslations("settings");
  const [saved, saveAction, saving] = useActionState(saveStageAction, initialActionState);
  const [previewed, previewAction, previewing] = useActionState(
    previewStageAction,
    initialActionState as PreviewState,
  );
  // The errors of whichever was pressed last.
  const [last, setLast] = useLastPressed();
  const state = last === "preview" ? previewed : saved;
  const errors = state.fieldErrors ?? {};
  const pending = saving || previewing;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(event.currentTarget);
    const preview = submitter?.value === "preview";
    setLast(preview ? "preview" : "save");
    startTransition(() => (preview ? previewAction(data) : saveAction(data)));
  }
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
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="stageId" value={stage.stageId} />
      <input type="hidden" name="branchId" value={branch?.id ?? ""} />
      {last === "save" || !state.ok ? <FormMessage ok={state.ok} message={state.message} /> : null}
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
      <div className="flex flex-wrap items-end gap-3">
        <button type="submit" name="intent" value="save" disabled={pending} className={primaryButtonClass}>
          {t("save")}
        </button>
        <Link href={cancelHref} className={`${secondaryButtonClass} no-underline`}>
          {t("cancel")}
        </Link>
      </div>
      <div className="flex flex-wrap items-end gap-3 border-t border-line pt-4">
        <FormField
          id="previewDate"
          label={t("preview.dateLabel")}
          hint={t("preview.dateHint")}
          errors={errors.previewDate}
        >
          {(describedBy, invalid) => (
            <input
              id="previewDate"
              name="previewDate"
              type="date"
              defaultValue={tomorrow}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              className={`${inputClass} w-auto`}
            />
          )}
        </FormField>
        <button
          type="submit"
          name="intent"
          value="preview"
          disabled={pending}
          className={secondaryButtonClass}
        >
          {t("preview.button")}
        </button>
      </div>
      <div aria-live="polite">
        {previewing ? <p className="text-muted">{t("preview.pending")}</p> : null}
        {!previewing && last === "preview" && previewed.ok && previewed.preview ? (
          <PreviewResult preview={previewed.preview} stageNames={stageNames} />
        ) : null}
      </div>
    </form>
  );
}

function useLastPressed() {
  return useState<"save" | "preview">("save");
}

const CHANNELS: Channel[] = ["email", "letter", "registered_letter"];

/** Before -> after of a dry run, by channel and by stage, with the difference. */
function PreviewResult({
  preview,
  stageNames,
}: {
  preview: SettingsChangePreview;
  stageNames: { id: number; name: string }[];
}) {
  const t = useTranslations("settings");
  const format = useFormatter();
  const date = format.dateTime(new Date(`${preview.date}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  const zero: PlanCount = { notices: 0, loans: 0 };
  const rows = (
    entries: { key: string; label: string; before: PlanCount; after: PlanCount }[],
    caption: string,
  ) => (
    <ScrollableTable label={caption}>
      <table className="w-full text-left text-sm">
        <caption className="px-3 pt-2 text-left font-semibold">{caption}</caption>
        <thead className="border-b border-line bg-canvas">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              {t("preview.what")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">
              {t("preview.now")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">
              {t("preview.after")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">
              {t("preview.difference")}
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const diff = entry.after.notices - entry.before.notices;
            return (
              <tr key={entry.key} className="border-b border-line last:border-0">
                <th scope="row" className="px-3 py-2 font-medium">
                  {entry.label}
                </th>
                <td className="px-3 py-2 text-right tabular-nums">{entry.before.notices}</td>
                <td className="px-3 py-2 text-right tabular-nums">{entry.after.notices}</td>
                <td
                  className={`px-3 py-2 text-right tabular-nums ${diff === 0 ? "text-muted" : "font-semibold"}`}
                >
                  {diff > 0 ? `+${diff}` : diff === 0 ? "±0" : `−${-diff}`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollableTable>
  );
  const stageIds = [
    ...preview.stageIds,
    ...Object.keys({ ...preview.before.byStage, ...preview.after.byStage })
      .map(Number)
      .filter((id) => !preview.stageIds.includes(id)),
  ];
  return (
    <section
      aria-labelledby="preview-title"
      className="mt-2 flex flex-col gap-3 rounded-md border border-brand bg-brand-soft/40 p-4"
      data-testid="settings-preview"
    >
      <h3 id="preview-title" className="font-semibold">
        {t("preview.title", { date })}
      </h3>
      <p className="font-medium">
        {t("preview.summary", {
          emails: preview.after.byChannel.email.notices,
          letters: preview.after.byChannel.letter.notices,
          registered: preview.after.byChannel.registered_letter.notices,
          emailsBefore: preview.before.byChannel.email.notices,
          lettersBefore: preview.before.byChannel.letter.notices,
          registeredBefore: preview.before.byChannel.registered_letter.notices,
        })}
      </p>
      <p className="text-sm text-muted">{t("preview.notSaved")}</p>
      <div className="grid gap-4 lg:grid-cols-2">
        {rows(
          [
            ...CHANNELS.map((channel) => ({
              key: channel,
              label: t(`channels.${channel}`),
              before: preview.before.byChannel[channel],
              after: preview.after.byChannel[channel],
            })),
            {
              key: "total",
              label: t("preview.total"),
              before: preview.before.totals,
              after: preview.after.totals,
            },
          ],
          t("preview.byChannel"),
        )}
        {rows(
          stageIds.map((id) => ({
            key: String(id),
            label: stageNames.find((s) => s.id === id)?.name ?? `#${id}`,
            before: preview.before.byStage[id] ?? zero,
            after: preview.after.byStage[id] ?? zero,
          })),
          t("preview.byStage"),
        )}
      </div>
    </section>
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
