import "server-only";
import type { Db } from "@/lib/db-client";
import { type StoredNoticeContent, storedNoticeContent } from "@/lib/rendering/render-planned-notices";

export type StoredNotice = {
  id: number;
  channel: "email" | "letter" | "registered_letter";
  subject: string | null;
  html: string | null;
  text: string | null;
  recipientEmail: string | null;
  /** null = not rendered yet */
  content: StoredNoticeContent | null;
  letterReasons: string[];
};

/**
 * A stored notice of one library, for the desk's routes; null when the id is malformed,
 * unknown or another library's (the routes answer 404 and never say which).
 */
export async function loadStoredNotice(
  db: Db,
  libraryId: number,
  rawId: string,
): Promise<StoredNotice | null> {
  if (!/^\d{1,9}$/.test(rawId)) return null;
  const row = await db.notice.findFirst({
    where: { id: Number(rawId), libraryId },
    select: {
      id: true,
      channel: true,
      subject: true,
      html: true,
      text: true,
      recipientEmail: true,
      content: true,
      letters: { select: { reason: true } },
    },
  });
  if (!row) return null;
  return {
    ...row,
    content: storedNoticeContent(row.content),
    letterReasons: row.letters.map((letter) => letter.reason),
  };
}

/**
 * The letter of a stored notice: its content as rendered, with the "we could not reach you
 * by email" note when the letter replaced an email that bounced.
 */
export function letterInputOf(notice: StoredNotice): StoredNoticeContent | null {
  if (!notice.content) return null;
  if (!notice.content.fallback && notice.letterReasons.includes("email_bounced")) {
    return {
      ...notice.content,
      fallback: { email: notice.recipientEmail ?? notice.content.patron.email ?? null },
    };
  }
  return notice.content;
}
