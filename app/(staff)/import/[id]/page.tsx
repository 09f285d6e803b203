import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ScrollableTable } from "@/components/scrollable-table";
import { requireStaff } from "@/lib/auth/require-staff";
import { db } from "@/lib/db";
import { getImportRun, listRejections } from "@/lib/import/list-import-runs";
import { durationText, ImportProblemText, ImportStatus } from "../import-status";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("imports");
  return { title: t("title") };
}

const SHOWN = 100;

export default async function ImportRunPage({ params }: { params: Promise<{ id: string }> }) {
  const { library } = await requireStaff("librarian");
  const id = Number((await params).id);
  const run = Number.isInteger(id) ? await getImportRun(db, { libraryId: library.id, id }) : null;
  if (!run) notFound();
  const [t, format, rejections, duration] = await Promise.all([
    getTranslations("imports"),
    getFormatter(),
    listRejections(db, { libraryId: library.id, importRunId: run.id, take: SHOWN }),
    durationText(run),
  ]);
  const reason = (code: string) => (t.has(`reasons.${code}` as never) ? t(`reasons.${code}` as never) : code);
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/import" className="underline">
          {t("backToList")}
        </Link>
      </p>
      <div>
        <h1 className="break-words text-2xl font-semibold">{t("detailTitle", { file: run.fileName })}</h1>
        <p className="mt-1 text-muted">
          {t(`kinds.${run.kind}`)} · {run.actorLabel} ·{" "}
          {format.dateTime(run.createdAt, {
            day: "numeric",
            month: "long",
            year: "numeric",
            hour: "2-digit",
            minute: "2-digit",
          })}
          {duration ? ` · ${duration}` : ""}
        </p>
      </div>
      <div className="rounded-lg border border-line bg-surface p-5">
        <ImportStatus run={run} />
        <ImportProblemText run={run} />
      </div>
      <section aria-labelledby="rejections-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="rejections-heading" className="text-lg font-semibold">
            {t("rejectionsHeading")}
          </h2>
          {run.rejected > 0 ? (
            <a href={`/api/imports/${run.id}/report`} className="font-medium underline" download>
              {t("downloadReport")}
            </a>
          ) : null}
        </div>
        {rejections.length === 0 ? (
          <p className="text-muted">{t("noRejections")}</p>
        ) : (
          <>
            <p className="text-sm text-muted">
              {t("rejectionsIntro", { shown: rejections.length, total: format.number(run.rejected) })}
            </p>
            <ScrollableTable label={t("rejectionsHeading")}>
              <table className="w-full min-w-[36rem] text-left text-sm">
                <caption className="sr-only">{t("rejectionsHeading")}</caption>
                <thead className="border-b border-line bg-canvas">
                  <tr>
                    <th scope="col" className="px-4 py-2 font-semibold">
                      {t("line")}
                    </th>
                    <th scope="col" className="px-4 py-2 font-semibold">
                      {t("column")}
                    </th>
                    <th scope="col" className="px-4 py-2 font-semibold">
                      {t("reason")}
                    </th>
                    <th scope="col" className="px-4 py-2 font-semibold">
                      {t("value")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rejections.map((r) => (
                    <tr key={r.id} className="border-b border-line last:border-0">
                      <td className="px-4 py-2 tabular-nums">{r.line}</td>
                      <td className="px-4 py-2 font-mono text-xs">{r.column ?? "—"}</td>
                      <td className="px-4 py-2">{reason(r.reason)}</td>
                      <td className="break-all px-4 py-2 font-mono text-xs">{r.value ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollableTable>
          </>
        )}
      </section>
    </div>
  );
}
