import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { cellClass, DataTable, rowClass } from "@/components/data-table";
import type { ErrorCode } from "@/lib/errors/domain-error";
import { knownProblemText } from "@/lib/errors/error-text";
import { getStaffTranslate } from "@/lib/errors/staff-error-text";
import type { listSendRuns } from "@/lib/sending/list-send-runs";

const td = cellClass;

type History = Awaited<ReturnType<typeof listSendRuns>>;
type Run = History["runs"][number];

/**
 * Every run: who or what started it, its day, counts, duration and outcome (with the reason
 * when it stopped), a page at a time with links to newer and older runs.
 */
export async function RunHistory({ history }: { history: History }) {
  const { runs, page, pageCount } = history;
  const [t, format] = await Promise.all([getTranslations("sendRuns"), getFormatter()]);
  const duration = (run: Run) => {
    if (!run.startedAt || !run.finishedAt) return "—";
    const seconds = Math.max(0, Math.round((run.finishedAt.getTime() - run.startedAt.getTime()) / 1000));
    return t("history.durationValue", { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
  };
  const translate = await getStaffTranslate();
  const reason = (run: Run) =>
    run.errorCode
      ? (knownProblemText(translate, { code: `sending.${run.errorCode}` as ErrorCode }) ?? null)
      : null;
  return (
    <section aria-labelledby="run-history" className="flex flex-col gap-2">
      <h2 id="run-history" className="text-lg font-semibold">
        {t("history.title")}
      </h2>
      {runs.length === 0 ? (
        <p>{t("history.none")}</p>
      ) : (
        <DataTable
          caption={t("history.caption")}
          minWidth="min-w-[48rem]"
          testId="run-history"
          columns={[
            { label: t("history.date") },
            { label: t("history.startedBy") },
            { label: t("history.startedAt") },
            { label: t("history.duration"), numeric: true },
            { label: t("history.planned"), numeric: true },
            { label: t("history.sent"), numeric: true },
            { label: t("history.failed"), numeric: true },
            { label: t("history.letters"), numeric: true },
            { label: t("history.outcome") },
          ]}
        >
          {runs.map((run) => (
            <tr key={run.id} className={rowClass}>
              <th scope="row" className={`${td} whitespace-nowrap font-medium`}>
                {format.dateTime(run.planDate, { dateStyle: "medium", timeZone: "UTC" })}
              </th>
              <td className={td}>
                {run.trigger === "schedule"
                  ? t("trigger.schedule")
                  : run.startedBy
                    ? t("trigger.staff", { name: run.startedBy.name })
                    : t("trigger.staffUnknown")}
              </td>
              <td className={`${td} whitespace-nowrap`}>
                {format.dateTime(run.startedAt ?? run.createdAt, {
                  dateStyle: "short",
                  timeStyle: "short",
                })}
              </td>
              <td className={`${td} whitespace-nowrap text-right tabular-nums`}>{duration(run)}</td>
              <td className={`${td} text-right tabular-nums`}>{format.number(run.planned)}</td>
              <td className={`${td} text-right tabular-nums`}>{format.number(run.sent)}</td>
              <td className={`${td} text-right tabular-nums`}>{format.number(run.failed)}</td>
              <td className={`${td} text-right tabular-nums`}>{format.number(run.letters)}</td>
              <td className={`${td} max-w-xs`}>
                <span className="font-medium">{t(`status.${run.status}`)}</span>
                {reason(run) ? <span className="block text-muted">{reason(run)}</span> : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {pageCount > 1 ? (
        <nav aria-label={t("history.pagination")} className="flex flex-wrap items-center gap-4">
          {page > 1 ? (
            <Link
              href={page === 2 ? "/send-runs#run-history" : `/send-runs?page=${page - 1}#run-history`}
              className="underline"
            >
              {t("history.newer")}
            </Link>
          ) : null}
          <span>{t("history.page", { page, count: pageCount })}</span>
          {page < pageCount ? (
            <Link href={`/send-runs?page=${page + 1}#run-history`} className="underline">
              {t("history.older")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
