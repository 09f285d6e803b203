import "server-only";
import type { DbTx } from "@/lib/db-client";

export type SendingSettings = {
  sendTime: string;
  sendScheduled: boolean;
  emailFrom: string | null;
  emailReplyTo: string | null;
};

/** "07:00": hours 00-23, minutes 00-59. */
export const SEND_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** "address@domain.be" or "Name <address@domain.be>", as Resend accepts a sender. */
export const SENDER =
  /^(?:[^<>\n]{1,100}<\s*[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+\s*>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

/** The library's send-run settings; returns them before and after, for the audit log. */
export async function updateSendingSettings(tx: DbTx, libraryId: number, next: SendingSettings) {
  const select = { sendTime: true, sendScheduled: true, emailFrom: true, emailReplyTo: true } as const;
  const before = await tx.library.findUniqueOrThrow({ where: { id: libraryId }, select });
  const after = await tx.library.update({ where: { id: libraryId }, data: next, select });
  return { before, after };
}
