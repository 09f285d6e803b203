import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { RecordTable } from "@/components/record-table";
import { requireStaff } from "@/lib/auth/require-staff";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { IMPORT_COLUMNS } from "@/lib/import/column-aliases";
import { listImportRuns } from "@/lib/import/list-import-runs";
import { loadPickupView, PICKUP_DEFAULTS } from "@/lib/import/pickup-view";
import { durationText, ImportProblemText, ImportStatus } from "./import-status";
import { PickupForm } from "./pickup-form";
import { UploadForm } from "./upload-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("imports");
  return { title: t("title") };
}

export default async function ImportPage() {
  const { library } = await requireStaff("librarian");
  const [t, tp, format, runs, pickup] = await Promise.all([
    getTranslations("imports"),
    getTranslations("importPickup"),
    getFormatter(),
    listImportRuns(db, { libraryId: library.id }),
    loadPickupView(db, { libraryId: library.id, root: env.IMPORT_PICKUP_ROOT }),
  ]);
  const when = (at: Date) =>
    format.dateTime(at, { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });
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

      <section aria-labelledby="pickup-heading" className="rounded-lg border border-line bg-surface p-5">
        <h2 id="pickup-heading" className="text-lg font-semibold">
          {tp("heading")}
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-muted">{tp("intro")}</p>
        <p className="mt-3 text-sm">
          {pickup.settings?.enabled
            ? tp("status", { time: pickup.settings.time, path: pickup.path ?? pickup.settings.folder })
            : tp("statusOff")}{" "}
          {pickup.settings?.enabled
            ? pickup.lastAt
              ? tp("lastAt", { when: when(pickup.lastAt) })
              : tp("never")
            : null}
        </p>
        {pickup.problems.length > 0 ? (
          <div
            role="status"
            className="mt-3 max-w-3xl rounded-md border border-red-800 bg-red-50 p-3 text-sm text-red-900"
          >
            <p className="font-semibold">{tp("problemHeading")}</p>
            {pickup.problems.map((problem) => (
              <p key={`${problem.at ?? "now"}-${problem.code}`}>
                {problem.at
                  ? tp("lastProblem", {
                      when: when(problem.at),
                      problem: tp(`problems.${problem.code}`, { folder: problem.folder }),
                    })
                  : tp(`problems.${problem.code}`, { folder: problem.folder })}
              </p>
            ))}
          </div>
        ) : null}
        <div className="mt-4 max-w-3xl">
          <PickupForm values={pickup.settings ?? PICKUP_DEFAULTS} root={pickup.root} />
        </div>
      </section>

      <section aria-labelledby="history-heading" className="flex flex-col gap-3">
        <h2 id="history-heading" className="text-lg font-semibold">
          {t("historyHeading")}
        </h2>
        {runs.length === 0 ? (
          <p className="text-muted">{t("none")}</p>
        ) : (
          <RecordTable
            label={t("historyCaption")}
            minWidth="min-w-[48rem]"
            rowHeader={1}
            columns={[t("when"), t("fileName"), t("status"), t("who"), t("duration"), t("report")]}
            rows={runs.map((run, i) => ({
              key: run.id,
              cells: [
                <span key="when" className="whitespace-nowrap">
                  {format.dateTime(run.createdAt, {
                    day: "numeric",
                    month: "short",
                    hour: "2-digit",
                    minute: "2-digit",
                  })}
                </span>,
                <>
                  <Link href={`/import/${run.id}`} className="font-medium underline">
                    {run.fileName}
                  </Link>
                  <span className="block text-muted">{t(`kinds.${run.kind}`)}</span>
                </>,
                <>
                  <ImportStatus run={run} />
                  <ImportProblemText run={run} />
                </>,
                run.viaPickup ? tp("actor") : run.actorLabel,
                <span key="duration" className="whitespace-nowrap">
                  {durations[i]}
                </span>,
                run.rejected > 0 ? (
                  <a key="report" href={`/api/imports/${run.id}/report`} className="underline" download>
                    {t("downloadReport")}
                  </a>
                ) : (
                  <span key="report" className="text-muted">
                    —
                  </span>
                ),
              ],
            }))}
          />
        )}
      </section>
    </div>
  );
}
