import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { findRunNeedingAttention } from "@/lib/sending/load-run-progress";

const ERROR_KEYS = ["api_key", "quota", "network", "provider", "rejected", "sender"] as const;

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
  const code = ERROR_KEYS.find((key) => key === run.errorCode);
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
      {failed && code ? <p>{tRuns(`errors.${code}`)}</p> : null}
      {showLink ? (
        <Link href="/send-runs" className="font-medium underline">
          {t("open")}
        </Link>
      ) : null}
    </div>
  );
}
