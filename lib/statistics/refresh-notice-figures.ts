import "server-only";
import { addDays, fromDbDate, type LocalDate, toDbDate } from "@/lib/dates";
import { type Db, type DbTx, inTransaction } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import { COUNTS_AS_BOUNCE } from "./email-health";

/** Days the send run refreshes before its own: returns, renewals and letters settle in that time. */
export const SEND_RUN_REFRESH_DAYS = 35;

/** The outcome windows: returned or renewed on the notice's day or within this many days after. */
export const OUTCOME_DAYS = [3, 7] as const;

/**
 * The rows of `NoticeDayFigure` for one library and its plan dates `from`..`to`, computed from
 * the raw tables: one row per day, branch, stage and channel. The refresh writes them; the
 * benchmark reads them directly as the baseline without the aggregate.
 *
 * - a notice counts unless cancelled; an email counts as sent once the provider took it;
 * - bounced = a permanent bounce or suppression applied by the feedback step, complained = a
 *   complaint (the Today page's email health counts them the same way);
 * - a loan is settled within N days when it came back, or was renewed in Rappel (at the desk or
 *   from a link: the outbox to the library system), before the library-local midnight that
 *   ends the Nth day after the notice's day: DST changes move that instant, not the day.
 */
export function noticeFiguresFromRaw(libraryId: number, from: LocalDate, to: LocalDate): Prisma.Sql {
  const fromDay = toDbDate(from);
  const toDay = toDbDate(to);
  return Prisma.sql`
    WITH lib AS (SELECT "timeZone" AS tz FROM "Library" WHERE id = ${libraryId}),
    n AS (
      SELECT n.id, n."planDate" AS day, n."branchId", n."stageId", n.channel, n."feeCents",
             (n.channel = 'email' AND n."sentAt" IS NOT NULL) AS "emailSent",
             (n."planDate"::timestamp AT TIME ZONE lib.tz) AS "dayStart",
             ((n."planDate" + ${OUTCOME_DAYS[0] + 1}::int)::timestamp AT TIME ZONE lib.tz) AS "end3",
             ((n."planDate" + ${OUTCOME_DAYS[1] + 1}::int)::timestamp AT TIME ZONE lib.tz) AS "end7"
      FROM "Notice" n, lib
      WHERE n."libraryId" = ${libraryId} AND n."planDate" BETWEEN ${fromDay}::date AND ${toDay}::date
        AND n.status <> 'cancelled'
    ),
    ev AS (
      SELECT e."noticeId",
             bool_or(${COUNTS_AS_BOUNCE}) AS bounced,
             bool_or(e.type = 'email.complained') AS complained
      FROM "DeliveryEvent" e JOIN n ON n.id = e."noticeId"
      WHERE e.type IN ('email.bounced', 'email.suppressed', 'email.complained')
        AND e."occurredAt" >= ${fromDay}::date - 1
      GROUP BY 1
    ),
    lt AS (
      SELECT l."noticeId", count(*)::int AS letters, count(*) FILTER (WHERE l.registered)::int AS registered,
             sum(l."postageCents")::int AS postage
      FROM "Letter" l JOIN n ON n.id = l."noticeId"
      WHERE l.status <> 'cancelled'
      GROUP BY 1
    ),
    renewals AS (
      SELECT o."loanId", array_agg(o."createdAt") AS at,
             array_agg(o."dedupeKey") FILTER (WHERE o.source = 'patron') AS "linkKeys"
      FROM "IlsOutboxEntry" o
      WHERE o."libraryId" = ${libraryId} AND o.kind = 'renewal' AND o."loanId" IS NOT NULL
        AND o."createdAt" >= ${fromDay}::date - 1
      GROUP BY 1
    ),
    nl AS (
      SELECT nl."noticeId", count(*)::int AS loans,
             count(*) FILTER (WHERE l."returnedAt" < n."end3"
               OR EXISTS (SELECT 1 FROM unnest(r.at) t WHERE t >= n."dayStart" AND t < n."end3"))::int AS settled3,
             count(*) FILTER (WHERE l."returnedAt" < n."end7"
               OR EXISTS (SELECT 1 FROM unnest(r.at) t WHERE t >= n."dayStart" AND t < n."end7"))::int AS settled7,
             count(*) FILTER (WHERE ('renewal:' || nl."noticeId" || ':' || nl."loanId") = ANY (r."linkKeys"))::int AS "fromLink"
      FROM "NoticeLoan" nl
      JOIN n ON n.id = nl."noticeId"
      JOIN "Loan" l ON l.id = nl."loanId"
      LEFT JOIN renewals r ON r."loanId" = nl."loanId"
      GROUP BY 1
    )
    SELECT ${libraryId}::int AS "libraryId", n.day, n."branchId", n."stageId", n.channel,
           count(*)::int AS notices,
           coalesce(sum(nl.loans), 0)::int AS loans,
           count(*) FILTER (WHERE n."emailSent")::int AS "emailsSent",
           count(*) FILTER (WHERE n."emailSent" AND ev.bounced)::int AS "emailsBounced",
           count(*) FILTER (WHERE n."emailSent" AND ev.complained)::int AS "emailsComplained",
           count(*) FILTER (WHERE n."emailSent" AND lt."noticeId" IS NULL)::int AS "emailsWithoutLetter",
           coalesce(sum(lt.letters), 0)::int AS letters,
           coalesce(sum(lt.registered), 0)::int AS "registeredLetters",
           coalesce(sum(lt.postage), 0)::int AS "postageCents",
           sum(n."feeCents")::int AS "feeCents",
           coalesce(sum(nl.settled3), 0)::int AS "settledWithin3",
           coalesce(sum(nl.settled7), 0)::int AS "settledWithin7",
           coalesce(sum(nl."fromLink"), 0)::int AS "renewedFromLink"
    FROM n
    LEFT JOIN ev ON ev."noticeId" = n.id
    LEFT JOIN lt ON lt."noticeId" = n.id
    LEFT JOIN nl ON nl."noticeId" = n.id
    GROUP BY n.day, n."branchId", n."stageId", n.channel`;
}

