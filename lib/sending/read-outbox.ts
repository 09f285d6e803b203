import "server-only";
import { Resend } from "resend";
import type { Db } from "@/lib/db-client";
import { env } from "@/lib/env";

export type OutboxEmail = {
  id: string;
  to: string[];
  subject: string;
  createdAt: string;
  lastEvent: string;
  noticeId: number | null;
};

/** True when email goes to a local fake of Resend (the demo), whose captured mail staff may open. */
export function hasOutbox(): boolean {
  return Boolean(env.RESEND_BASE_URL && env.RESEND_API_KEY);
}

function outboxClient(): Resend {
  return new Resend(env.RESEND_API_KEY, { baseUrl: env.RESEND_BASE_URL });
}

const noticeIdOf = (tags: unknown): number | null => {
  const list = Array.isArray(tags) ? (tags as { name: string; value: string }[]) : [];
  const value = list.find((tag) => tag.name === "notice")?.value;
  return value && /^\d+$/.test(value) ? Number(value) : null;
};

/**
 * The demo's outbox: the last emails the local fake of Resend accepted (through the SDK's own
 * list call), only those of this library's notices. Null when there is no fake or it is down.
 */
export async function readOutbox(db: Db, { libraryId, limit = 100 }: { libraryId: number; limit?: number }) {
  if (!hasOutbox()) return null;
  const { data, error } = await outboxClient().emails.list({ limit }, { signal: AbortSignal.timeout(5_000) });
  if (error || !data) return null;
  const emails = data.data.map((email) => ({
    id: email.id,
    to: email.to,
    subject: email.subject,
    createdAt: email.created_at,
    lastEvent: email.last_event,
    noticeId: noticeIdOf((email as { tags?: unknown }).tags),
  }));
  const ids = emails.flatMap((e) => (e.noticeId === null ? [] : [e.noticeId]));
  const ours = new Set(
    (await db.notice.findMany({ where: { libraryId, id: { in: ids } }, select: { id: true } })).map(
      (n) => n.id,
    ),
  );
  return emails.filter(
    (email) => email.noticeId !== null && ours.has(email.noticeId),
  ) satisfies OutboxEmail[];
}

/** One captured email with its HTML, when it belongs to a notice of this library. */
export async function readOutboxEmail(db: Db, { libraryId, id }: { libraryId: number; id: string }) {
  if (!hasOutbox()) return null;
  const { data, error } = await outboxClient().emails.get(id, { signal: AbortSignal.timeout(5_000) });
  if (error || !data) return null;
  const noticeId = noticeIdOf((data as { tags?: unknown }).tags);
  if (noticeId === null) return null;
  const notice = await db.notice.findFirst({
    where: { id: noticeId, libraryId },
    select: { id: true, patronId: true },
  });
  if (!notice) return null;
  return {
    id: data.id,
    to: data.to,
    subject: data.subject,
    html: data.html ?? "",
    createdAt: data.created_at,
    patronId: notice.patronId,
  };
}
