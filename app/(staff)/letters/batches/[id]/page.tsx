import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { inputClass, secondaryButtonClass } from "@/components/form-field";
import { ScrollableTable } from "@/components/scrollable-table";
import { requireStaff } from "@/lib/auth/require-staff";
import { db } from "@/lib/db";
import { listBatchLetters, loadLetterBatch } from "@/lib/letters/batch-letters";
import { addressLines } from "@/lib/rendering/notice-view";
import { setTrackingAction } from "../../actions";
import { LetterActionForm } from "../../letter-forms";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const t = await getTranslations("letters.batchPage");
  return { title: t("title", { id: (await params).id }) };
}

/** One batch's letters: reprint one (as printed, or as a copy), and each registered letter's tracking number. */
export default async function LetterBatchPage({ params }: { params: Promise<{ id: string }> }) {
  const { library } = await requireStaff("librarian");
  const raw = (await params).id;
  if (!/^\d{1,9}$/.test(raw)) notFound();
  const batchId = Number(raw);
  const batch = await loadLetterBatch(db, { libraryId: library.id, batchId });
  if (!batch) notFound();
  const [t, letters] = await Promise.all([
    getTranslations("letters"),
    listBatchLetters(db, { libraryId: library.id, batchId }),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href={`/letters?branch=${batch.branchId ?? ""}`} className="underline">
          {t("batchPage.back")}
        </Link>
      </p>
      <h1 className="text-3xl font-semibold">{t("batchPage.title", { id: batch.id })}</h1>
      <ScrollableTable label={t("batchPage.title", { id: batch.id })}>
        <table className="w-full border-collapse">
          <thead className="bg-canvas text-left text-sm">
            <tr>
              <th className="p-2">{t("patron")}</th>
              <th className="p-2">{t("batchPage.address")}</th>
              <th className="p-2">{t("batchPage.reference")}</th>
              <th className="p-2">{t("batchPage.status")}</th>
              {batch.registered ? <th className="p-2">{t("batchPage.trackingNumber")}</th> : null}
              <th className="p-2">{t("batchPage.letter")}</th>
            </tr>
          </thead>
          <tbody>
            {letters.map((letter) => {
              const content = letter.content;
              const name = content
                ? `${content.patron.firstName} ${content.patron.lastName}`
                : `#${letter.id}`;
              return (
                <tr key={letter.id} className="border-t border-line align-top">
                  <td className="p-2">
                    <Link href={`/patrons/${letter.patronId}`} className="underline">
                      {name}
                    </Link>
                  </td>
                  <td className="p-2 text-sm">
                    {content ? addressLines(content.patron, content.language).join(", ") : "—"}
                  </td>
                  <td className="p-2 text-sm tabular">{content?.reference ?? "—"}</td>
                  <td className="p-2 text-sm">{t(`statuses.${letter.status as "queued"}`)}</td>
                  {batch.registered ? (
                    <td className="p-2">
                      <LetterActionForm
                        action={setTrackingAction}
                        className="flex flex-wrap items-end gap-2"
                        label={`${t("batchPage.trackingNumber")} ${name}`}
                      >
                        <input type="hidden" name="letterId" value={letter.id} />
                        <input type="hidden" name="batchId" value={batch.id} />
                        <label htmlFor={`tracking-${letter.id}`} className="sr-only">
                          {`${t("batchPage.trackingNumber")} ${name}`}
                        </label>
                        <input
                          id={`tracking-${letter.id}`}
                          name="trackingNumber"
                          defaultValue={letter.trackingNumber ?? ""}
                          autoComplete="off"
                          spellCheck={false}
                          placeholder="RR123456785BE"
                          title={t("batchPage.trackingHint")}
                          className={`${inputClass} w-44 font-mono`}
                        />
                        <button type="submit" className={`${secondaryButtonClass} px-3 py-1 text-sm`}>
                          {t("batchPage.saveTracking")}
                        </button>
                      </LetterActionForm>
                    </td>
                  ) : null}
                  <td className="p-2 text-sm">
                    <a
                      href={`/api/letters/${letter.id}/pdf`}
                      target="_blank"
                      rel="noopener"
                      className="block underline"
                    >
                      {t("batchPage.asPrinted")}
                    </a>
                    {batch.printedAt ? (
                      <a
                        href={`/api/letters/${letter.id}/pdf?copy=1`}
                        target="_blank"
                        rel="noopener"
                        className="block underline"
                      >
                        {t("batchPage.reprint")}
                      </a>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollableTable>
    </div>
  );
}
