import { getFormatter, getTranslations } from "next-intl/server";
import { ScrollableTable } from "@/components/scrollable-table";
import type { ErrorCode } from "@/lib/errors/domain-error";
import { knownProblemText } from "@/lib/errors/error-text";
import { getStaffTranslate } from "@/lib/errors/staff-error-text";
import type { listSendRuns } from "@/lib/sending/list-send-runs";

const th = "px-3 py-2 font-semibold";
const td = "px-3 py-2";

type Run = Awaited<ReturnType<typeof listSendRuns>>[number];

/** Every run: who or what started it, its day, counts, duration and outcome (with the reason when it stopped). */
export async function RunHistory({ runs }: { runs: Run[] }) {
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
        <ScrollableTable label={t("history.caption")}>
          <table className="w-full min-w-[48rem] text-left text-sm" data-testid="run-history">
            <caption className="px-3 pt-2 text-left text-muted">{t("history.caption")}</caption>
            <thead className="border-b border-line bg-canvas">
              <tr>
                <th scope="col" className={th}>
                  {t("history.date")}
                </th>
                <th scope="col" className={th}>
                  {t("history.startedBy")}
                </th>
                <th scope="col" className={th}>
                  {t("history.startedAt")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("history.duration")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("history.planned")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("history.sent")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("history.failed")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("history.letters")}
                </th>
                <th scope="col" className={th}>
                  {t("history.outcome")}
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id} className="border-b border-line align-top last:border-0">
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
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </section>
  );
}
