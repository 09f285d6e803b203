import { getFormatter, getTranslations } from "next-intl/server";
import { type ImportRunView, importPercent, importState } from "@/lib/import/list-import-runs";
import { ImportProgress } from "./import-progress";

/** The state of an import in words, its counts, and the progress bar while it runs. */
export async function ImportStatus({ run }: { run: ImportRunView }) {
  const [t, format] = await Promise.all([getTranslations("imports"), getFormatter()]);
  const state = importState(run);
  const tone =
    state === "succeeded"
      ? "text-brand-strong"
      : state === "failed" || state === "interrupted"
        ? "text-red-800"
        : "";
  return (
    <div className="flex flex-col gap-1">
      <span className={`font-medium ${tone}`}>{t(`statuses.${state}`)}</span>
      <ImportProgress id={run.id} initial={{ state, percent: importPercent(run), rowsRead: run.rowsRead }} />
      {state !== "queued" ? (
        <span className="text-sm">
          {t("countsText", {
            inserted: format.number(run.inserted),
            updated: format.number(run.updated),
            unchanged: format.number(run.unchanged),
            rejected: format.number(run.rejected),
          })}
        </span>
      ) : null}
    </div>
  );
}

/** The problem or notice of a finished import, in words ("code|detail" on the row). */
export async function ImportProblemText({ run }: { run: ImportRunView }) {
  const t = await getTranslations("imports");
  const lines: string[] = [];
  const state = importState(run);
  if (state === "interrupted") lines.push(t("problems.interrupted"));
  if (run.error) {
    const [code, detail = ""] = run.error.split("|");
    const key = `problems.${code}` as "problems.missingColumns";
    lines.push(t.has(key) ? t(key, { detail }) : t("problems.unexpected"));
  }
  if (run.notice?.startsWith("fullSyncRefused|")) {
    const [, wouldClose, open, share] = run.notice.split("|");
    lines.push(t("problems.fullSyncRefused", { wouldClose, open, share }));
  }
  if (lines.length === 0 && run.closed === 0) return null;
  return (
    <>
      {lines.map((line) => (
        <p key={line} className="mt-1 text-sm font-medium text-red-800">
          {line}
        </p>
      ))}
      {run.closed > 0 ? <p className="mt-1 text-sm">{t("closedText", { closed: run.closed })}</p> : null}
    </>
  );
}

/** "12 s" or "3 min 4 s". */
export async function durationText(run: Pick<ImportRunView, "startedAt" | "finishedAt">) {
  if (!run.startedAt || !run.finishedAt) return "";
  const t = await getTranslations("imports");
  const seconds = Math.max(0, Math.round((run.finishedAt.getTime() - run.startedAt.getTime()) / 1000));
  return seconds < 60
    ? t("seconds", { seconds })
    : t("minutes", { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
}
