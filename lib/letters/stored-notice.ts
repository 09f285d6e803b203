import "server-only";
import type { StaffSession } from "@/lib/auth/load-staff-session";
import { roleAtLeast } from "@/lib/auth/roles";
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

export type StoredNoticeLookup = { ok: true; notice: StoredNotice } | { ok: false; response: Response };

/**
 * A stored notice for the desk's routes: 401 signed out, 403 below desk or while a password
 * change is due, 404 unknown or another library's notice (never says which).
 */
export async function loadStoredNotice(
  db: Db,
  staff: StaffSession | null,
  rawId: string,
): Promise<StoredNoticeLookup> {
  if (!staff) return { ok: false, response: new Response("Not signed in", { status: 401 }) };
  if (staff.mustChangePassword || !roleAtLeast(staff.role, "desk")) {
    return { ok: false, response: new Response("Forbidden", { status: 403 }) };
  }
  const notFound = { ok: false, response: new Response("No such notice", { status: 404 }) } as const;
  if (!/^\d{1,9}$/.test(rawId)) return notFound;
  const row = await db.notice.findFirst({
    where: { id: Number(rawId), ...(staff.libraryId ? { libraryId: staff.libraryId } : {}) },
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
  if (!row) return notFound;
  return {
    ok: true,
    notice: {
      ...row,
      content: storedNoticeContent(row.content),
      letterReasons: row.letters.map((letter) => letter.reason),
    },
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
