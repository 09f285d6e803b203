import { DEFAULT_TIME_ZONE, type LocalDate, localToday } from "@/lib/dates";
import type { Db, DbTx } from "@/lib/db-client";
import { renderPlannedNotices, storedNoticeContent } from "@/lib/rendering/render-planned-notices";
import { allSettled, letterContentOf, letterItems, noticeNowSelect } from "./queued-letters";

export type PrintDeskLetterResult =
  | {
      outdated?: false;
      noticeId: number;
      patronId: number;
      letterId: number;
      /** the desk had printed this notice before: its letter now says what is true today */
      reprint: boolean;
    }
  | {
      /** every item of the notice was returned or renewed since: there is nothing to print */
      outdated: true;
      noticeId: number;
      patronId: number;
    };

/**
 * "Print letter now" at the desk: the letter the patron should receive now for one notice.
 * It is dated today, goes to the patron's current address and lists only the items still
 * open at the notice's stage (an item returned or renewed since is left out); when none is
 * left it prints nothing and says so. One Letter per notice with reason "desk" (a second
 * print replaces its content and printedAt), status printed, its content frozen for the
 * evidence. A notice never rendered is rendered first. Null when there is no such notice in
 * the library (or it was cancelled).
 */
export async function printDeskLetter(
  db: Db | DbTx,
  input: { noticeId: number; libraryId: number; baseUrl: string; now?: Date; today?: LocalDate },
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
  const full = await db.notice.findUniqueOrThrow({
    where: { id: notice.id },
    select: {
      content: true,
      recipientEmail: true,
      letters: { select: { reason: true } },
      ...noticeNowSelect,
    },
  });
  const items = letterItems(full.loans);
  if (items.length > 0 && allSettled(items)) {
    return { outdated: true, noticeId: notice.id, patronId: notice.patronId };
  }
  const stored = storedNoticeContent(full.content);
  if (!stored) throw new Error(`Notice ${notice.id} has no content to print`);
  const content = letterContentOf({
    content: stored,
    patron: full.patron,
    items,
    reason: full.letters.some((letter) => letter.reason === "email_bounced") ? "email_bounced" : "desk",
    registered: notice.channel === "registered_letter",
    recipientEmail: full.recipientEmail,
    date: input.today ?? localToday(DEFAULT_TIME_ZONE, now),
  });
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
      content: JSON.parse(JSON.stringify(content)),
    },
    update: { status: "printed", printedAt: now, content: JSON.parse(JSON.stringify(content)) },
    select: { id: true },
  });
  return { noticeId: notice.id, patronId: notice.patronId, letterId: letter.id, reprint: existing !== null };
}
