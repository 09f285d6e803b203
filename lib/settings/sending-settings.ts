import "server-only";
import type { Db, DbTx } from "@/lib/db-client";
import { type Problem, refuseIf } from "@/lib/errors/domain-error";
import type { SettingsChange } from "./settings-problem";

/** When the daily send run starts and who the emails come from (lib/sending reads them). */
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

const SELECT = { sendTime: true, sendScheduled: true, emailFrom: true, emailReplyTo: true } as const;

export async function loadSendingSettings(db: Db | DbTx, libraryId: number): Promise<SendingSettings> {
  return db.library.findUniqueOrThrow({ where: { id: libraryId }, select: SELECT });
}

/** Every problem at once: a start time such as 07:00, a sender and reply-to Resend accepts (empty: none). */
export function checkSendingSettings(next: SendingSettings): Problem[] {
  const problems: Problem[] = [];
  if (!SEND_TIME.test(next.sendTime)) problems.push({ code: "settings.invalidTime", field: "sendTime" });
  if (next.emailFrom && !SENDER.test(next.emailFrom))
    problems.push({ code: "settings.invalidSender", field: "emailFrom" });
  if (next.emailReplyTo && !SENDER.test(next.emailReplyTo))
    problems.push({ code: "settings.invalidSender", field: "emailReplyTo" });
  return problems;
}

/** Checks and saves the library's send-run settings; refuses with every problem at once (a DomainError). */
export async function saveSendingSettings(
  tx: DbTx,
  libraryId: number,
  next: SendingSettings,
): Promise<SettingsChange> {
  refuseIf(checkSendingSettings(next));
  const before = await loadSendingSettings(tx, libraryId);
  const after = await tx.library.update({ where: { id: libraryId }, data: next, select: SELECT });
  return { action: "library.sending-settings", entityType: "Library", entityId: libraryId, before, after };
}
