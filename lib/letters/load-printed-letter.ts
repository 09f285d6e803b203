import "server-only";
import { localToday } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import { formatDate } from "@/lib/rendering/format";
import { type StoredNoticeContent, storedNoticeContent } from "@/lib/rendering/render-planned-notices";
import { letterInputOf } from "./stored-notice";

/**
 * A letter of the library with what it printed: its frozen content, or for a letter printed
 * before letters kept their own (the demo's history) the notice's stored content. Null when
 * there is nothing to show.
 */
export async function loadPrintedLetter(
  db: Db,
  input: { libraryId: number; letterId: number; timeZone: string },
): Promise<{ id: number; content: StoredNoticeContent; printedOn: string | null } | null> {
  const letter = await db.letter.findFirst({
    where: { id: input.letterId, notice: { libraryId: input.libraryId } },
    select: {
      id: true,
      reason: true,
      content: true,
      printedAt: true,
      notice: { select: { id: true, channel: true, recipientEmail: true, content: true, subject: true } },
    },
  });
  if (!letter) return null;
  const content =
    storedNoticeContent(letter.content) ??
    letterInputOf({
      id: letter.notice.id,
      channel: letter.notice.channel,
      subject: letter.notice.subject,
      html: null,
      text: null,
      recipientEmail: letter.notice.recipientEmail,
      content: storedNoticeContent(letter.notice.content),
      letterReasons: [letter.reason],
    });
  if (!content) return null;
  return {
    id: letter.id,
    content,
    printedOn: letter.printedAt
      ? formatDate(localToday(input.timeZone, letter.printedAt), content.language)
      : null,
  };
}
