import { addDays, isoWeekday, type LocalDate, localTimeToInstant, toDbDate } from "@/lib/dates";
import type { Db, DbTx } from "@/lib/db-client";
import type { NoticeStatus } from "@/lib/generated/prisma/enums";
import { planNotices } from "@/lib/planning/plan-notices";
import { renderPlannedNotices } from "@/lib/rendering/render-planned-notices";
import { refreshNoticeFigures } from "@/lib/statistics/refresh-notice-figures";
import { BOUNCE_REASONS } from "./data/people";
import { DEMO_SEED } from "./demo-scales";
import { createRandom } from "./random";

/*
 * SIMULATED HISTORY. The demo library starts with a year of notices behind it, so the desk
 * has real stories to show (which reminder went out when, what it said, that it bounced and a
 * letter followed) and the Statistics page a year of figures. The library ran its notices on
 * Mondays until four weeks ago and every day since; each run goes through the real planner and
 * the real render step (what is stored is exactly what Rappel would have sent), but delivery is
 * only simulated:
 * NO EMAIL LEAVES THE MACHINE. The outcomes (delivered, bounced, printed, posted) and their
 * times are drawn from a seeded generator, so the same library gets the same history.
 */

export type DemoHistoryOptions = {
  libraryId: number;
  /** the demo's today: history covers the days before it */
  today: LocalDate;
  /** how many days back; default 365 (today-365 .. today-1) */
  days?: number;
  /**
   * the library ran its notices every day for the last this many days (default 28), and once
   * a week (Mondays) before that: the real planner catches up on the days between, as it does
   * after a missed day, and a year stays within the first start's time
   */
  dailyDays?: number;
  /**
   * emails of the last this many days are stored with their HTML and text; older ones keep
   * only their content (the email is rendered from it when shown). Default: the last 28 days
   * (about 120 emails for the demo library, some 2 s of rendering).
   */
  htmlDays?: number;
  /** where the stored emails' logo and links point */
  baseUrl: string;
  seed?: number;
  onProgress?: (step: string) => void;
};

export type DemoHistoryResult = {
  days: number;
  /** the days a send run ran (every day lately, Mondays before) */
  runs: number;
  notices: number;
  emails: number;
  delivered: number;
  bounced: number;
  letters: number;
  /** emails stored with HTML and text (the rest keep their content only) */
  renderedEmails: number;
};

type DeadAddress = {
  patronId: number;
  email: string;
  emailStatusAt: Date | null;
  flags: { message: string; createdAt: Date }[];
  /** set once an email of the history bounced */
  bouncedAt: Date | null;
};

/**
 * Plans, renders and (in simulation) delivers the notices of each past day, oldest first.
 * Patrons whose address went dead in the last months get their address back for the replay
 * and lose it at their first email, with the bounce, the flag and the fallback letter that
 * go with it; those the history never emails get their original state back at the end.
 */
export async function generateDemoHistory(db: Db, options: DemoHistoryOptions): Promise<DemoHistoryResult> {
  const { libraryId, today, baseUrl } = options;
  const days = options.days ?? 365;
  const dailyDays = options.dailyDays ?? 28;
  const htmlFrom = addDays(today, -Math.min(options.htmlDays ?? 28, days));
  const random = createRandom(options.seed ?? DEMO_SEED, "history");
  const progress = options.onProgress ?? (() => {});
  const library = await db.library.findUniqueOrThrow({ where: { id: libraryId } });
  const timeZone = library.timeZone;
  const first = addDays(today, -days);
  // letters record the postage of their day, as lib/letters does when it batches them
  const postage = { letter: library.letterPostageCents, registered: library.registeredPostageCents };
  const at = (day: LocalDate, time: string, plusSeconds = 0) =>
    new Date(localTimeToInstant(day, time, timeZone).getTime() + plusSeconds * 1000);

  // One transaction: a history that fails half-way leaves no loan "unreturned", no half day.
  return db.$transaction(
    async (tx) => {
      // Addresses that died in the last three months: the history lets the first of its emails
      // to each find out, so the desk sees the whole story (bounce, flag, letter instead).
      const dead = await takeBackDeadAddresses(tx, libraryId, at(addDays(today, -90), "00:00"));
      const returns = await takeBackReturns(tx, libraryId, at(first, "06:00"));
      const result: DemoHistoryResult = {
        days,
        runs: 0,
        notices: 0,
        emails: 0,
        delivered: 0,
        bounced: 0,
        letters: 0,
        renderedEmails: 0,
      };

      for (let offset = days; offset >= 1; offset--) {
        const day = addDays(today, -offset);
        if (offset > dailyDays && isoWeekday(day) !== 1) continue;
        progress(`history ${day}`);
        result.runs += 1;
        await returns.returnedBy(at(day, "06:00"));
        const planned = await planNotices(tx, { libraryId, date: day });
        const rendered = await renderPlannedNotices(tx, {
          // a day that planned nothing has nothing to render
          ...(planned.written?.notices === 0 ? { noticeIds: [] } : {}),
          libraryId,
          planDate: day,
          baseUrl,
          renderEmails: day >= htmlFrom,
          now: at(day, "06:30"),
        });
        if (day >= htmlFrom) result.renderedEmails += rendered.emails;
        await deliverDay(tx, { libraryId, day, at, random, dead, result, postage });
      }

      await returns.returnedBy(null);
      await restoreDeadAddresses(tx, dead);
      // the statistics the daily runs would have left behind
      await refreshNoticeFigures(tx, { libraryId, from: first, to: addDays(today, -1) });
      return result;
    },
    { maxWait: 60_000, timeout: 10 * 60_000 },
  );
}