/**
 * Rebuilds the statistics of one library's plan dates `from`..`to` from the raw tables, in one
 * transaction (a reader sees the old days or the new ones). Cheap for a few days; a year of a
 * large library takes seconds (`npm run bench -- --only statistics`).
 */
export async function refreshNoticeFigures(
  db: Db | DbTx,
  { libraryId, from, to }: { libraryId: number; from: LocalDate; to: LocalDate },
): Promise<number> {
  return inTransaction(
    db,
    async (tx) => {
      // one refresh of a library at a time (a send run's end and the feedback step can meet):
      // two at once would both delete, then both insert the same days
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REFRESH_LOCK}::int, ${libraryId}::int)`;
      await tx.$executeRaw`
      DELETE FROM "NoticeDayFigure"
      WHERE "libraryId" = ${libraryId} AND day BETWEEN ${toDbDate(from)}::date AND ${toDbDate(to)}::date`;
      return tx.$executeRaw`
      INSERT INTO "NoticeDayFigure" ("libraryId", day, "branchId", "stageId", channel, notices, loans,
        "emailsSent", "emailsBounced", "emailsComplained", "emailsWithoutLetter", letters, "registeredLetters",
        "postageCents", "feeCents", "settledWithin3", "settledWithin7", "renewedFromLink")
      SELECT "libraryId", day, "branchId", "stageId", channel, notices, loans,
        "emailsSent", "emailsBounced", "emailsComplained", "emailsWithoutLetter", letters, "registeredLetters",
        "postageCents", "feeCents", "settledWithin3", "settledWithin7", "renewedFromLink"
      FROM (${noticeFiguresFromRaw(libraryId, from, to)}) f`;
      // a send run's 36 days of a large library take seconds, more than Prisma's default 5 s
    },
    REFRESH_TRANSACTION,
  );
}

/** the advisory lock class of the statistics refresh (the second key is the library) */
const REFRESH_LOCK = 0x5354_4154;

const REFRESH_TRANSACTION = { timeout: 120_000, maxWait: 30_000 };

/**
 * Refreshes the days of the given notices (the feedback step after applying their events): per
 * library, each run of consecutive days at once, so a late event for an old notice does not
 * refresh every day in between.
 */
export async function refreshNoticeFiguresOfNotices(db: Db, noticeIds: readonly number[]): Promise<void> {
  if (noticeIds.length === 0) return;
  const days = await db.$queryRaw<{ libraryId: number; day: Date }[]>`
    SELECT DISTINCT "libraryId", "planDate" AS day
    FROM "Notice" WHERE id = ANY(${[...noticeIds]}::int[])
    ORDER BY 1, 2`;
  let run: { libraryId: number; from: LocalDate; to: LocalDate } | null = null;
  for (const { libraryId, day } of days) {
    const date = fromDbDate(day);
    if (run && run.libraryId === libraryId && addDays(run.to, 1) === date) {
      run.to = date;
      continue;
    }
    if (run) await refreshNoticeFigures(db, run);
    run = { libraryId, from: date, to: date };
  }
  if (run) await refreshNoticeFigures(db, run);
}
