import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ScrollableTable } from "@/components/scrollable-table";
import { type LocalDate, toDbDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { planNotices } from "@/lib/planning/plan-notices";
import { loadLibrarySettings } from "@/lib/settings/load-settings";
import { stageLabel } from "../settings/stage-words";
import { StartRunForm } from "./run-forms";

const PATRONS_SHOWN = 12;
const td = "px-3 py-2";

/** What a run for `date` will send (the dry run's counts), and the button that starts it. */
export async function StartConfirmation({ libraryId, date }: { libraryId: number; date: LocalDate }) {
  const [t, tSettings, format, locale] = await Promise.all([
    getTranslations("sendRuns.start"),
    getTranslations("settings"),
    getFormatter(),
    getLocale(),
  ]);
  const [plan, settings, leftover] = await Promise.all([
    planNotices(db, { libraryId, date, dryRun: true }),
    loadLibrarySettings(db, libraryId),
    db.notice.count({
      where: {
        libraryId,
        channel: "email",
        status: "planned",
        sendBatchId: null,
        planDate: { lte: toDbDate(date) },
      },
    }),
  ]);
  const stageName = (id: number) => {
    const stage = settings.stages.find((s) => s.id === id);
    return stage ? stageLabel(stage.labels, locale, stage.key) : String(id);
  };
  const day = format.dateTime(toDbDate(date), { dateStyle: "long", timeZone: "UTC" });
  const groups: {
    id: string;
    title: string;
    rows: { key: string; label: string; notices: number; loans: number }[];
  }[] = [
    {
      id: "by-stage",
      title: t("byStage"),
      rows: plan.byStage
        .filter((s) => s.notices > 0)
        .map((s) => ({
          key: String(s.stageId),
          label: stageName(s.stageId),
          notices: s.notices,
          loans: s.loans,
        })),
    },
    {
      id: "by-channel",
      title: t("byChannel"),
      rows: plan.byChannel
        .filter((c) => c.notices > 0)
        .map((c) => ({
          key: c.channel,
          label: tSettings(`channels.${c.channel}`),
          notices: c.notices,
          loans: c.loans,
        })),
    },
    {
      id: "by-branch",
      title: t("byBranch"),
      rows: plan.byBranch.map((b) => ({
        key: String(b.branchId),
        label: b.branchName,
        notices: b.notices,
        loans: b.loans,
      })),
    },
  ];
  const patrons = [...new Map(plan.notices.map((n) => [n.patronId, n])).values()];

  return (
    <section
      aria-labelledby="confirm-run"
      className="flex flex-col gap-4 rounded-lg border border-brand bg-surface p-4"
      data-testid="start-confirmation"
    >
      <h2 id="confirm-run" className="text-lg font-semibold">
        {t("confirmTitle", { date: day })}
      </h2>
      <p className="font-medium" data-testid="confirm-totals">
        {t("confirmLead", { notices: plan.totals.notices, loans: plan.totals.loans })}
      </p>
      {leftover > 0 ? <p>{t("leftover", { count: leftover })}</p> : null}
      {plan.totals.notices === 0 ? (
        <p>{t("nothing")}</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-3">
          {groups.map((group) => (
            <ScrollableTable key={group.id} label={group.title}>
              <table className="w-full text-left text-sm">
                <caption className="px-3 pt-2 text-left font-semibold">{group.title}</caption>
                <thead className="sr-only">
                  <tr>
                    <th scope="col">{group.title}</th>
                    <th scope="col">{tSettings("channel")}</th>
                  </tr>
                </thead>
                <tbody>
                  {group.rows.map((row) => (
                    <tr key={row.key} className="border-b border-line last:border-0">
                      <th scope="row" className={`${td} font-medium`}>
                        {row.label}
                      </th>
                      <td className={`${td} text-right tabular-nums`}>{format.number(row.notices)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollableTable>
          ))}
        </div>
      )}
      {patrons.length > 0 ? (
        <div className="flex flex-col gap-1">
          <h3 className="font-semibold">{t("patrons")}</h3>
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {patrons.slice(0, PATRONS_SHOWN).map((notice) => (
              <li key={notice.patronId}>
                <Link href={`/patrons/${notice.patronId}`} className="underline">
                  {notice.patron.firstName} {notice.patron.lastName}
                </Link>
              </li>
            ))}
          </ul>
          {patrons.length > PATRONS_SHOWN ? (
            <p className="text-sm text-muted">
              <Link href={`/dry-run?date=${date}`} className="underline">
                {t("morePatrons", { count: patrons.length - PATRONS_SHOWN })}
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <StartRunForm date={date} />
    </section>
  );
}