/**
 * The loans returned during the history were still out on its first days: their return is
 * taken back and given back day by day, so each day's planner sees the loans that were out
 * that morning. (Loans lent during the history are due weeks after it: no stage reaches them.)
 */
async function takeBackReturns(tx: DbTx, libraryId: number, since: Date) {
  const pending = await tx.$queryRaw<{ id: number; returnedAt: Date }[]>`
    UPDATE "Loan" l SET "returnedAt" = NULL
    FROM "Loan" o
    WHERE o.id = l.id AND l."libraryId" = ${libraryId} AND l."returnedAt" > ${since}
    RETURNING l.id, o."returnedAt"`;
  pending.sort((a, b) => a.returnedAt.getTime() - b.returnedAt.getTime());
  let next = 0;
  return {
    /** gives back every return up to `moment` (null = all) */
    async returnedBy(moment: Date | null) {
      const start = next;
      while (next < pending.length && (moment === null || pending[next].returnedAt <= moment)) next++;
      const rows = pending.slice(start, next);
      if (rows.length === 0) return;
      await tx.$executeRaw`
        UPDATE "Loan" l SET "returnedAt" = r."returnedAt"
        FROM unnest(${rows.map((r) => r.id)}::int[], ${rows.map((r) => r.returnedAt)}::timestamptz[])
             AS r(id, "returnedAt")
        WHERE l.id = r.id`;
    },
  };
}

/** Dead addresses that died since `since`: alive again until the history's first email to them. */
async function takeBackDeadAddresses(
  db: DbTx,
  libraryId: number,
  since: Date,
): Promise<Map<number, DeadAddress>> {
  const patrons = await db.patron.findMany({
    where: { libraryId, emailStatus: "bounced", emailStatusAt: { gte: since }, email: { not: null } },
    select: {
      id: true,
      email: true,
      emailStatusAt: true,
      flags: {
        where: { kind: "email_bounced", resolvedAt: null },
        select: { message: true, createdAt: true },
      },
    },
    orderBy: { id: "asc" },
  });
  const ids = patrons.map((p) => p.id);
  if (ids.length > 0) {
    await db.patronFlag.deleteMany({
      where: { patronId: { in: ids }, kind: "email_bounced", resolvedAt: null },
    });
    await db.patron.updateMany({
      where: { id: { in: ids } },
      data: { emailStatus: "ok", emailStatusAt: null },
    });
  }
  return new Map(
    patrons.map((p) => [
      p.id,
      {
        patronId: p.id,
        email: p.email ?? "",
        emailStatusAt: p.emailStatusAt,
        flags: p.flags,
        bouncedAt: null,
      },
    ]),
  );
}

async function restoreDeadAddresses(tx: DbTx, dead: Map<number, DeadAddress>): Promise<void> {
  const untouched = [...dead.values()].filter((d) => d.bouncedAt === null);
  if (untouched.length === 0) return;
  for (const patron of untouched) {
    await tx.patron.update({
      where: { id: patron.patronId },
      data: { emailStatus: "bounced", emailStatusAt: patron.emailStatusAt },
    });
  }
  await tx.patronFlag.createMany({
    data: untouched.flatMap((patron) =>
      patron.flags.map((flag) => ({
        patronId: patron.patronId,
        kind: "email_bounced" as const,
        message: flag.message,
        createdAt: flag.createdAt,
      })),
    ),
  });
}

type NoticeUpdate = {
  id: number;
  status: NoticeStatus;
  sentAt: Date;
  deliveredAt: Date | null;
  bouncedAt: Date | null;
};

