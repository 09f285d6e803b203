"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { staffAction } from "@/lib/auth/staff-action";
import { DomainError } from "@/lib/errors/domain-error";
import { printDeskLetter } from "@/lib/letters/print-desk-letter";
import { libraryToday } from "@/lib/library/current-library";
import { publicBaseUrl } from "@/lib/rendering/public-base-url";

export type PrintLetterState = { pdfUrl: string };

/**
 * "Print letter now" at the desk: records the desk letter of a notice (a second print updates
 * its printedAt), renders the notice first when it has no stored content yet, and hands back
 * the PDF's address. Desk role and up; a notice of another library is "not found".
 */
const ZPrintLetter = z.object({ noticeId: z.coerce.number().int().positive() });

export const printLetterAction = staffAction<
  typeof ZPrintLetter,
  { noticeId: number; patronId: number; letterId: number; reprint: boolean },
  PrintLetterState
>({
  name: "printLetter",
  role: "desk",
  schema: ZPrintLetter,
  // the timeline shows the letter as printed at once
  revalidate: (result) => [`/patrons/${result.patronId}`],
  async run({ tx, library, input, audit }) {
    const result = await printDeskLetter(tx, {
      noticeId: input.noticeId,
      libraryId: library.id,
      baseUrl: await publicBaseUrl(),
      today: libraryToday(library),
    });
    if (!result) throw new DomainError("noticeNotFound");
    if (result.outdated) throw new DomainError("nothingToPrint");
    await audit({
      action: "notice.letter.print",
      entityType: "Notice",
      entityId: result.noticeId,
      patronId: result.patronId,
      after: { letterId: result.letterId, reason: "desk", reprint: result.reprint },
    });
    return {
      noticeId: result.noticeId,
      patronId: result.patronId,
      letterId: result.letterId,
      reprint: result.reprint,
    };
  },
  async onSuccess(result) {
    const t = await getTranslations("printLetter");
    return {
      message: result.reprint ? t("reprinted") : t("printed"),
      pdfUrl: `/api/letters/${result.letterId}/pdf`,
    };
  },
});
