import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { inputClass, secondaryButtonClass } from "@/components/form-field";
import { requireStaff } from "@/lib/auth/require-staff";
import { toDbDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { loadLibrarySettings, loadPatronSettings } from "@/lib/settings/load-settings";
import { resolveStageSettings } from "@/lib/settings/resolve-stage-settings";
import type { ResolvedValue, StageField, StageValues } from "@/lib/settings/stage-settings";
import { StageTable } from "../stage-table";
import { fieldWords } from "../stage-words";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.patron");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ card?: string; branch?: string }> };

export default async function PatronSettingsPage({ searchParams }: Props) {
  const { library } = await requireStaff("librarian");
  const [t, tSettings, format, params] = await Promise.all([
    getTranslations("settings.patron"),
    getTranslations("settings"),
    getFormatter(),
    searchParams,
  ]);
  const words = await fieldWords();
  const card = params.card?.trim() ?? "";
  const patron = card
    ? await db.patron.findUnique({
        where: { libraryId_cardNumber: { libraryId: library.id, cardNumber: card } },
        select: { id: true, firstName: true, lastName: true, cardNumber: true, homeBranchId: true },
      })
    : null;
  const settings = patron ? await loadLibrarySettings(db, library.id) : null;
  const branch =
    settings?.branches.find((b) => b.id === Number(params.branch)) ??
    settings?.branches.find((b) => b.id === patron?.homeBranchId);
  const patronSettings = patron ? await loadPatronSettings(db, patron.id) : null;
  const resolved =
    settings && patronSettings
      ? resolveStageSettings(settings, { branchId: branch?.id, patron: patronSettings })
      : null;

  const level = (value: ResolvedValue<unknown>) =>
    value.level === "branch"
      ? t("levels.branch", { branch: value.branchName ?? "" })
      : t(`levels.${value.level}`, { branch: "" });
  const levelClass = (value: ResolvedValue<unknown>) =>
    value.level === "system" ? "text-muted" : "font-medium text-brand-strong";

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-muted">{t("intro")}</p>
        <p className="mt-2">
          <Link href="/settings" className="font-medium underline">
            {t("back")}
          </Link>
        </p>
      </div>
      <form method="get" action="/settings/patron" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="card" className="font-medium">
            {t("cardLabel")}
          </label>
          <input id="card" name="card" defaultValue={card} className={`${inputClass} w-auto`} />
        </div>
        {settings && patron ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="branch" className="font-medium">
              {t("branchLabel")}
            </label>
            <select id="branch" name="branch" defaultValue={branch?.id} className={`${inputClass} w-auto`}>
              {settings.branches.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" className={secondaryButtonClass}>
          {t("find")}
        </button>
      </form>
      {card && !patron ? <p role="status">{t("notFound", { card })}</p> : null}

      {patron && resolved?.patron ? (
        <>
          <h2 className="text-xl font-semibold">
            {patron.firstName} {patron.lastName}{" "}
            <span className="font-normal text-muted">({patron.cardNumber})</span>
          </h2>
          <p>
            <Link href={`/patrons/${patron.id}/settings`} className="font-medium underline">
              {t("editLink")}
            </Link>
          </p>
          <section aria-labelledby="person" className="rounded-lg border border-line bg-surface p-5">
            <h3 id="person" className="mb-3 text-lg font-semibold">
              {t("person")}
            </h3>
            <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
              <dt className="font-medium">{t("channelPreference")}</dt>
              <dd>
                {resolved.patron.channelPreference.value
                  ? tSettings(`channels.${resolved.patron.channelPreference.value}`)
                  : t("followStage")}
              </dd>
              <dt className="font-medium">{t("preDueOptIn")}</dt>
              <dd>{resolved.patron.preDueOptIn.value ? tSettings("yes") : tSettings("no")}</dd>
              <dt className="font-medium">{t("language")}</dt>
              <dd>{t(`languages.${resolved.patron.language.value}`)}</dd>
              <dt className="font-medium">{t("pausedUntil")}</dt>
              <dd>
                {resolved.patron.noticesPausedUntil.value
                  ? format.dateTime(toDbDate(resolved.patron.noticesPausedUntil.value), {
                      dateStyle: "long",
                      timeZone: "UTC",
                    })
                  : t("notPaused")}
              </dd>
            </dl>
          </section>
          <p className="text-sm text-muted">{t("branchNote")}</p>
          <StageTable
            stages={resolved.stages}
            label={t("stagesCaption")}
            caption={t("stagesCaption")}
            captionHidden
            minWidth="min-w-[60rem]"
            cell={(stage, field) => {
              const value = stage.fields[field] as ResolvedValue<StageValues[StageField]>;
              return (
                <>
                  {words(field, value.value as never)}
                  <span className={`block text-xs ${levelClass(value)}`}>{level(value)}</span>
                </>
              );
            }}
          />
        </>
      ) : null}
    </div>
  );
}
