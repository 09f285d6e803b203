import "server-only";
import type { AuditChange } from "@/lib/audit/record-audit";
import type { DbTx } from "@/lib/db-client";
import type { ResendClient } from "@/lib/delivery/resend-client";
import { sendEmailBatch } from "@/lib/delivery/send-email-batch";
import { renderPlannedNotices } from "@/lib/rendering/render-planned-notices";

type Audit = (change: AuditChange) => Promise<void>;
type Scope = { libraryId: number; staffId: number };

/** The problems of this library among the ids (others are not found, like unknown ids). */
async function eventsIn(tx: DbTx, libraryId: number, eventIds: number[]) {
  return tx.deliveryEvent.findMany({
    where: { id: { in: eventIds }, notice: { libraryId } },
    orderBy: { id: "asc" },
    include: {
      notice: {
        select: {
          id: true,
          patronId: true,
          idempotencyKey: true,
          subject: true,
          html: true,
          text: true,
          recipientEmail: true,
          renderedAt: true,
          patron: { select: { email: true, emailStatus: true } },
        },
      },
    },
  });
}

/** "Dismiss with a note": the problems leave the open list; the note says why. Audited per problem. */
export async function dismissBounces(
  tx: DbTx,
  audit: Audit,
  scope: Scope & { eventIds: number[]; note: string; now?: Date },
): Promise<{ dismissed: number }> {
  const events = (await eventsIn(tx, scope.libraryId, scope.eventIds)).filter((e) => e.dismissedAt === null);
  if (events.length === 0) return { dismissed: 0 };
  await tx.deliveryEvent.updateMany({
    where: { id: { in: events.map((e) => e.id) } },
    data: { dismissedAt: scope.now ?? new Date(), dismissedById: scope.staffId, dismissNote: scope.note },
  });
  for (const event of events)
    await audit({
      action: "bounce.dismiss",
      entityType: "DeliveryEvent",
      entityId: event.id,
      patronId: event.notice.patronId,
      after: { note: scope.note },
    });
  return { dismissed: events.length };
}

/**
 * "Print the letter now": the notices' fallback letters are printed at once (a queued one is
 * taken out of the print queue; one that did not exist yet is made), rendered first when the
 * notice never was. Returns the notices, for their PDFs.
 */
export async function printBounceLetters(
  tx: DbTx,
  audit: Audit,
  scope: Scope & { eventIds: number[]; baseUrl: string; now?: Date },
): Promise<{ noticeIds: number[] }> {
  const events = await eventsIn(tx, scope.libraryId, scope.eventIds);
  const notices = [...new Map(events.map((e) => [e.notice.id, e.notice])).values()];
  const unrendered = notices.filter((n) => n.renderedAt === null).map((n) => n.id);
  if (unrendered.length > 0)
    await renderPlannedNotices(tx, {
      libraryId: scope.libraryId,
      noticeIds: unrendered,
      baseUrl: scope.baseUrl,
    });
  const now = scope.now ?? new Date();
  for (const notice of notices) {
    const letter = await tx.letter.upsert({
      where: { noticeId_reason: { noticeId: notice.id, reason: "email_bounced" } },
      create: { noticeId: notice.id, reason: "email_bounced", status: "printed", printedAt: now },
      update: { status: "printed", printedAt: now },
      select: { id: true },
    });
    await audit({
      action: "notice.letter.print",
      entityType: "Notice",
      entityId: notice.id,
      patronId: notice.patronId,
      after: { letterId: letter.id, reason: "email_bounced" },
    });
  }
  return { noticeIds: notices.map((n) => n.id) };
}

export type SendAgainResult = {
  sent: number;
  /** problems whose patron still has the dead address: correct it first */
  addressStillDead: number;
  /** sending failed (Resend refused or could not be reached) */
  failed: number;
};

/**
 * "Send again by email": the notice as it was sent, to the patron's current address, as a new
 * email (its own idempotency key, so a retry of this very action never sends twice). Refused
 * while the address is still the dead one. A fallback letter still in the print queue is
 * cancelled: the email replaces it; the problem is dismissed with a note saying so.
 */
export async function sendBouncedNoticesAgain(
  tx: DbTx,
  audit: Audit,
  scope: Scope & { eventIds: number[]; client: ResendClient; note: string; now?: Date },
): Promise<SendAgainResult> {
  const events = await eventsIn(tx, scope.libraryId, scope.eventIds);
  const result: SendAgainResult = { sent: 0, addressStillDead: 0, failed: 0 };
  const done = new Set<number>();
  for (const event of events) {
    const { notice } = event;
    if (done.has(notice.id)) continue;
    done.add(notice.id);
    const to = notice.patron.email;
    const dead = ["bounced", "complained", "invalid"].includes(notice.patron.emailStatus);
    if (!to || dead || !notice.html || !notice.subject) {
      result.addressStillDead += 1;
      continue;
    }
    const [delivery] = await sendEmailBatch(
      scope.client,
      [
        {
          to,
          subject: notice.subject,
          html: notice.html,
          text: notice.text ?? "",
          tags: { notice: notice.id },
        },
      ],
      { idempotencyKey: `${notice.idempotencyKey}:again:${event.id}`, retry: { maxAttempts: 2 } },
    );
    if (!delivery.ok) {
      result.failed += 1;
      continue;
    }
    const now = scope.now ?? new Date();
    await tx.notice.update({
      where: { id: notice.id },
      data: {
        providerId: delivery.providerId,
        recipientEmail: to,
        status: "sent",
        sentAt: now,
        deliveredAt: null,
        bouncedAt: null,
      },
    });
    await tx.letter.updateMany({
      where: { noticeId: notice.id, reason: "email_bounced", status: "queued" },
      data: { status: "cancelled" },
    });
    await tx.deliveryEvent.updateMany({
      where: { noticeId: notice.id, id: { in: scope.eventIds }, dismissedAt: null },
      data: { dismissedAt: now, dismissedById: scope.staffId, dismissNote: scope.note },
    });
    await audit({
      action: "notice.email.resend",
      entityType: "Notice",
      entityId: notice.id,
      patronId: notice.patronId,
      before: { recipientEmail: notice.recipientEmail },
      after: { recipientEmail: to },
    });
    result.sent += 1;
  }
  return result;
}
