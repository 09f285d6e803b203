import "server-only";
import type { DbTx } from "@/lib/db-client";
import type { NoticeStatus, PatronFlagKind, Prisma } from "@/lib/generated/prisma/client";
import type { BouncePolicy } from "./bounce-policy";
import { clearEmailProblem } from "./clear-email-problem";
import { DEAD_MEANINGS, type EventMeaning, eventMeaning, type ReasonCode, reasonCode } from "./email-problem";

/** What the feedback step did with one event: kept on the event, shown on the Bounces page. */
export type EventOutcome = {
  meaning: EventMeaning;
  /** the patron's address is now dead (bounced or complained) */
  addressDead?: boolean;
  /** a transient bounce was counted: the count within the window */
  softBounces?: number;
  /** a flag was raised on the patron (or one was already open) */
  flagId?: number;
  /** the fallback letter queued for the notice */
  letterId?: number;
  /** the stage has no letter fallback (pre-due reminders): only flagged */
  noLetterFallback?: boolean;
  /** the email problem was cleared by this delivery */
  cleared?: boolean;
  /** the event was about an address the patron no longer has: the patron is left alone */
  oldAddress?: boolean;
};

/**
 * How far a notice got. A later event only moves the status forward, so the order in which
 * webhooks arrive does not matter: a late "delivered" never undoes "bounced", while a
 * "bounced" after "delivered" still counts (the recipient's server refused it after all).
 */
const STATUS_RANK: Record<NoticeStatus, number> = {
  planned: 0,
  queued: 1,
  cancelled: 1,
  sent: 2,
  delayed: 3,
  delivered: 4,
  complained: 5,
  bounced: 6,
  failed: 6,
};

const STATUS_FOR: Partial<Record<EventMeaning, NoticeStatus>> = {
  sent: "sent",
  delayed: "delayed",
  delivered: "delivered",
  complaint: "complained",
  permanent_bounce: "bounced",
  suppressed: "bounced",
  failed: "failed",
};

const FLAG_WORDS: Partial<Record<ReasonCode, string>> = {
  no_such_address: "Email bounced: the address does not exist",
  address_rejected: "Email bounced: the address refused the message",
  suppressed: "Email not sent: the address is on the suppression list",
  send_failed: "Email could not be sent",
  complaint: "The patron marked a notice as spam",
  mailbox_full: "Email bounced repeatedly: mailbox full",
  temporary: "Email bounced repeatedly",
  undetermined: "Email bounced repeatedly",
  message_too_large: "Email bounced repeatedly: message too large",
  content_rejected: "Email bounced repeatedly: message refused",
};

/** PatronFlag.detail as the feedback step writes it. */
export type FlagDetail = {
  code: ReasonCode;
  address: string | null;
  at: string;
  noticeId: number;
  bounceType: string | null;
  bounceSubType: string | null;
  count?: number;
};

const sameAddress = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Applies one stored delivery event to its notice and patron, in the caller's transaction,
 * by the library's bounce policy:
 * - a permanent bounce, a suppressed address, a failed send or a complaint makes the address
 *   dead, flags the patron (reason as code and values) and queues a fallback letter
 *   (reason email_bounced) when the stage has one; stages without one only flag;
 * - transient bounces are counted within the window; at the limit the address is dead as above;
 * - a delivery to the patron's current address, later than the problem, clears it.
 * Events about an address the patron no longer has still update the notice (and its letter),
 * never the patron.
 */
