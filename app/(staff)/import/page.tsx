import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ScrollableTable } from "@/components/scrollable-table";
import { requireStaff } from "@/lib/auth/require-staff";
import { db } from "@/lib/db";
import { IMPORT_COLUMNS } from "@/lib/import/column-aliases";
import { listImportRuns } from "@/lib/import/list-import-runs";
import { durationText, ImportProblemText, ImportStatus } from "./import-status";
import { UploadForm } from "./upload-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("imports");
  return { title: t("title") };
}

export default async function ImportPage() {
  const { library } = await requireStaff("librarian");
  const [t, format, runs] = await Promise.all([
    getTranslations("imports"),
    getFormatter(),
    listImportRuns(db, { libraryId: library.id }),
  ]);
  const durations = await Promise.all(runs.map((run) => durationText(run)));
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-muted">{t("intro")}</p>
      </div>

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="upload-heading" className="rounded-lg border border-line bg-surface p-5">
          <h2 id="upload-heading" className="mb-4 text-lg font-semibold">
            {t("uploadHeading")}
          </h2>
          <UploadForm />
        </section>
        <section aria-labelledby="columns-heading" className="rounded-lg border border-line bg-surface p-5">
          <h2 id="columns-heading" className="text-lg font-semibold">
            {t("columnsHeading")}
          </h2>
          <p className="mt-1 text-sm text-muted">{t("columnsIntro")}</p>
          <dl className="mt-3 flex flex-col gap-3 text-sm">
            {(Object.keys(IMPORT_COLUMNS) as (keyof typeof IMPORT_COLUMNS)[]).map((kind) => (
              <div key={kind}>
                <dt className="font-medium">{t(`kinds.${kind}`)}</dt>
                <dd className="break-words font-mono text-xs">
                  {IMPORT_COLUMNS[kind].map((c) => `${c.field}${c.required ? "*" : ""}`).join(", ")}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      </div>

      <section aria-labelledby="history-heading" className="flex flex-col gap-3">
        <h2 id="history-heading" className="text-lg font-semibold">
          {t("historyHeading")}
        </h2>
        {runs.length === 0 ? (
          <p className="text-muted">{t("none")}</p>
        ) : (
          <ScrollableTable label={t("historyCaption")}>
            <table className="w-full min-w-[48rem] text-left text-sm">
              <caption className="sr-only">{t("historyCaption")}</caption>
              <thead className="border-b border-line bg-canvas">
                <tr>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    {t("when")}
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    {t("fileName")}
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    {t("status")}
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    {t("who")}
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    {t("duration")}
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    {t("report")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {runs.map((run, i) => (
                  <tr key={run.id} className="border-b border-line align-top last:border-0">
                    <td className="whitespace-nowrap px-4 py-2">
                      {format.dateTime(run.createdAt, {
                        day: "numeric",
                        month: "short",
                        hour: "2-digit",
                        minute: "2-digit",
                      })}
                    </td>
                    <th scope="row" className="px-4 py-2 font-normal">
                      <Link href={`/import/${run.id}`} className="font-medium underline">
                        {run.fileName}
                      </Link>
                      <span className="block text-muted">{t(`kinds.${run.kind}`)}</span>
                    </th>
                    <td className="px-4 py-2">
                      <ImportStatus run={run} />
                      <ImportProblemText run={run} />
                    </td>
                    <td className="px-4 py-2">{run.actorLabel}</td>
                    <td className="whitespace-nowrap px-4 py-2">{durations[i]}</td>
                    <td className="px-4 py-2">
                      {run.rejected > 0 ? (
                        <a href={`/api/imports/${run.id}/report`} className="underline" download>
                          {t("downloadReport")}
                        </a>
                      ) : (
                        <span className="text-muted">—</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        )}
      </section>
    </div>
  );
}
