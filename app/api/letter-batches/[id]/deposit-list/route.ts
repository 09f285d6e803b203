import { getLocale, getTranslations } from "next-intl/server";
import { staffRoute } from "@/lib/auth/staff-route";
import { db } from "@/lib/db";
import { listBatchLetters, loadLetterBatch } from "@/lib/letters/batch-letters";
import { renderDepositList } from "@/lib/letters/deposit-list";
import { libraryToday } from "@/lib/library/current-library";
import { formatDate, formatMoney } from "@/lib/rendering/format";
import { addressLines } from "@/lib/rendering/notice-view";

export const dynamic = "force-dynamic";

/** The deposit list of a batch of registered letters, for the post office counter. */
export const GET = staffRoute<{ id: string }>("librarian", async (_request, { library, params }) => {
  if (!/^\d{1,9}$/.test(params.id)) return new Response("No such batch", { status: 404 });
  const batchId = Number(params.id);
  const batch = await loadLetterBatch(db, { libraryId: library.id, batchId });
  if (!batch?.registered) return new Response("No such batch of registered letters", { status: 404 });
  const [t, locale, letters] = await Promise.all([
    getTranslations("letters.depositList"),
    getLocale(),
    listBatchLetters(db, { libraryId: library.id, batchId }),
  ]);
  const language = locale === "en" ? "en" : "nl";
  const postage = letters.reduce((sum, letter) => sum + letter.postageCents, 0);
  const pdf = await renderDepositList({
    labels: {
      title: t("title"),
      sender: t("sender"),
      date: t("date"),
      batch: t("batch"),
      number: t("number"),
      recipient: t("recipient"),
      address: t("address"),
      reference: t("reference"),
      trackingNumber: t("trackingNumber"),
      postage: t("postage"),
      total: t("total"),
      signature: t("signature"),
      page: (n, total) => t("page", { n, total }),
    },
    sender: [library.name, batch.branch?.name].filter(Boolean).join(" · "),
    date: formatDate(libraryToday(library), language),
    batch: `#${batch.id}`,
    lines: letters.flatMap((letter) =>
      letter.content
        ? [
            {
              recipient: `${letter.content.patron.firstName} ${letter.content.patron.lastName}`,
              address: addressLines(letter.content.patron, letter.content.language).join(", "),
              reference: letter.content.reference,
              trackingNumber: letter.trackingNumber,
              postage: formatMoney(letter.postageCents, language),
            },
          ]
        : [],
    ),
    totalLetters: t("letters", { count: letters.length }),
    totalPostage: formatMoney(postage, language),
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="deposit-list-${batch.id}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
});
