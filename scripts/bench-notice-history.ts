import { addDays, type LocalDate, toDbDate } from "../lib/dates";
import type { Db } from "../lib/db-client";
import { refreshNoticeFigures } from "../lib/statistics/refresh-notice-figures";

/**
 * A year of notice history for the benchmark library, written set-based in a few statements
 * (the real planner day by day would take an hour on a million loans). Each loan gets the
 * notice of every system-level stage whose day (due date + offset) fell in the year while the
 * loan was still out that morning, grouped per patron, stage, branch and day as the planner
 * groups them; the channel follows the stage, email turning into the stage's fallback letter
 * for a patron without a working address or who chose letters; pre-due reminders only for
 * patrons who opted in and have an address. Emails are sent and delivered, about 1.5 % bounce
 * for good (with their fallback letter) and 0.05 % are marked as spam; letters carry a postage
 * of € 1.40 (€ 7.50 registered); one loan in 40 of an email is renewed from its link the next
 * day. Then the statistics of the year are refreshed, as the send runs would have left them.
 */
export async function generateBenchNoticeHistory(
  db: Db,
  { libraryId, today, days = 365 }: { libraryId: number; today: LocalDate; days?: number },
): Promise<{ notices: number; noticeLoans: number; events: number; letters: number }> {
  const from = toDbDate(addDays(today, -days));
  const to = toDbDate(addDays(today, -1));
  return db.$transaction(
    async (tx) => {
      const notices = await tx.$executeRaw`
        WITH lib AS (SELECT "timeZone" AS tz FROM "Library" WHERE id = ${libraryId}),
        reached AS (
          SELECT l."patronId", l."branchId", s.id AS "stageId", (l."dueDate" + s."offsetDays") AS day,
                 s.channel, s.fallback, s."feeCents", p.language,
                 (p.email IS NOT NULL AND p."emailStatus" NOT IN ('invalid', 'bounced', 'complained')
                   AND p."channelPreference" IS DISTINCT FROM 'letter') AS "emailOk",
                 p."preDueOptIn", s.kind
          FROM "Loan" l
          JOIN "Patron" p ON p.id = l."patronId"
          JOIN "NoticeStage" s ON s."libraryId" = l."libraryId" AND s.enabled, lib
          WHERE l."libraryId" = ${libraryId}
            AND l."dueDate" + s."offsetDays" BETWEEN ${from}::date AND ${to}::date
            AND (l."returnedAt" IS NULL
                 OR l."returnedAt" >= ((l."dueDate" + s."offsetDays")::timestamp + interval '6 hours') AT TIME ZONE lib.tz)
        )
        INSERT INTO "Notice" ("libraryId", "patronId", "branchId", "stageId", "planDate", channel, "channelReason",
                              status, language, "feeCents", "idempotencyKey", "sentAt", "deliveredAt", "createdAt")
        SELECT ${libraryId}, r."patronId", r."branchId", r."stageId", r.day, c.channel,
               'bench history', CASE WHEN c.channel = 'email' THEN 'delivered' ELSE 'sent' END::"NoticeStatus",
               r.language, r."feeCents",
               'bench-history-' || r."stageId" || '-' || r."patronId" || '-' || r."branchId" || '-' || r.day,
               (r.day::timestamp + interval '7 hours') AT TIME ZONE 'Europe/Brussels',
               CASE WHEN c.channel = 'email' THEN (r.day::timestamp + interval '7 hours 1 minute') AT TIME ZONE 'Europe/Brussels' END,
               (r.day::timestamp + interval '6 hours') AT TIME ZONE 'Europe/Brussels'
        FROM (SELECT DISTINCT ON ("patronId", "branchId", "stageId", day) * FROM reached
              WHERE kind = 'overdue' OR ("preDueOptIn" AND "emailOk")) r
        CROSS JOIN LATERAL (
          SELECT CASE WHEN r.channel <> 'email' OR r."emailOk" THEN r.channel
                      WHEN r.fallback = 'registered_letter' THEN 'registered_letter'::"Channel"
                      ELSE 'letter'::"Channel" END AS channel
        ) c`;
      const noticeLoans = await tx.$executeRaw`
        INSERT INTO "NoticeLoan" ("noticeId", "loanId", "stageId", "dueDate")
        SELECT n.id, l.id, n."stageId", l."dueDate"
        FROM "Notice" n
        JOIN "NoticeStage" s ON s.id = n."stageId"
        JOIN "Loan" l ON l."patronId" = n."patronId" AND l."branchId" = n."branchId"
                     AND l."dueDate" + s."offsetDays" = n."planDate"
        WHERE n."libraryId" = ${libraryId} AND n."channelReason" = 'bench history'
          AND (l."returnedAt" IS NULL
               OR l."returnedAt" >= (n."planDate"::timestamp + interval '6 hours') AT TIME ZONE 'Europe/Brussels')`;
      const events = await tx.$executeRaw`
        INSERT INTO "DeliveryEvent" ("noticeId", type, "occurredAt", "receivedAt", "bounceType")
        SELECT n.id, e.type, n."sentAt" + e.after, n."sentAt" + e.after, e."bounceType"
        FROM "Notice" n
        CROSS JOIN LATERAL (VALUES
          ('email.sent', interval '0 seconds', NULL::text, true),
          ('email.delivered', interval '1 minute', NULL, n.id % 67 <> 0),
          ('email.bounced', interval '1 minute', 'Permanent', n.id % 67 = 0),
          ('email.complained', interval '3 hours', NULL, n.id % 2000 = 1)
        ) e(type, after, "bounceType", happened)
        WHERE n."libraryId" = ${libraryId} AND n."channelReason" = 'bench history' AND n.channel = 'email'
          AND e.happened`;
      await tx.$executeRaw`
        UPDATE "Notice" SET status = 'bounced', "deliveredAt" = NULL, "bouncedAt" = "sentAt" + interval '1 minute'
        WHERE "libraryId" = ${libraryId} AND "channelReason" = 'bench history' AND channel = 'email' AND id % 67 = 0`;
      const letters = await tx.$executeRaw`
        INSERT INTO "Letter" ("noticeId", reason, registered, status, "postageCents", "createdAt", "printedAt", "postedAt")
        SELECT n.id,
               CASE WHEN n.channel = 'email' THEN 'email_bounced' ELSE 'stage_channel' END::"LetterReason",
               n.channel = 'registered_letter' OR (n.channel = 'email' AND s.fallback = 'registered_letter'),
               'posted', CASE WHEN n.channel = 'registered_letter' OR s.fallback = 'registered_letter' AND n.channel = 'email'
                              THEN 750 ELSE 140 END,
               n."createdAt", n."sentAt", n."sentAt" + interval '8 hours'
        FROM "Notice" n JOIN "NoticeStage" s ON s.id = n."stageId"
        WHERE n."libraryId" = ${libraryId} AND n."channelReason" = 'bench history'
          AND (n.channel <> 'email' OR (n.id % 67 = 0 AND s.fallback <> 'none'))`;
      await tx.$executeRaw`
        INSERT INTO "IlsOutboxEntry" ("libraryId", kind, "patronId", "loanId", payload, source, "createdAt", "dedupeKey")
        SELECT ${libraryId}, 'renewal', n."patronId", nl."loanId", '{}'::jsonb, 'patron',
               n."sentAt" + interval '1 day 3 hours', 'renewal:' || n.id || ':' || nl."loanId"
        FROM "NoticeLoan" nl JOIN "Notice" n ON n.id = nl."noticeId"
        WHERE n."libraryId" = ${libraryId} AND n."channelReason" = 'bench history' AND n.channel = 'email'
          AND nl."loanId" % 40 = 0`;
      await refreshNoticeFigures(tx, { libraryId, from: addDays(today, -days), to: addDays(today, -1) });
      return { notices, noticeLoans, events, letters };
    },
    { maxWait: 60_000, timeout: 60 * 60_000 },
  );
}
