import "server-only";
import { addDays, daysBetween, fromDbDate, type LocalDate, toDbDate } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";

type Queryable = Pick<Db, "$queryRaw">;

export type StatisticsBucket = "day" | "week" | "month";

export type NoticeFilters = {
  libraryId: number;
  from: LocalDate;
  to: LocalDate;
  /** the lending branches to count; null = all */
  branchIds?: readonly number[] | null;
  /** the stages to count; null = all */
  stageIds?: readonly number[] | null;
};

/** Sums of NoticeDayFigure's columns over some days, branches, stages and channels. */
export type NoticeTotals = {
  notices: number;
  emailNotices: number;
  /** notices sent as a letter or a registered letter (by post) */
  postNotices: number;
  loans: number;
  emailsSent: number;
  emailsBounced: number;
  emailsComplained: number;
  emailsWithoutLetter: number;
  letters: number;
  registeredLetters: number;
  postageCents: number;
  feeCents: number;
  settledWithin3: number;
  settledWithin7: number;
  renewedFromLink: number;
};

export type NoticeGroup = NoticeTotals & { stageId: number; branchId: number };

export type NoticeStatistics = {
  from: LocalDate;
  to: LocalDate;
  /** the period before, as long as this one */
  previousFrom: LocalDate;
  previousTo: LocalDate;
  bucket: StatisticsBucket;
  /** every bucket of the period, in order, zero when nothing happened */
  overTime: (NoticeTotals & { start: LocalDate })[];
  /** per stage and lending branch (only those with notices) */
  groups: NoticeGroup[];
  /** the same groups for the previous period */
  previousGroups: NoticeGroup[];
  totals: NoticeTotals;
  previous: NoticeTotals;
};

const COLUMNS = [
  "loans",
  "emailsSent",
  "emailsBounced",
  "emailsComplained",
  "emailsWithoutLetter",
  "letters",
  "registeredLetters",
  "postageCents",
  "feeCents",
  "settledWithin3",
  "settledWithin7",
  "renewedFromLink",
] as const;

export function emptyTotals(): NoticeTotals {
  return {
    notices: 0,
    emailNotices: 0,
    postNotices: 0,
    loans: 0,
    emailsSent: 0,
    emailsBounced: 0,
    emailsComplained: 0,
    emailsWithoutLetter: 0,
    letters: 0,
    registeredLetters: 0,
    postageCents: 0,
    feeCents: 0,
    settledWithin3: 0,
    settledWithin7: 0,
    renewedFromLink: 0,
  };
}

const TOTAL_KEYS = Object.keys(emptyTotals()) as (keyof NoticeTotals)[];

/** Adds the sums of `row` (other fields it has are left alone) into `into`. */
export function addTotals<T extends NoticeTotals>(into: T, row: NoticeTotals): T {
  for (const key of TOTAL_KEYS) into[key] += row[key];
  return into;
}

/** Days for short periods, ISO weeks (Monday) up to half a year, months beyond. */
export function bucketFor(from: LocalDate, to: LocalDate): StatisticsBucket {
  const days = daysBetween(from, to) + 1;
  if (days <= 31) return "day";
  if (days <= 183) return "week";
  return "month";
}

/** The first day of the bucket holding `day`. */
export function bucketStart(day: LocalDate, bucket: StatisticsBucket): LocalDate {
  if (bucket === "day") return day;
  if (bucket === "month") return `${day.slice(0, 8)}01`;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** Every bucket start from the one holding `from` to the one holding `to`. */
export function bucketStarts(from: LocalDate, to: LocalDate, bucket: StatisticsBucket): LocalDate[] {
  const starts: LocalDate[] = [];
  let start = bucketStart(from, bucket);
  while (start <= to) {
    starts.push(start);
    if (bucket === "day") start = addDays(start, 1);
    else if (bucket === "week") start = addDays(start, 7);
    else {
      const [year, month] = start.split("-").map(Number);
      start = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
    }
  }
  return starts;
}

/** The period just before `from`..`to`, of the same number of days. */
export function previousPeriod(from: LocalDate, to: LocalDate): { from: LocalDate; to: LocalDate } {
  const days = daysBetween(from, to) + 1;
  return { from: addDays(from, -days), to: addDays(from, -1) };
}

type Row = NoticeTotals & { start: Date | null; stageId: number; branchId: number };

function rowsOf(
  db: Queryable,
  filters: NoticeFilters,
  from: LocalDate,
  to: LocalDate,
  bucket: StatisticsBucket | null,
) {
  const branchIds = filters.branchIds ?? null;
  const stageIds = filters.stageIds ?? null;
  const start =
    bucket === null
      ? Prisma.sql`NULL::date`
      : bucket === "day"
        ? Prisma.sql`f.day`
        : Prisma.sql`date_trunc(${bucket}, f.day)::date`;
  const sums = Prisma.join(
    COLUMNS.map(
      (column) => Prisma.sql`sum(f.${Prisma.raw(`"${column}"`)})::int AS ${Prisma.raw(`"${column}"`)}`,
    ),
  );
  return db.$queryRaw<Row[]>`
    SELECT ${start} AS start, f."stageId", f."branchId",
           sum(f.notices)::int AS notices,
           coalesce(sum(f.notices) FILTER (WHERE f.channel = 'email'), 0)::int AS "emailNotices",
           coalesce(sum(f.notices) FILTER (WHERE f.channel <> 'email'), 0)::int AS "postNotices",
           ${sums}
    FROM "NoticeDayFigure" f
    WHERE f."libraryId" = ${filters.libraryId}
      AND f.day BETWEEN ${toDbDate(from)}::date AND ${toDbDate(to)}::date
      AND (${branchIds}::int[] IS NULL OR f."branchId" = ANY(${branchIds}::int[]))
      AND (${stageIds}::int[] IS NULL OR f."stageId" = ANY(${stageIds}::int[]))
    GROUP BY 1, 2, 3`;
}

function group({ stageId, branchId, ...row }: Row): NoticeGroup {
  return addTotals({ ...emptyTotals(), stageId, branchId }, row);
}

/**
 * The notice figures of a period from the daily statistics (NoticeDayFigure): over time by
 * channel, per stage and lending branch, and the totals of this period and the one before.
 */
export async function getNoticeStatistics(db: Queryable, filters: NoticeFilters): Promise<NoticeStatistics> {
  const { from, to } = filters;
  const bucket = bucketFor(from, to);
  const previous = previousPeriod(from, to);
  const [current, before] = await Promise.all([
    rowsOf(db, filters, from, to, bucket),
    rowsOf(db, filters, previous.from, previous.to, null),
  ]);

  const overTime = bucketStarts(from, to, bucket).map((start) => ({ start, ...emptyTotals() }));
  const byStart = new Map(overTime.map((entry) => [entry.start, entry]));
  const groups = new Map<string, NoticeGroup>();
  for (const row of current) {
    const entry = row.start && byStart.get(fromDbDate(row.start));
    if (entry) addTotals(entry, row);
    const key = `${row.stageId}:${row.branchId}`;
    const existing = groups.get(key);
    if (existing) addTotals(existing, row);
    else groups.set(key, group(row));
  }
  const previousGroups = before.map(group);
  return {
    from,
    to,
    previousFrom: previous.from,
    previousTo: previous.to,
    bucket,
    overTime,
    groups: [...groups.values()],
    previousGroups,
    totals: sumTotals([...groups.values()]),
    previous: sumTotals(previousGroups),
  };
}

export function sumTotals(rows: readonly NoticeTotals[]): NoticeTotals {
  return rows.reduce((totals, row) => addTotals(totals, row), emptyTotals());
}