type EventRow = {
  noticeId: number;
  type: string;
  occurredAt: Date;
  bounceType?: string;
  bounceSubType?: string;
  detail?: string;
};

/** The simulated send run of one day: emails out at 07:00, letters printed in the morning and posted. */
async function deliverDay(
  tx: DbTx,
  context: {
    libraryId: number;
    day: LocalDate;
    at: (day: LocalDate, time: string, plusSeconds?: number) => Date;
    random: ReturnType<typeof createRandom>;
    dead: Map<number, DeadAddress>;
    result: DemoHistoryResult;
    postage: { letter: number; registered: number };
  },
): Promise<void> {
  const { libraryId, day, at, random, dead, result, postage } = context;
  const notices = await tx.notice.findMany({
    where: { libraryId, planDate: toDbDate(day), status: "planned" },
    // by card number and stage, not by id: the seeded draws then follow the same notices in
    // two identical libraries whatever order the planner wrote a day's notices in
    orderBy: [
      { patron: { cardNumber: "asc" } },
      { stage: { position: "asc" } },
      { branchId: "asc" },
      { id: "asc" },
    ],
    select: {
      id: true,
      channel: true,
      patronId: true,
      recipientEmail: true,
      stage: { select: { fallback: true } },
      patron: { select: { emailStatus: true, softBounceCount: true } },
      letters: { select: { id: true, registered: true } },
    },
  });
  // A day without notices still had its run (it found nothing to send).

  const runStart = at(day, "07:00");
  const updates: NoticeUpdate[] = [];
  const events: EventRow[] = [];
  const letterUpdates: { id: number; printedAt: Date; postedAt: Date; tracking: string | null }[] = [];
  const bounceLetters: { noticeId: number; registered: boolean; printedAt: Date; postedAt: Date }[] = [];
  const bouncedPatrons: { patronId: number; at: Date; message: string }[] = [];
  let emailIndex = 0;
  let letterIndex = 0;
  const printing = () => {
    letterIndex += 1;
    return { printedAt: at(day, "09:30", letterIndex * 12), postedAt: at(day, "16:00") };
  };

  for (const notice of notices) {
    if (notice.channel === "email") {
      emailIndex += 1;
      const sentAt = new Date(runStart.getTime() + emailIndex * 1500);
      events.push({ noticeId: notice.id, type: "email.sent", occurredAt: sentAt });
      const deadAddress = dead.get(notice.patronId);
      if (deadAddress && deadAddress.bouncedAt === null) {
        const bouncedAt = new Date(sentAt.getTime() + random.int(4, 90) * 1000);
        const reason = random.pick(BOUNCE_REASONS);
        deadAddress.bouncedAt = bouncedAt;
        events.push({
          noticeId: notice.id,
          type: "email.bounced",
          occurredAt: bouncedAt,
          bounceType: "Permanent",
          bounceSubType: reason.includes("DNS") ? "NoEmail" : "General",
          detail: reason,
        });
        updates.push({ id: notice.id, status: "bounced", sentAt, deliveredAt: null, bouncedAt });
        bouncedPatrons.push({
          patronId: notice.patronId,
          at: bouncedAt,
          message: `E-mail aan ${deadAddress.email} kon niet worden afgeleverd: ${reason}. Vraag de lener een nieuw e-mailadres.`,
        });
        if (notice.stage.fallback !== "none") {
          bounceLetters.push({
            noticeId: notice.id,
            registered: notice.stage.fallback === "registered_letter",
            ...printing(),
          });
        }
        result.bounced += 1;
      } else {
        let deliveredAt = new Date(sentAt.getTime() + random.int(2, 40) * 1000);
        if (notice.patron.emailStatus === "soft_bouncing") {
          // a full mailbox that took the mail at a later try
          events.push({
            noticeId: notice.id,
            type: "email.delivery_delayed",
            occurredAt: deliveredAt,
            detail: "452 4.2.2 mailbox full, will retry",
          });
          deliveredAt = new Date(deliveredAt.getTime() + random.int(20, 180) * 60_000);
        }
        events.push({ noticeId: notice.id, type: "email.delivered", occurredAt: deliveredAt });
        updates.push({ id: notice.id, status: "delivered", sentAt, deliveredAt, bouncedAt: null });
        result.delivered += 1;
      }
      result.emails += 1;
    } else {
      const { printedAt, postedAt } = printing();
      for (const letter of notice.letters) {
        letterUpdates.push({
          id: letter.id,
          printedAt,
          postedAt,
          tracking: letter.registered ? trackingNumber(random) : null,
        });
      }
      events.push({ noticeId: notice.id, type: "letter.printed", occurredAt: printedAt });
      events.push({ noticeId: notice.id, type: "letter.posted", occurredAt: postedAt });
      updates.push({ id: notice.id, status: "sent", sentAt: postedAt, deliveredAt: null, bouncedAt: null });
      result.letters += 1;
    }
  }
  for (const letter of bounceLetters) {
    events.push({ noticeId: letter.noticeId, type: "letter.printed", occurredAt: letter.printedAt });
    events.push({ noticeId: letter.noticeId, type: "letter.posted", occurredAt: letter.postedAt });
  }
  result.notices += notices.length;
  const letterCount = letterUpdates.length + bounceLetters.length;

  // Written as the run would have: the run, the batch of letters, the outcomes, the events.
  const run = await tx.sendRun.create({
    data: {
      libraryId,
      planDate: toDbDate(day),
      status: "succeeded",
      trigger: "schedule",
      planned: notices.length,
      sent: updates.length,
      failed: 0,
      letters: letterCount,
      createdAt: runStart,
      startedAt: runStart,
      finishedAt: new Date(runStart.getTime() + (emailIndex + 2) * 1500),
    },
  });
  const batch =
    letterCount > 0
      ? await tx.letterBatch.create({
          data: {
            libraryId,
            createdAt: at(day, "09:25"),
            printedAt: at(day, "09:30"),
            postedAt: at(day, "16:00"),
          },
        })
      : null;
  if (notices.length === 0) return;
  await tx.$executeRaw`
    UPDATE "Notice" n
    SET status = u.status::"NoticeStatus", "sentAt" = u."sentAt", "deliveredAt" = u."deliveredAt",
        "bouncedAt" = u."bouncedAt", "sendRunId" = ${run.id}, "createdAt" = ${at(day, "06:00")}
    FROM unnest(${updates.map((u) => u.id)}::int[], ${updates.map((u) => u.status)}::text[],
                ${updates.map((u) => u.sentAt)}::timestamptz[], ${updates.map((u) => u.deliveredAt)}::timestamptz[],
                ${updates.map((u) => u.bouncedAt)}::timestamptz[]) AS u(id, status, "sentAt", "deliveredAt", "bouncedAt")
    WHERE n.id = u.id`;
  if (letterUpdates.length > 0) {
    await tx.$executeRaw`
      UPDATE "Letter" l
      SET status = 'posted', "printedAt" = u."printedAt", "postedAt" = u."postedAt",
          "trackingNumber" = u.tracking, "batchId" = ${batch?.id ?? null}, "createdAt" = ${at(day, "06:00")},
          "postageCents" = CASE WHEN l.registered THEN ${postage.registered}::int ELSE ${postage.letter}::int END
      FROM unnest(${letterUpdates.map((u) => u.id)}::int[], ${letterUpdates.map((u) => u.printedAt)}::timestamptz[],
                  ${letterUpdates.map((u) => u.postedAt)}::timestamptz[], ${letterUpdates.map((u) => u.tracking)}::text[])
           AS u(id, "printedAt", "postedAt", tracking)
      WHERE l.id = u.id`;
  }
  if (bounceLetters.length > 0) {
    await tx.letter.createMany({
      data: bounceLetters.map((letter) => ({
        noticeId: letter.noticeId,
        reason: "email_bounced" as const,
        registered: letter.registered,
        status: "posted" as const,
        batchId: batch?.id ?? null,
        postageCents: letter.registered ? postage.registered : postage.letter,
        createdAt: letter.printedAt,
        printedAt: letter.printedAt,
        postedAt: letter.postedAt,
      })),
    });
  }
  await tx.deliveryEvent.createMany({
    data: events.map((event) => ({ ...event, receivedAt: event.occurredAt })),
  });
  for (const bounce of bouncedPatrons) {
    await tx.patron.update({
      where: { id: bounce.patronId },
      data: { emailStatus: "bounced", emailStatusAt: bounce.at },
    });
  }
  if (bouncedPatrons.length > 0) {
    await tx.patronFlag.createMany({
      data: bouncedPatrons.map((bounce) => ({
        patronId: bounce.patronId,
        kind: "email_bounced" as const,
        message: bounce.message,
        createdAt: bounce.at,
      })),
    });
  }
}

/** A bpost-like registered-letter number, e.g. "RR123456785BE". */
function trackingNumber(random: ReturnType<typeof createRandom>): string {
  return `RR${String(random.int(10_000_000, 99_999_999))}${random.int(0, 9)}BE`;
}
