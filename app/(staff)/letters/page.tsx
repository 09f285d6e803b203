import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/form-field";
import { ScrollableTable } from "@/components/scrollable-table";
import { requireStaff } from "@/lib/auth/require-staff";
import { db } from "@/lib/db";
import { listLetterBatches } from "@/lib/letters/batch-letters";
import { listPrintQueue } from "@/lib/letters/list-print-queue";
import type { QueuedLetter } from "@/lib/letters/queued-letters";
import { libraryToday } from "@/lib/library/current-library";
import type { StageLabels } from "@/lib/settings/stage-settings";
import { stageLabel } from "../settings/stage-words";
import { createBatchAction, markPostedAction, markPrintedAction } from "./actions";
import { LetterActionForm } from "./letter-forms";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("letters");
  return { title: t("title") };
}

export default async function LettersPage({ searchParams }: { searchParams: Promise<{ branch?: string }> }) {
  const { library } = await requireStaff("librarian");
  const requested = Number((await searchParams).branch);
  const [t, locale, format, settings] = await Promise.all([
    getTranslations("letters"),
    getLocale(),
    getFormatter(),
    db.library.findUniqueOrThrow({
      where: { id: library.id },
      select: { letterPostageCents: true, registeredPostageCents: true },
    }),
  ]);
  const overview = await listPrintQueue(db, { libraryId: library.id });
  const branchId =
    overview.branches.find((branch) => branch.id === requested)?.id ??
    overview.branches.find((branch) => branch.ordinary + branch.registered > 0)?.id ??
    null;
  const [queue, batches] = await Promise.all([
    branchId ? listPrintQueue(db, { libraryId: library.id, branchId }) : overview,
    listLetterBatches(db, { libraryId: library.id }),
  ]);
  const branch = queue.branches.find((b) => b.id === branchId);
  const euros = (cents: number) => format.number(cents / 100, { style: "currency", currency: "EUR" });
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
  const printable = queue.letters.filter((letter) => letter.state === "printable");
  const problems = queue.letters.filter((letter) => letter.state === "problem");
  const settled = queue.letters.filter((letter) => letter.state === "settled");
  const today = libraryToday(library);

  const letterRows = (letters: QueuedLetter[], selectable: boolean) =>
    letters.map((letter) => {
      const patron = letter.notice.patron;
      const name = `${patron.firstName} ${patron.lastName}`;
      return (
        <tr key={letter.id} className="border-t border-line align-top">
          {selectable ? (
            <td className="p-2">
              <input
                type="checkbox"
                name="letterIds"
                value={letter.id}
                aria-label={t("selectLetter", { name })}
                className="size-5"
              />
            </td>
          ) : null}
          <td className="p-2">
            <Link href={`/patrons/${patron.id}`} className="font-medium underline">
              {name}
            </Link>
            <span className="block text-sm text-muted">{patron.cardNumber}</span>
            {letter.problems.length > 0 ? (
              <span className="block text-sm font-medium text-red-800">
                {letter.problems.map((problem) => t(`problems.${problem}`)).join(", ")} —{" "}
                <Link href={`/patrons/${patron.id}#correct-address`} className="underline">
                  {t("fixAddress")}
                </Link>
              </span>
            ) : null}
          </td>
          <td className="p-2">
            {stageLabel(letter.notice.stage.labels as StageLabels, locale, letter.notice.stage.key)}
            {letter.registered ? (
              <span className="block text-sm text-muted">{t("batchKind.registered")}</span>
            ) : null}
          </td>
          <td className="p-2">
            <ul className="text-sm">
              {letter.items.map((item) => (
                <li key={item.loanId} className={item.state === "open" ? "" : "text-muted line-through"}>
                  {item.title} <span className="text-muted">({item.barcode})</span>
                  {item.state === "open" ? null : (
                    <span className="no-underline"> — {t(`itemStates.${item.state}`)}</span>
                  )}
                </li>
              ))}
            </ul>
          </td>
          <td className="p-2 tabular">{letter.notice.feeCents > 0 ? euros(letter.notice.feeCents) : "—"}</td>
          <td className="p-2 text-sm">{t(`reasons.${letter.reason}`)}</td>
        </tr>
      );
    });

  const tableHead = (selectable: boolean) => (
    <thead className="bg-canvas text-left text-sm">
      <tr>
        {selectable ? <th className="p-2">{t("select")}</th> : null}
        <th className="p-2">{t("patron")}</th>
        <th className="p-2">{t("stage")}</th>
        <th className="p-2">{t("items")}</th>
        <th className="p-2">{t("fee")}</th>
        <th className="p-2">{t("why")}</th>
      </tr>
    </thead>
  );

  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-muted">{t("lead")}</p>
      </header>

      <nav aria-label={t("branches")}>
        <ul className="flex flex-wrap gap-2">
          {queue.branches.map((b) => (
            <li key={b.id}>
              <Link
                href={`/letters?branch=${b.id}`}
                aria-current={b.id === branchId ? "page" : undefined}
                className={`block rounded-md border px-3 py-2 ${b.id === branchId ? "border-brand bg-brand-soft font-semibold" : "border-line bg-surface"}`}
              >
                {b.name}
                <span className="block text-sm text-muted">
                  {t("branchCounts", { ordinary: b.ordinary, registered: b.registered })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="queue-heading" className="flex flex-col gap-3">
        <h2 id="queue-heading" className="text-xl font-semibold">
          {branch ? t("queueTitle", { branch: branch.name }) : t("chooseBranch")}
        </h2>
        {branch && printable.length === 0 && problems.length === 0 && settled.length === 0 ? (
          <p className="text-muted">{t("empty")}</p>
        ) : null}
        {branch ? (
          <LetterActionForm action={createBatchAction} className="flex flex-col gap-3">
            <input type="hidden" name="branchId" value={branch.id} />
            {printable.length > 0 ? (
              <>
                <ScrollableTable label={t("queueTable", { branch: branch.name })}>
                  <table className="w-full border-collapse">
                    {tableHead(true)}
                    <tbody>{letterRows(printable, true)}</tbody>
                  </table>
                </ScrollableTable>
                <div className="flex flex-wrap gap-3">
                  <button type="submit" name="scope" value="all" className={primaryButtonClass}>
                    {t("printAll", { count: printable.length })}
                  </button>
                  <button type="submit" name="scope" value="selected" className={secondaryButtonClass}>
                    {t("printSelected")}
                  </button>
                </div>
              </>
            ) : null}
          </LetterActionForm>
        ) : null}
        {problems.length > 0 ? (
          <section aria-labelledby="problems-heading" className="flex flex-col gap-2">
            <h3 id="problems-heading" className="text-lg font-semibold text-red-800">
              {t("problemsTitle")}
            </h3>
            <p className="text-sm text-muted">{t("problemsLead")}</p>
            <ScrollableTable label={t("problemsTable")}>
              <table className="w-full border-collapse">
                {tableHead(false)}
                <tbody>{letterRows(problems, false)}</tbody>
              </table>
            </ScrollableTable>
          </section>
        ) : null}
        {settled.length > 0 ? (
          <section aria-labelledby="dropped-heading" className="flex flex-col gap-2">
            <h3 id="dropped-heading" className="text-lg font-semibold">
              {t("droppedTitle")}
            </h3>
            <p className="text-sm text-muted">{t("droppedLead")}</p>
            <ScrollableTable label={t("droppedTitle")}>
              <table className="w-full border-collapse">
                {tableHead(false)}
                <tbody>{letterRows(settled, false)}</tbody>
              </table>
            </ScrollableTable>
          </section>
        ) : null}
      </section>

      <section aria-labelledby="batches-heading" className="flex flex-col gap-3">
        <h2 id="batches-heading" className="text-xl font-semibold">
          {t("batchesTitle")}
        </h2>
        {batches.length === 0 ? <p className="text-muted">{t("noBatches")}</p> : null}
        <ol className="flex flex-col gap-3">
          {batches.map((batch) => (
            <li key={batch.id} className="rounded-lg border border-line bg-surface p-4">
              <article aria-labelledby={`batch-${batch.id}`} className="flex flex-col gap-2">
                <h3 id={`batch-${batch.id}`} className="text-lg font-semibold">
                  {t("batch", { id: batch.id })}
                </h3>
                <p>
                  {t("batchLine", {
                    branch: batch.branch?.name ?? library.name,
                    kind: t(batch.registered ? "batchKind.registered" : "batchKind.ordinary"),
                    count: batch.letters,
                    postage: euros(batch.postageCents),
                  })}
                </p>
                <p className="text-sm text-muted">
                  {[
                    t("created", { date: when(batch.createdAt) }),
                    batch.printedAt ? t("printedOn", { date: when(batch.printedAt) }) : t("notPrinted"),
                    batch.postedOn
                      ? t("postedOn", { date: day(batch.postedOn) })
                      : batch.postedAt
                        ? t("postedOn", { date: when(batch.postedAt) })
                        : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                {batch.pdfError && !batch.printedAt ? (
                  <p role="alert" className="text-sm font-medium text-red-800">
                    {t("pdfFailed", { error: batch.pdfError })}
                  </p>
                ) : null}
                <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
                  <a
                    href={`/api/letter-batches/${batch.id}/pdf`}
                    target="_blank"
                    rel="noopener"
                    className="font-medium underline"
                  >
                    {t("openPdf")}
                  </a>
                  {batch.registered ? (
                    <a
                      href={`/api/letter-batches/${batch.id}/deposit-list`}
                      target="_blank"
                      rel="noopener"
                      className="underline"
                    >
                      {t("depositListLink")}
                    </a>
                  ) : null}
                  <Link href={`/letters/batches/${batch.id}`} className="underline">
                    {t("details")}
                  </Link>
                </div>
                {!batch.printedAt ? (
                  <LetterActionForm
                    action={markPrintedAction}
                    className="flex flex-col gap-2"
                    label={t("markPrinted")}
                  >
                    <input type="hidden" name="batchId" value={batch.id} />
                    {!batch.pdfAt ? <p className="text-sm text-muted">{t("openPdfHint")}</p> : null}
                    <button type="submit" className={`${secondaryButtonClass} self-start`}>
                      {t("markPrinted")}
                    </button>
                  </LetterActionForm>
                ) : !batch.postedAt ? (
                  <LetterActionForm
                    action={markPostedAction}
                    className="flex flex-wrap items-end gap-3"
                    label={t("markPosted")}
                  >
                    <input type="hidden" name="batchId" value={batch.id} />
                    <div className="flex flex-col gap-1">
                      <label htmlFor={`posted-${batch.id}`} className="text-sm font-medium">
                        {t("postedDate")}
                      </label>
                      <input
                        id={`posted-${batch.id}`}
                        type="date"
                        name="postedOn"
                        defaultValue={today}
                        max={today}
                        required
                        className={inputClass}
                      />
                    </div>
                    <button type="submit" className={primaryButtonClass}>
                      {t("markPosted")}
                    </button>
                  </LetterActionForm>
                ) : null}
              </article>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="postage-heading" className="flex max-w-xl flex-col gap-2">
        <h2 id="postage-heading" className="text-xl font-semibold">
          {t("postage.title")}
        </h2>
        <p>
          {t("postage.now", {
            ordinary: euros(settings.letterPostageCents),
            registered: euros(settings.registeredPostageCents),
          })}
        </p>
        <p className="text-sm text-muted">{t("postage.lead")}</p>
        <p>
          <Link href="/settings#postage" className="font-medium underline">
            {t("postage.change")}
          </Link>
        </p>
      </section>
    </div>
  );
}
