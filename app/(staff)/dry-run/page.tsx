import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { cellClass, DataTable, rowClass } from "@/components/data-table";
import { inputClass, secondaryButtonClass } from "@/components/form-field";
import { requireStaff } from "@/lib/auth/require-staff";
import { isLocalDate, type LocalDate, toDbDate } from "@/lib/dates";
import { db } from "@/lib/db";
import type { Channel } from "@/lib/generated/prisma/enums";
import { libraryToday } from "@/lib/library/current-library";
import { formatChannelReason } from "@/lib/planning/channel-reason";
import { planNotices } from "@/lib/planning/plan-notices";
import { loadLibrarySettings } from "@/lib/settings/load-settings";
import { stageLabel } from "../settings/stage-words";

export const dynamic = "force-dynamic";

const CHANNELS: Channel[] = ["email", "letter", "registered_letter"];
/** The drill-down shows at most this many notices; the counts above cover all of them. */
const LIST_CAP = 200;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dryRun");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ date?: string }> };

const td = cellClass;

export default async function DryRunPage({ searchParams }: Props) {
  const { library } = await requireStaff("librarian");
  const [t, tSettings, format, locale, params] = await Promise.all([
    getTranslations("dryRun"),
    getTranslations("settings"),
    getFormatter(),
    getLocale(),
    searchParams,
  ]);
  const today = libraryToday(library);
  const asked = params.date?.trim();
  const validDate = asked && isLocalDate(asked) ? (asked as LocalDate) : null;
  const date = validDate ?? today;

  const [plan, settings] = await Promise.all([
    planNotices(db, { libraryId: library.id, date, dryRun: true }),
    loadLibrarySettings(db, library.id),
  ]);
  const stages = settings.stages.map((s) => ({ id: s.id, name: stageLabel(s.labels, locale, s.key) }));
  const stageName = (id: number) => stages.find((s) => s.id === id)?.name ?? String(id);

  // Stage x channel, counted from the notices themselves.
  const matrix = new Map<string, { notices: number; loans: number }>();
  for (const notice of plan.notices) {
    const key = `${notice.stageId}:${notice.channel}`;
    const cellCount = matrix.get(key) ?? { notices: 0, loans: 0 };
    cellCount.notices += 1;
    cellCount.loans += notice.loans.length;
    matrix.set(key, cellCount);
  }
  const usedStages = stages.filter((s) => plan.byStage.some((b) => b.stageId === s.id && b.notices > 0));
  const usedChannels = CHANNELS.filter((c) => plan.byChannel.some((b) => b.channel === c && b.notices > 0));

  const shown = plan.notices.slice(0, LIST_CAP);
  const itemIds = [...new Set(shown.flatMap((n) => n.loans.map((l) => l.itemId)))];
  const items = await db.item.findMany({ where: { id: { in: itemIds } }, select: { id: true, title: true } });
  const titles = new Map(items.map((item) => [item.id, item.title]));
  const reasonLocale = locale === "nl" ? "nl" : "en";
  const day = (value: LocalDate) =>
    format.dateTime(toDbDate(value), { dateStyle: "medium", timeZone: "UTC" });
  const count = (c: { notices: number; loans: number }) => `${c.notices} (${c.loans})`;

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-2 rounded-md border border-brand bg-brand-soft p-3 font-medium text-brand-strong">
          {t("banner", { date: day(date) })}
        </p>
      </div>

      <form method="get" action="/dry-run" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="date" className="font-medium">
            {t("dateLabel")}
          </label>
          <input id="date" name="date" type="date" defaultValue={date} className={`${inputClass} w-auto`} />
        </div>
        <button type="submit" className={secondaryButtonClass}>
          {t("show")}
        </button>
        <Link href="/settings" className="py-2 font-medium underline">
          {t("settingsLink")}
        </Link>
      </form>
      {asked && !validDate ? <p role="status">{t("invalidDate")}</p> : null}

      <p className="text-lg font-semibold" data-testid="dry-run-totals">
        {t("totals", { notices: plan.totals.notices, loans: plan.totals.loans })}
      </p>

      {plan.totals.notices === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <>
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            <section aria-labelledby="by-stage" className="flex min-w-0 flex-col gap-2">
              <h2 id="by-stage" className="text-lg font-semibold">
                {t("byStage")}
              </h2>
              <DataTable
                caption={t("byStageCaption")}
                columns={[
                  { label: t("stage") },
                  ...usedChannels.map((c) => ({
                    key: c,
                    label: tSettings(`channels.${c}`),
                    numeric: true,
                    nowrap: true,
                  })),
                  { key: "total", label: t("total"), numeric: true },
                ]}
              >
                {usedStages.map((s) => {
                  const total = plan.byStage.find((b) => b.stageId === s.id);
                  return (
                    <tr key={s.id} className="border-b border-line last:border-0">
                      <th scope="row" className={`${td} font-medium`}>
                        {s.name}
                      </th>
                      {usedChannels.map((c) => {
                        const value = matrix.get(`${s.id}:${c}`);
                        return (
                          <td key={c} className={`${td} text-right tabular-nums`}>
                            {value ? count(value) : "–"}
                          </td>
                        );
                      })}
                      <td className={`${td} text-right font-semibold tabular-nums`}>
                        {total ? count(total) : "–"}
                      </td>
                    </tr>
                  );
                })}
                <tr className="border-t border-line bg-canvas">
                  <th scope="row" className={`${td} font-semibold`}>
                    {t("total")}
                  </th>
                  {usedChannels.map((c) => {
                    const value = plan.byChannel.find((b) => b.channel === c);
                    return (
                      <td key={c} className={`${td} text-right font-semibold tabular-nums`}>
                        {value ? count(value) : "–"}
                      </td>
                    );
                  })}
                  <td className={`${td} text-right font-semibold tabular-nums`}>{count(plan.totals)}</td>
                </tr>
              </DataTable>
            </section>

            <section aria-labelledby="by-branch" className="flex min-w-0 flex-col gap-2">
              <h2 id="by-branch" className="text-lg font-semibold">
                {t("byBranch")}
              </h2>
              <DataTable
                caption={t("byBranchCaption")}
                captionHidden
                columns={[
                  { label: t("branch") },
                  { label: t("notices"), numeric: true },
                  { label: t("loans"), numeric: true },
                ]}
              >
                {plan.byBranch.map((b) => (
                  <tr key={b.branchId} className="border-b border-line last:border-0">
                    <th scope="row" className={`${td} font-medium`}>
                      {b.branchName}
                    </th>
                    <td className={`${td} text-right tabular-nums`}>{b.notices}</td>
                    <td className={`${td} text-right tabular-nums`}>{b.loans}</td>
                  </tr>
                ))}
              </DataTable>
            </section>
          </div>

          <section aria-labelledby="notice-list" className="flex min-w-0 flex-col gap-2">
            <h2 id="notice-list" className="text-lg font-semibold">
              {t("list")}
            </h2>
            {plan.notices.length > LIST_CAP ? (
              <p className="text-sm text-muted">
                {t("capped", { shown: LIST_CAP, total: plan.notices.length })}
              </p>
            ) : null}
            <DataTable
              caption={t("listCaption")}
              captionHidden
              minWidth="min-w-[56rem]"
              columns={[
                { label: t("patron") },
                { label: t("branch") },
                { label: t("stage") },
                { label: tSettings("channel") },
                { label: t("reason") },
                { label: t("items") },
              ]}
            >
              {shown.map((notice) => (
                <tr key={notice.idempotencyKey} className={rowClass}>
                  <th scope="row" className={`${td} font-medium`}>
                    {notice.patron.firstName} {notice.patron.lastName}
                    <span className="block font-normal text-muted tabular-nums">
                      {notice.patron.cardNumber}
                    </span>
                  </th>
                  <td className={td}>{notice.branchName}</td>
                  <td className={td}>{stageName(notice.stageId)}</td>
                  <td className={td}>{tSettings(`channels.${notice.channel}`)}</td>
                  <td className={`${td} max-w-xs`}>{formatChannelReason(notice.reason, reasonLocale)}</td>
                  <td className={td}>
                    <ul className="flex flex-col gap-1">
                      {notice.loans.map((loan) => (
                        <li key={loan.loanId}>
                          {titles.get(loan.itemId) ?? `#${loan.itemId}`}
                          <span className="block text-xs text-muted">
                            {t("due", { date: day(loan.dueDate) })}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </DataTable>
          </section>
        </>
      )}
    </div>
  );
}
