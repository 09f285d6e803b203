import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import type { ErrorCode } from "@/lib/errors/domain-error";
import { staffKnownProblemText } from "@/lib/errors/staff-error-text";
import { findRunNeedingAttention } from "@/lib/sending/load-run-progress";

/** At the top of Today: the last send run, when it stopped or has not finished yet. */
export async function SendRunNotice({ libraryId, showLink }: { libraryId: number; showLink: boolean }) {
  const run = await findRunNeedingAttention(db, { libraryId });
  if (!run) return null;
  const [t, tRuns, format] = await Promise.all([
    getTranslations("sendRuns.today"),
    getTranslations("sendRuns"),
    getFormatter(),
  ]);
  const date = format.dateTime(run.planDate, { dateStyle: "long", timeZone: "UTC" });
  const reason = run.errorCode
    ? await staffKnownProblemText({ code: `sending.${run.errorCode}` as ErrorCode })
    : null;
  const failed = run.status === "failed";
  return (
    <div
      role={failed ? "alert" : "status"}
      data-testid="send-run-notice"
      className={
        failed
          ? "rounded-md border border-red-700 bg-red-50 p-3 text-red-900"
          : "rounded-md border border-brand bg-brand-soft p-3 text-brand-strong"
      }
    >
      <p className="font-semibold">
        {failed ? t("failed", { date }) : t("unfinished", { date, status: tRuns(`status.${run.status}`) })}
      </p>
      {failed && reason ? <p>{reason}</p> : null}
      {showLink ? (
        <Link href="/send-runs" className="font-medium underline">
          {t("open")}
        </Link>
      ) : null}
    </div>
  );
}
