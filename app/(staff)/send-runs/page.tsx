import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { cellClass, DataTable, rowClass } from "@/components/data-table";
import { inputClass, secondaryButtonClass } from "@/components/form-field";
import { requireStaff } from "@/lib/auth/require-staff";
import { isLocalDate, type LocalDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { staffProblemText } from "@/lib/errors/staff-error-text";
import { libraryToday } from "@/lib/library/current-library";
import { listBatchesNeedingReview, listFailedNotices, listSendRuns } from "@/lib/sending/list-send-runs";
import { findActiveRun, loadRunProgress } from "@/lib/sending/load-run-progress";
import { type NoticeFailure, noticeFailure } from "@/lib/sending/notice-failure";
import type { StageLabels } from "@/lib/settings/stage-settings";
import { stageLabel } from "../settings/stage-words";
import { SendAgainForm } from "./run-forms";
import { RunHistory } from "./run-history";
import { RunProgressPanel } from "./run-progress";
import { StartConfirmation } from "./start-confirmation";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sendRuns");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ date?: string; confirm?: string; page?: string }> };

/** how long a finished run's figures stay at the top of the page */
const RECENT_MS = 10 * 60 * 1000;
const td = cellClass;

export default async function SendRunsPage({ searchParams }: Props) {
  const { library } = await requireStaff("librarian");
  const [t, format, locale, params] = await Promise.all([
    getTranslations("sendRuns"),
    getFormatter(),
    getLocale(),
    searchParams,
  ]);
  const today = libraryToday(library);
  const asked = params.date?.trim();
  const date: LocalDate = asked && isLocalDate(asked) ? (asked as LocalDate) : today;

  const [active, history, failed, review, settings, latest] = await Promise.all([
    findActiveRun(db, { libraryId: library.id }),
    listSendRuns(db, { libraryId: library.id, page: Number(params.page) || 1 }),
    listFailedNotices(db, { libraryId: library.id }),
    listBatchesNeedingReview(db, { libraryId: library.id }),
    db.library.findUniqueOrThrow({
      where: { id: library.id },
      select: { sendTime: true, sendScheduled: true },
    }),
    db.sendRun.findFirst({
      where: { libraryId: library.id },
      orderBy: { id: "desc" },
      select: { id: true, finishedAt: true },
    }),
  ]);
  // The working run, or the one that just ended: its figures stay in view for a while.
  const recent = latest?.finishedAt && Date.now() - latest.finishedAt.getTime() < RECENT_MS ? latest : null;
  const shownRun = active ?? recent;
  const progress = shownRun ? await loadRunProgress(db, { libraryId: library.id, runId: shownRun.id }) : null;
  const day = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          {env.RESEND_BASE_URL ? (
            <Link href="/send-runs/outbox" className="font-medium underline">
              {t("outboxLink")}
            </Link>
          ) : null}
        </div>
        <p className="max-w-3xl text-muted">{t("intro")}</p>
      </div>

      {progress ? <RunProgressPanel initial={progress} /> : null}

      {!active && params.confirm ? (
        <StartConfirmation libraryId={library.id} date={date} />
      ) : !active ? (
        <section aria-labelledby="start-run" className="flex flex-col gap-3">
          <h2 id="start-run" className="text-lg font-semibold">
            {t("start.title")}
          </h2>
          <form method="get" action="/send-runs" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="confirm" value="1" />
            <div className="flex flex-col gap-1">
              <label htmlFor="run-date" className="font-medium">
                {t("start.dateLabel")}
              </label>
              <input
                id="run-date"
                name="date"
                type="date"
                defaultValue={date}
                required
                className={`${inputClass} w-auto`}
              />
            </div>
            <button type="submit" className={secondaryButtonClass} data-testid="preview-run">
              {t("start.preview")}
            </button>
          </form>
          <p className="text-sm text-muted">
            {settings.sendScheduled
              ? t("start.schedule", { time: settings.sendTime })
              : t("start.scheduleOff")}
          </p>
        </section>
      ) : null}

      {review.length > 0 ? (
        <section
          aria-labelledby="review"
          className="flex flex-col gap-2 rounded-lg border border-amber-700 p-4"
        >
          <h2 id="review" className="text-lg font-semibold">
            {t("review.title")}
          </h2>
          <p>{t("review.lead")}</p>
          <ul className="flex flex-col gap-1">
            {review.map((batch) => (
              <li key={batch.id}>
                <span className="font-medium">{t("review.batch", { id: batch.id })}</span>
                {" · "}
                {t("review.emails", { count: batch.noticeIds.length })}
                {batch.firstAttemptAt
                  ? ` · ${t("review.firstAttempt", { time: format.dateTime(batch.firstAttemptAt, { dateStyle: "medium", timeStyle: "short" }) })}`
                  : null}
                {batch.lastError ? (
                  <span className="block text-sm text-muted">
                    {t("review.lastError", { error: batch.lastError })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="failed-notices" className="flex flex-col gap-2">
        <h2 id="failed-notices" className="text-lg font-semibold">
          {t("failedNotices.title")}
        </h2>
        {failed.count > failed.notices.length ? (
          <p className="text-sm text-muted">
            {t("failedNotices.newestOf", { shown: failed.notices.length, count: failed.count })}
          </p>
        ) : null}
        {failed.notices.length === 0 ? (
          <p>{t("failedNotices.none")}</p>
        ) : (
          <DataTable
            caption={t("failedNotices.caption")}
            minWidth="min-w-[40rem]"
            columns={[
              { label: t("failedNotices.patron") },
              { label: t("failedNotices.stage") },
              { label: t("failedNotices.reason") },
              { label: t("failedNotices.action") },
            ]}
          >
            {failed.notices.map((notice) => {
              const name = `${notice.patron.firstName} ${notice.patron.lastName}`;
              return (
                <tr key={notice.id} className={rowClass}>
                  <th scope="row" className={`${td} font-medium`}>
                    <Link href={`/patrons/${notice.patron.id}`} className="underline">
                      {name}
                    </Link>
                    <span className="block font-normal text-muted">
                      {notice.recipientEmail ?? notice.patron.email ?? "—"} · {day(notice.planDate)}
                    </span>
                  </th>
                  <td className={td}>
                    {stageLabel((notice.stage.labels ?? {}) as StageLabels, locale, notice.stage.key)}
                  </td>
                  <td className={`${td} max-w-sm`}>
                    <FailureReason failure={noticeFailure(notice)} />
                  </td>
                  <td className={td}>
                    <SendAgainForm noticeId={notice.id} name={name} />
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </section>

      <RunHistory history={history} />
    </div>
  );
}

/** Why a notice failed: Rappel's own reason in words, or the provider's words marked as theirs. */
async function FailureReason({ failure }: { failure: NoticeFailure }) {
  if (failure.kind === "none") return "—";
  if (failure.kind === "problem") return staffProblemText(failure.problem);
  const t = await getTranslations("sendRuns");
  return t("providerWords", { words: failure.words });
}