export async function applyDeliveryEvent(
  tx: DbTx,
  eventId: number,
  policy: BouncePolicy,
): Promise<EventOutcome> {
  const event = await tx.deliveryEvent.findUniqueOrThrow({
    where: { id: eventId },
    include: {
      notice: {
        select: {
          id: true,
          patronId: true,
          branchId: true,
          stageId: true,
          status: true,
          recipientEmail: true,
          sentAt: true,
          deliveredAt: true,
          bouncedAt: true,
        },
      },
    },
  });
  const { notice } = event;
  const meaning = eventMeaning(event);
  const outcome: EventOutcome = { meaning };

  // Two events of one patron (two workers) go one after the other.
  await tx.$queryRaw`SELECT 1 FROM "Patron" WHERE "id" = ${notice.patronId} FOR UPDATE`;
  const patron = await tx.patron.findUniqueOrThrow({
    where: { id: notice.patronId },
    select: { id: true, email: true, emailStatus: true, emailStatusAt: true },
  });
  const address = notice.recipientEmail ?? firstRecipient(event.payload);
  const current = sameAddress(address, patron.email);
  if (!current && meaning !== "sent" && meaning !== "delayed") outcome.oldAddress = true;

  // The notice: status forward only, first times kept.
  const next = STATUS_FOR[meaning];
  const noticeData: Prisma.NoticeUpdateInput = {};
  let status = notice.status;
  if (next && STATUS_RANK[next] > STATUS_RANK[status]) {
    status = next;
    noticeData.status = next;
  }
  if (meaning === "sent" && !notice.sentAt) noticeData.sentAt = event.occurredAt;
  if (meaning === "delivered" && !notice.deliveredAt) noticeData.deliveredAt = event.occurredAt;
  if (DEAD_MEANINGS.has(meaning) && meaning !== "complaint" && !notice.bouncedAt)
    noticeData.bouncedAt = event.occurredAt;
  if (Object.keys(noticeData).length > 0)
    await tx.notice.update({ where: { id: notice.id }, data: noticeData });

  if (meaning === "delivered") {
    const problemAfter = patron.emailStatusAt && patron.emailStatusAt > event.occurredAt;
    const thisNoticeFailed = await tx.deliveryEvent.count({
      where: {
        noticeId: notice.id,
        type: { in: ["email.bounced", "email.failed", "email.suppressed"] },
        state: "applied",
        id: { not: event.id },
      },
    });
    const troubled = patron.emailStatus !== "ok" && patron.emailStatus !== "complained";
    if (current && troubled && !problemAfter && thisNoticeFailed === 0) {
      await clearEmailProblem(tx, patron.id, { reason: "delivered", at: event.occurredAt });
      outcome.cleared = true;
    }
    return outcome;
  }

  if (meaning === "transient_bounce") {
    if (!current) return outcome;
    const since = new Date(event.occurredAt.getTime() - policy.softBounceWindowDays * 86_400_000);
    // This event and the applied transient bounces to this address within the window.
    const rows = await tx.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n
      FROM "DeliveryEvent" e JOIN "Notice" n ON n."id" = e."noticeId"
      WHERE n."patronId" = ${patron.id}
        AND lower(n."recipientEmail") = lower(${patron.email})
        AND e."type" = 'email.bounced'
        AND coalesce(lower(e."bounceType"), '') <> 'permanent'
        AND e."occurredAt" > ${since} AND e."occurredAt" <= ${event.occurredAt}
        AND (e."state" = 'applied' OR e."id" = ${event.id})`;
    const count = rows[0]?.n ?? 1;
    outcome.softBounces = count;
    if (count < policy.softBounceLimit) {
      if (
        patron.emailStatus === "ok" ||
        patron.emailStatus === "unknown" ||
        patron.emailStatus === "soft_bouncing"
      )
        await tx.patron.update({
          where: { id: patron.id },
          data: { emailStatus: "soft_bouncing", emailStatusAt: event.occurredAt, softBounceCount: count },
        });
      return outcome;
    }
    await tx.notice.update({
      where: { id: notice.id },
      data: {
        ...(STATUS_RANK.bounced > STATUS_RANK[status] ? { status: "bounced" } : {}),
        ...(notice.bouncedAt ? {} : { bouncedAt: event.occurredAt }),
      },
    });
  } else if (!DEAD_MEANINGS.has(meaning)) {
    return outcome;
  }

  // The address is dead (or, for an old address, only this notice failed).
  const code = reasonCode(event);
  if (current) {
    const complaint = meaning === "complaint";
    const kind: PatronFlagKind = complaint ? "email_complained" : "email_bounced";
    const alreadyDead = patron.emailStatus === "bounced" || patron.emailStatus === "complained";
    await tx.patron.update({
      where: { id: patron.id },
      data: {
        // a complaint is the stronger state: it also stops optional reminders
        ...(complaint || !alreadyDead ? { emailStatus: complaint ? "complained" : "bounced" } : {}),
        emailStatusAt: event.occurredAt,
        ...(outcome.softBounces ? { softBounceCount: outcome.softBounces } : {}),
      },
    });
    outcome.addressDead = true;
    const open = await tx.patronFlag.findFirst({ where: { patronId: patron.id, kind, resolvedAt: null } });
    const flag =
      open ??
      (await tx.patronFlag.create({
        data: {
          patronId: patron.id,
          kind,
          message: FLAG_WORDS[code] ?? "Email problem",
          createdAt: event.occurredAt,
          detail: {
            code,
            address: address ?? null,
            at: event.occurredAt.toISOString(),
            noticeId: notice.id,
            bounceType: event.bounceType,
            bounceSubType: event.bounceSubType,
            ...(outcome.softBounces ? { count: outcome.softBounces } : {}),
          },
        },
      }));
    outcome.flagId = flag.id;
  }

  const letter = await queueFallbackLetter(tx, notice);
  if (letter === null) outcome.noLetterFallback = true;
  else outcome.letterId = letter;
  return outcome;
}

/**
 * The notice as a letter in the print queue (reason email_bounced, status queued), when its
 * stage has a letter fallback at the notice's branch. Null for stages without one. A notice
 * whose letter exists already (or that the desk printed by hand) gets no second one.
 */
export async function queueFallbackLetter(
  tx: DbTx,
  notice: { id: number; stageId: number; branchId: number },
): Promise<number | null> {
  const [stage] = await tx.$queryRaw<{ fallback: string }[]>`
    SELECT coalesce(b."fallback", s."fallback")::text AS fallback
    FROM "NoticeStage" s
    LEFT JOIN "BranchStageSetting" b ON b."stageId" = s."id" AND b."branchId" = ${notice.branchId}
    WHERE s."id" = ${notice.stageId}`;
  if (!stage || stage.fallback === "none") return null;
  const existing = await tx.letter.findFirst({
    where: { noticeId: notice.id, reason: { in: ["email_bounced", "desk"] } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  if (existing) return existing.id;
  const letter = await tx.letter.create({
    data: {
      noticeId: notice.id,
      reason: "email_bounced",
      status: "queued",
      registered: stage.fallback === "registered_letter",
    },
    select: { id: true },
  });
  return letter.id;
}

function firstRecipient(payload: unknown): string | null {
  const to = (payload as { data?: { to?: unknown } } | null)?.data?.to;
  return Array.isArray(to) && typeof to[0] === "string" ? to[0] : null;
}
