import "server-only";
import { fromDbDate, type LocalDate, toDbDate } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import { bucketStarts, previousPeriod, type StatisticsBucket } from "./notice-statistics";

type Queryable = Pick<Db, "$queryRaw">;

export type EmailReach = {
  /** patrons with at least one loan out now */
  activePatrons: number;
  /** of those, with an address email can reach (present, valid, not bounced, not marked as spam) */
  reachableByEmail: number;
  /** of those, opted in to pre-due reminders */
  optedIn: number;
  /** every patron whose address is dead now (bounced or marked as spam), active or not */
  deadAddresses: number;
};

/**
 * Who email reaches today, by the patrons' home branch: a snapshot (the database keeps each
 * address's state, not its history), so it has no previous period.
 */
export async function getEmailReach(
  db: Queryable,
  { libraryId, branchIds = null }: { libraryId: number; branchIds?: readonly number[] | null },
): Promise<EmailReach> {
  const [row] = await db.$queryRaw<EmailReach[]>`
    SELECT count(*) FILTER (WHERE o."patronId" IS NOT NULL)::int AS "activePatrons",
           count(*) FILTER (WHERE o."patronId" IS NOT NULL AND p.email IS NOT NULL AND btrim(p.email) <> ''
                              AND p."emailStatus" NOT IN ('invalid', 'bounced', 'complained'))::int AS "reachableByEmail",
           count(*) FILTER (WHERE o."patronId" IS NOT NULL AND p."preDueOptIn")::int AS "optedIn",
           count(*) FILTER (WHERE p."emailStatus" IN ('bounced', 'complained'))::int AS "deadAddresses"
    FROM "Patron" p
    LEFT JOIN (
      SELECT DISTINCT l."patronId" FROM "Loan" l
      WHERE l."libraryId" = ${libraryId} AND l."returnedAt" IS NULL
    ) o ON o."patronId" = p.id
    WHERE p."libraryId" = ${libraryId}
      AND (${branchIds}::int[] IS NULL OR p."homeBranchId" = ANY(${branchIds}::int[]))`;
  return row;
}

export type DeadAddressTrend = {
  overTime: { start: LocalDate; deadAddresses: number }[];
  total: number;
  previous: number;
};

/**
 * Addresses that went dead per bucket: the flags the feedback step raises when an email
 * bounces for good or is marked as spam, on the library-local day they were raised.
 */
export async function getDeadAddressTrend(
  db: Queryable,
  {
    libraryId,
    from,
    to,
    bucket,
    branchIds = null,
  }: {
    libraryId: number;
    from: LocalDate;
    to: LocalDate;
    bucket: StatisticsBucket;
    branchIds?: readonly number[] | null;
  },
): Promise<DeadAddressTrend> {
  const previous = previousPeriod(from, to);
  const rows = await db.$queryRaw<{ day: Date; count: number }[]>`
    WITH lib AS (SELECT "timeZone" AS tz FROM "Library" WHERE id = ${libraryId})
    SELECT (f."createdAt" AT TIME ZONE lib.tz)::date AS day, count(*)::int AS count
    FROM "PatronFlag" f JOIN "Patron" p ON p.id = f."patronId", lib
    WHERE p."libraryId" = ${libraryId}
      AND f.kind IN ('email_bounced', 'email_complained')
      AND f."createdAt" >= (${toDbDate(previous.from)}::date::timestamp AT TIME ZONE lib.tz)
      AND f."createdAt" < ((${toDbDate(to)}::date + 1)::timestamp AT TIME ZONE lib.tz)
      AND (${branchIds}::int[] IS NULL OR p."homeBranchId" = ANY(${branchIds}::int[]))
    GROUP BY 1`;
  const starts = bucketStarts(from, to, bucket);
  const overTime = starts.map((start) => ({ start, deadAddresses: 0 }));
  let total = 0;
  let before = 0;
  for (const row of rows) {
    const day = fromDbDate(row.day);
    if (day < from) {
      before += row.count;
      continue;
    }
    total += row.count;
    // the last bucket start not after the day
    for (let i = overTime.length - 1; i >= 0; i--) {
      if (overTime[i].start <= day) {
        overTime[i].deadAddresses += row.count;
        break;
      }
    }
  }
  return { overTime, total, previous: before };
}
