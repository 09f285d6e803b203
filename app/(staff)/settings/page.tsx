import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { inputClass, secondaryButtonClass } from "@/components/form-field";
import { requireStaff } from "@/lib/auth/require-staff";
import { addDays } from "@/lib/dates";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { libraryToday } from "@/lib/library/current-library";
import { euroInputText } from "@/lib/settings/euro-amount";
import { loadLetterPostage, POSTAGE_RANGE_CENTS } from "@/lib/settings/letter-postage";
import { loadLibrarySettings } from "@/lib/settings/load-settings";
import { resolveStageSettings } from "@/lib/settings/resolve-stage-settings";
import { loadSendingSettings } from "@/lib/settings/sending-settings";
import {
  type ResolvedStage,
  type ResolvedValue,
  STAGE_FIELDS,
  type StageField,
  type StageValues,
} from "@/lib/settings/stage-settings";
import { warnStageOrder } from "@/lib/settings/warn-stage-order";
import { PostageForm } from "./postage-form";
import { SendingSettingsForm } from "./sending-form";
import { type FormStage, ResetFieldButton, StageForm } from "./stage-forms";
import { StageTable } from "./stage-table";
import { fieldWords, stageLabel } from "./stage-words";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ branch?: string; edit?: string }> };

export default async function SettingsPage({ searchParams }: Props) {
  const { library } = await requireStaff("librarian");
  const [t, tOrder, format, locale, params] = await Promise.all([
    getTranslations("settings"),
    getTranslations("stageOrder"),
    getFormatter(),
    getLocale(),
    searchParams,
  ]);
  const words = await fieldWords();
  const settings = await loadLibrarySettings(db, library.id);
  const postage = await loadLetterPostage(db, library.id);
  const euros = (cents: number) => format.number(cents / 100, { style: "currency", currency: "EUR" });
  const requested = params.branch ? Number(params.branch) : null;
  const branch = settings.branches.find((b) => b.id === requested) ?? null;
  const resolved = resolveStageSettings(settings, { branchId: branch?.id });
  const labelOf = (key: string) => {
    const stage = settings.stages.find((s) => s.key === key);
    return stage ? stageLabel(stage.labels, locale, key) : key;
  };
  // On a branch's level, the warnings that concern that branch (its own or the library's).
  const orderWarnings = warnStageOrder(settings)
    .filter((w) => !branch || w.params.branch == null || w.params.branch === branch.name)
    .map((w) => {
      const message = tOrder("warning", {
        stage: labelOf(String(w.params.stageKey)),
        earlier: labelOf(String(w.params.earlierKey)),
        gap: Number(w.params.gap),
      });
      return w.params.branch == null
        ? message
        : tOrder("inBranch", { branch: String(w.params.branch), message });
    });

  const staffIds = new Set<number>();
  for (const stage of settings.stages) if (stage.updatedById) staffIds.add(stage.updatedById);
  for (const override of settings.branchOverrides)
    if (override.updatedById) staffIds.add(override.updatedById);
  const staff = await db.staffUser.findMany({
    where: { id: { in: [...staffIds] } },
    select: { id: true, name: true },
  });
  const staffName = new Map(staff.map((s) => [s.id, s.name]));
  const changed = (updatedAt: Date | null, updatedById: number | null) => {
    if (!updatedAt) return null;
    const date = format.dateTime(updatedAt, { dateStyle: "medium", timeStyle: "short" });
    return updatedById
      ? t("changedBy", { name: staffName.get(updatedById) ?? t("unknownStaff"), date })
      : t("changedOn", { date });
  };

  const levelName = branch ? t("levelBranch", { name: branch.name }) : t("levelSystem");
  const base = branch ? `/settings?branch=${branch.id}` : "/settings";
  const editId = params.edit ? Number(params.edit) : null;
  const editing = resolved.stages.find((s) => s.stageId === editId);

  const cell = (stage: ResolvedStage, field: StageField, label: string): ReactNode => {
    const resolvedValue = stage.fields[field] as ResolvedValue<StageValues[StageField]>;
    const text = words(field, resolvedValue.value as never);
    if (!branch) return text;
    if (resolvedValue.level !== "branch") {
      return (
        <>
          {text}
          <span className="block text-xs text-muted">{t("inheritedFrom")}</span>
        </>
      );
    }
    const who = changed(resolvedValue.updatedAt, resolvedValue.updatedById);
    return (
      <>
        <span className="font-semibold">{text}</span>
        <span className="block text-xs font-medium text-brand-strong">{t("ownValue")}</span>
        {who ? <span className="block text-xs text-muted">{who}</span> : null}
        <ResetFieldButton
          stageId={stage.stageId}
          branchId={branch.id}
          field={field}
          label={t("backToInheritedLabel", {
            field: label,
            stage: stageLabel(stage.labels, locale, stage.key),
          })}
        />
      </>
    );
  };

  let formStage: FormStage | null = null;
  if (editing) {
    const system = settings.stages.find((s) => s.id === editing.stageId)!;
    const override = branch
      ? settings.branchOverrides.find((o) => o.stageId === editing.stageId && o.branchId === branch.id)
      : undefined;
    const asText = (field: StageField, value: unknown): string =>
      field === "feeCents" ? ((value as number) / 100).toFixed(2) : String(value);
    formStage = {
      stageId: editing.stageId,
      label: stageLabel(editing.labels, locale, editing.key),
      system: Object.fromEntries(STAGE_FIELDS.map((f) => [f, asText(f, system[f])])) as FormStage["system"],
      systemWords: Object.fromEntries(
        STAGE_FIELDS.map((f) => [f, words(f, system[f] as never)]),
      ) as FormStage["systemWords"],
      own: Object.fromEntries(
        STAGE_FIELDS.map((f) => [f, override?.[f] == null ? null : asText(f, override[f])]),
      ) as FormStage["own"],
    };
  }

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-muted">{t("intro")}</p>
        <p className="mt-1 max-w-3xl text-muted">{t("intervalHelp")}</p>
        <p className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
          <Link href="/dry-run" className="font-medium underline">
            {t("dryRunLink")}
          </Link>
          <Link href="/settings/patron" className="font-medium underline">
            {t("patronLink")}
          </Link>
          <Link href="/settings/self-service" className="font-medium underline">
            {t("selfServiceLink")}
          </Link>
          <Link href="/settings#postage" className="font-medium underline">
            {t("postageLink")}
          </Link>
        </p>
      </div>

      <form method="get" action="/settings" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="branch" className="font-medium">
            {t("levelLabel")}
          </label>
          <select
            id="branch"
            name="branch"
            defaultValue={branch?.id ?? ""}
            className={`${inputClass} w-auto`}
          >
            <option value="">{t("levelSystem")}</option>
            {settings.branches.map((b) => (
              <option key={b.id} value={b.id}>
                {t("levelBranch", { name: b.name })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={secondaryButtonClass}>
          {t("show")}
        </button>
      </form>
      {params.branch && !branch ? <p role="status">{t("unknownBranch")}</p> : null}

      {orderWarnings.length > 0 ? (
        <section
          aria-labelledby="stage-order-title"
          className="max-w-3xl rounded-lg border border-warn bg-warn-soft p-4 text-ink"
        >
          <h2 id="stage-order-title" className="font-semibold">
            {tOrder("title")}
          </h2>
          <ul className="mt-2 list-disc pl-6">
            {orderWarnings.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {resolved.stages.length === 0 ? (
        <p>{t("noStages")}</p>
      ) : (
        <StageTable
          stages={resolved.stages}
          label={t("tableLabel")}
          caption={t("caption", { level: levelName })}
          cell={(stage, field, label) => cell(stage, field, label)}
          rowHeaderExtra={(stage, name) => {
            const system = settings.stages.find((s) => s.id === stage.stageId);
            const who = !branch && system ? changed(system.updatedAt, system.updatedById) : null;
            return (
              <>
                {who ? <span className="block text-xs font-normal text-muted">{who}</span> : null}
                <Link
                  href={`${base}${branch ? "&" : "?"}edit=${stage.stageId}#edit`}
                  className="mt-1 inline-block text-sm font-normal underline"
                  aria-label={`${t("edit")}: ${name}`}
                >
                  {t("edit")}
                </Link>
              </>
            );
          }}
        />
      )}

      {formStage ? (
        <section
          id="edit"
          aria-labelledby="edit-title"
          className="rounded-lg border border-line bg-surface p-5"
        >
          <h2 id="edit-title" className="mb-4 text-lg font-semibold">
            {branch
              ? t("editTitleBranch", { stage: formStage.label, branch: branch.name })
              : t("editTitle", { stage: formStage.label })}
          </h2>
          <StageForm
            key={`${formStage.stageId}-${branch?.id ?? "system"}`}
            stage={formStage}
            branch={branch ? { id: branch.id, name: branch.name } : null}
            cancelHref={base}
            stageNames={resolved.stages.map((s) => ({
              id: s.stageId,
              name: stageLabel(s.labels, locale, s.key),
            }))}
            tomorrow={addDays(libraryToday(library), 1)}
          />
        </section>
      ) : null}

      {branch ? null : (
        <>
          <SendingSettingsForm
            settings={await loadSendingSettings(db, library.id)}
            fallbackFrom={env.EMAIL_FROM}
          />
          <PostageForm
            values={{
              letterPostage: euroInputText(postage.letterPostageCents, locale),
              registeredPostage: euroInputText(postage.registeredPostageCents, locale),
            }}
            now={{
              letterPostage: euros(postage.letterPostageCents),
              registeredPostage: euros(postage.registeredPostageCents),
            }}
            range={t("postageRange", {
              min: euros(POSTAGE_RANGE_CENTS[0]),
              max: euros(POSTAGE_RANGE_CENTS[1]),
            })}
          />
        </>
      )}
    </div>
  );
}
