import type { Db, DbTx } from "@/lib/db-client";
import { renderPlannedNotices } from "@/lib/rendering/render-planned-notices";

export type PrintDeskLetterResult = {
  noticeId: number;
  patronId: number;
  letterId: number;
  /** the desk had printed this notice before: only printedAt moved */
  reprint: boolean;
};

/**
 * Records a letter printed by hand at the desk for one notice: one Letter per notice with
 * reason "desk" (a second print updates its printedAt), status printed. A notice that was
 * never rendered is rendered first, so the letter shows what the notice says. Null when
 * there is no such notice in the library (or it was cancelled).
 */
export async function printDeskLetter(
  db: Db | DbTx,
  input: { noticeId: number; libraryId: number; baseUrl: string; now?: Date },
): Promise<PrintDeskLetterResult | null> {
  const notice = await db.notice.findFirst({
    where: {
      id: input.noticeId,
      status: { not: "cancelled" },
      libraryId: input.libraryId,
    },
    select: { id: true, libraryId: true, patronId: true, channel: true, renderedAt: true },
  });
  if (!notice) return null;
  if (!notice.renderedAt) {
    await renderPlannedNotices(db, {
      libraryId: notice.libraryId,
      noticeIds: [notice.id],
      baseUrl: input.baseUrl,
    });
  }
  const now = input.now ?? new Date();
  const where = { noticeId_reason: { noticeId: notice.id, reason: "desk" as const } };
  const existing = await db.letter.findUnique({ where, select: { id: true } });
  const letter = await db.letter.upsert({
    where,
    create: {
      noticeId: notice.id,
      reason: "desk",
      registered: false,
      status: "printed",
      printedAt: now,
    },
    update: { status: "printed", printedAt: now },
    select: { id: true },
  });
  return { noticeId: notice.id, patronId: notice.patronId, letterId: letter.id, reprint: existing !== null };
}
