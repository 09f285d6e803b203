import "server-only";
import { branchCalendars } from "@/lib/calendar/load-branch-calendars";
import { addDays, type LocalDate, parseLocalDate } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Channel, Language, LetterReason } from "@/lib/generated/prisma/enums";
import { loadLibrarySettingsWithClosedDays } from "@/lib/settings/load-settings";
import type { EffectiveStage, LibrarySettings } from "@/lib/settings/stage-settings";
import { type ChannelReason, formatChannelReason } from "./channel-reason";
import { type ChannelChoice, chooseChannel } from "./choose-channel";
import { dropStaleNotices } from "./drop-stale-notices";
import {
  buildPlanInputs,
  DECISION_STRIDES,
  decodeDecision,
  EMAIL_PROBLEMS,
  PATRON_STAGE_CHANNELS,
  type PlanInputs,
  PREFERENCES,
  patronWith,
} from "./plan-inputs";

export type PlanNoticesOptions = {
  libraryId: number;
  /** the library-local day to plan for */
  date: LocalDate;
  /** true = compute and return the plan, write nothing */
  dryRun?: boolean;
  /**
   * only the loans of patrons with fromId <= id < toId: a send run plans in slices of
   * patrons, so its first emails go out while the rest is planned (a patron's notices are all
   * in one slice, so the slices together plan exactly what one call plans)
   */
  patrons?: PatronSlice;
};

export type PatronSlice = { fromId: number; toId: number };

export type PlannedLoan = { loanId: number; itemId: number; dueDate: LocalDate };

/** One notice: one patron, one stage, one branch, listing every loan that reached the stage. */
export type PlannedNotice = {
  /** set on a run that wrote this notice */
  noticeId?: number;
  idempotencyKey: string;
  patronId: number;
  patron: { cardNumber: string; firstName: string; lastName: string };
  branchId: number;
  branchName: string;
  stageId: number;
  stageKey: string;
  channel: Channel;
  reason: ChannelReason;
  /** the reason in words, as stored in Notice.channelReason */
  channelReason: string;
  letterReason: LetterReason | null;
  language: Language;
  feeCents: number;
  recipientEmail: string | null;
  loans: PlannedLoan[];
};

export type PlanCount = { notices: number; loans: number };

export type PlanResult = {
  libraryId: number;
  date: LocalDate;
  dryRun: boolean;
  /** ordered by branch, stage and patron */
  notices: PlannedNotice[];
  totals: PlanCount;
  byStage: (PlanCount & { stageId: number; stageKey: string })[];
  byChannel: (PlanCount & { channel: Channel })[];
  byBranch: (PlanCount & { branchId: number; branchName: string })[];
  /** what this run wrote (absent on a dry run); a repeated or parallel run writes nothing */
  written?: { notices: number; noticeLoans: number; letters: number; staleNoticesCancelled: number };
};

type Client = Db | Prisma.TransactionClient;

/**
 * Plans the notices of one library-local day: every open loan that has reached a notice stage
 * (the lowest pending one, one stage per loan per run), grouped into one notice per patron,
 * stage and branch with its channel and the reason for it. The loans are read by one SQL
 * statement; writing is one transaction of a few set-based statements whose unique keys
 * (NoticeLoan: loan + stage + due date; Notice: idempotency key) make a repeated or parallel
 * run a no-op.
 */
export async function planNotices(db: Client, options: PlanNoticesOptions): Promise<PlanResult> {
  const date = parseLocalDate(options.date);
  if (options.dryRun) return computePlan(db, options.libraryId, date, true, options.patrons);
  if (!("$transaction" in db)) return writePlan(db, options.libraryId, date, options.patrons);
  return db.$transaction((tx) => writePlan(tx, options.libraryId, date, options.patrons), {
    maxWait: 60_000,
    timeout: 600_000,
  });
}

async function writePlan(
  tx: Client,
  libraryId: number,
  date: LocalDate,
  patrons: PatronSlice | undefined,
): Promise<PlanResult> {
  const staleNoticesCancelled = await dropStaleNotices(tx, { libraryId, patrons });
  const plan = await computePlan(tx, libraryId, date, false, patrons);
  // In the plan's order, by number: branch, stage, patron (one notice each per run). Not by
  // idempotency key, whose text order puts patron 10 before patron 9: two identical libraries
  // (other ids) would get their notices numbered in different orders.
  const notices = plan.notices;
  if (notices.length === 0) {
    return { ...plan, written: { notices: 0, noticeLoans: 0, letters: 0, staleNoticesCancelled } };
  }

  // Keys in one fixed order (branch, stage, patron): two runs inserting the same keys wait for
  // each other, never deadlock.
  const inserted = await tx.$queryRaw<{ id: number; idempotencyKey: string }[]>`
    INSERT INTO "Notice" ("libraryId", "patronId", "branchId", "stageId", "planDate", channel,
                          "channelReason", "channelReasonDetail", language, "feeCents", "recipientEmail", "idempotencyKey")
    SELECT ${libraryId}, n."patronId", n."branchId", n."stageId", ${date}::date, n.channel::"Channel",
           n.reason, n.detail::jsonb, n.language::"Language", n.fee, n.email, n.key
    FROM unnest(${notices.map((n) => n.patronId)}::int[], ${notices.map((n) => n.branchId)}::int[],
                ${notices.map((n) => n.stageId)}::int[], ${notices.map((n) => n.channel)}::text[],
                ${notices.map((n) => n.channelReason)}::text[], ${notices.map((n) => JSON.stringify(n.reason))}::text[],
                ${notices.map((n) => n.language)}::text[],
                ${notices.map((n) => n.feeCents)}::int[], ${notices.map((n) => n.recipientEmail)}::text[],
                ${notices.map((n) => n.idempotencyKey)}::text[])
         WITH ORDINALITY AS n("patronId", "branchId", "stageId", channel, reason, detail, language, fee, email, key, ord)
    ORDER BY n.ord
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING id, "idempotencyKey"`;
  // Only the notices this run inserted get loans and letters: a key that already existed
  // belongs to a run before (or beside) this one.
  const idOf = new Map(inserted.map((row) => [row.idempotencyKey, row.id]));
  const ours = notices.filter((n) => idOf.has(n.idempotencyKey));

  const loanRows = ours
    .flatMap((notice) =>
      notice.loans.map((loan) => ({ noticeId: idOf.get(notice.idempotencyKey)!, notice, loan })),
    )
    .sort((a, b) => a.loan.loanId - b.loan.loanId);
  // In loan order, so that two runs inserting the same loans wait for each other, never deadlock.
  const noticeLoans = await tx.$executeRaw`
    INSERT INTO "NoticeLoan" ("noticeId", "loanId", "stageId", "dueDate")
    SELECT x."noticeId", x."loanId", x."stageId", x."dueDate"::date
    FROM unnest(${loanRows.map((r) => r.noticeId)}::int[], ${loanRows.map((r) => r.loan.loanId)}::int[],
                ${loanRows.map((r) => r.notice.stageId)}::int[], ${loanRows.map((r) => r.loan.dueDate)}::text[])
         WITH ORDINALITY AS x("noticeId", "loanId", "stageId", "dueDate", ord)
    ORDER BY x.ord
    ON CONFLICT DO NOTHING`;

  // A parallel run may have taken every loan of a notice of ours: such a notice goes.
  const emptied = await tx.$queryRaw<{ id: number }[]>`
    DELETE FROM "Notice" n
    WHERE n.id = ANY(${[...idOf.values()]}::int[])
      AND NOT EXISTS (SELECT 1 FROM "NoticeLoan" nl WHERE nl."noticeId" = n.id)
    RETURNING n.id`;
  const gone = new Set(emptied.map((row) => row.id));
  const kept = ours.filter((n) => !gone.has(idOf.get(n.idempotencyKey)!));

  const letterNotices = kept.filter((n) => n.letterReason != null);
  const letters = await tx.$executeRaw`
    INSERT INTO "Letter" ("noticeId", reason, registered)
    SELECT x."noticeId", x.reason::"LetterReason", x.registered
    FROM unnest(${letterNotices.map((n) => idOf.get(n.idempotencyKey)!)}::int[],
                ${letterNotices.map((n) => n.letterReason)}::text[],
                ${letterNotices.map((n) => n.channel === "registered_letter")}::boolean[])
         AS x("noticeId", reason, registered)
    ON CONFLICT DO NOTHING`;

  for (const notice of kept) notice.noticeId = idOf.get(notice.idempotencyKey);
  return { ...plan, written: { notices: kept.length, noticeLoans, letters, staleNoticesCancelled } };
}

/**
 * One notice as the SQL sends it: its loans, and the rest as one JSON array in NoticeRow's
 * order (patronId, row, decision, email, since, language, cardNumber, firstName, lastName).
 * Two columns, not ten: on a catch-up day of 129,000 notices, decoding each column of each
 * row cost this process more than reading the JSON.
 */
type WireRow = { loans: string; notice: string };

/** One notice as the SQL groups it: one patron, stage and branch, with its loans. */
type NoticeRow = {
  patronId: number;
  /** the bounds row (plan-inputs.ts, 1-based): the branch and the stage */
  row: number;
  /** the entry of the decision table (plan-inputs.ts): it encodes the facts that chose the channel */
  decision: number;
  /** "loanId:itemId:days since EPOCH" per loan, comma-separated, in no order */
  loans: string;
  email: string | null;
  /** the library-local day the email status changed, when that status stops email */
  since: LocalDate | null;
  language: Language;
  cardNumber: string;
  firstName: string;
  lastName: string;
};

async function computePlan(
  db: Client,
  libraryId: number,
  date: LocalDate,
  dryRun: boolean,
  patrons?: PatronSlice,
): Promise<PlanResult> {
  // the settings and closed days in one round trip
  const { settings, closedDays } = await loadLibrarySettingsWithClosedDays(db, libraryId);
  const inputs = buildPlanInputs(settings, branchCalendars(settings.branches, closedDays), date);
  const rows =
    inputs.bounds.length === 0
      ? []
      : await selectNotices(db, dueNoticesQuery(libraryId, date, settings.timeZone, inputs, patrons));
  return summarise(toNotices(rows, settings, inputs, libraryId, date), libraryId, date, dryRun);
}

/**
 * Memory for the planning statement's hash tables: the loans of a 1,000,000-loan catch-up day
 * grouped by patron and their patrons fit, where PostgreSQL's default of 4 MB spills to disk.
 */
const WORK_MEM = "128MB";

/**
 * Runs the planning statement without parallel workers and without JIT compilation, with
 * WORK_MEM. Measured
 * on the benchmark library (1,000,000 loans): starting and feeding workers costs more than it
 * saves, and compiling the statement's many small expressions took seconds, several times
 * the statement itself. The settings are local to the transaction and put back afterwards,
 * for a caller's transaction that goes on.
 */
async function selectNotices(db: Client, query: Prisma.Sql): Promise<NoticeRow[]> {
  return (await selectWireRows(db, query)).map(readNoticeRow);
}

function readNoticeRow(wire: WireRow): NoticeRow {
  const [patronId, row, decision, email, since, language, cardNumber, firstName, lastName] = JSON.parse(
    wire.notice,
  );
  return {
    patronId,
    row,
    decision,
    loans: wire.loans,
    email,
    since,
    language,
    cardNumber,
    firstName,
    lastName,
  };
}

async function selectWireRows(db: Client, query: Prisma.Sql): Promise<WireRow[]> {
  if ("$transaction" in db) {
    // a transaction of its own: the local settings end with it, nothing to put back
    return db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT set_config('max_parallel_workers_per_gather', '0', true),
                                  set_config('jit', 'off', true), set_config('work_mem', ${WORK_MEM}, true)`;
        return tx.$queryRaw<WireRow[]>(query);
      },
      { maxWait: 60_000, timeout: 600_000 },
    );
  }
  // the caller's transaction goes on after the plan: its settings are put back
  const run = async (tx: Client) => {
    const [previous] = await tx.$queryRaw<{ workers: string; jit: string; memory: string }[]>`
      SELECT current_setting('max_parallel_workers_per_gather') AS workers, current_setting('jit') AS jit,
             current_setting('work_mem') AS memory,
             set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true),
             set_config('work_mem', ${WORK_MEM}, true)`;
    const rows = await tx.$queryRaw<WireRow[]>(query);
    await tx.$queryRaw`SELECT set_config('max_parallel_workers_per_gather', ${previous.workers}, true),
                              set_config('jit', ${previous.jit}, true), set_config('work_mem', ${previous.memory}, true)`;
    return rows;
  };
  return run(db);
}

/** A chosen stage and channel as one number: bounds row * PICK + decision-table entry. */
const PICK = 1_000_000;
/** Due dates travel as days since this day: cheaper than formatting a date per loan. */
const EPOCH: LocalDate = "2000-01-01";

/**
 * The one statement over the open loans, one row per loan until the grouping: each loan's
 * lowest stage not sent yet in its current cycle is looked up (per branch and position of the
 * cycle's last notice, a table made in TypeScript: no join with the stages, no row per reached
 * stage, no sort to find the lowest). The cycle's last notice is on the loan row itself
 * (Loan.lastNoticeStageId and lastNoticeDate, which triggers keep equal to NoticeLoan): no
 * join with the notice history, which was the larger part of the statement's time on the
 * bench library. The loan goes on only when that stage's date has come
 * and, after an overdue notice, its full interval has passed: a later stage never overtakes
 * it. Then the patron's channel for it (the channel decision table); when the patron gets
 * nothing at that stage (switched off for them, no channel), a walk steps over it to the next
 * stage, which again must have come. Last the loans are grouped into one row per patron and
 * stage (of a branch), on days the branch may send that stage.
 *
 * Lookups into small arrays stand in for joins with the settings: the row estimates of
 * unnest() would mislead PostgreSQL into multiplying rows before filtering them. The rows
 * come back unordered, their loans unordered: toNotices sorts both.
 */
export function dueNoticesQuery(
  libraryId: number,
  date: LocalDate,
  timeZone: string,
  inputs: PlanInputs,
  patrons?: PatronSlice,
): Prisma.Sql {
  const { bounds, positionSpan } = inputs;
  const inSlice = patrons
    ? Prisma.sql`AND l."patronId" >= ${patrons.fromId} AND l."patronId" < ${patrons.toId}`
    : Prisma.empty;
  const rows = {
    stageId: Prisma.sql`${bounds.map((b) => b.stage.stageId)}::int[]`,
    reachDue: Prisma.sql`${bounds.map((b) => b.reachDue)}::date[]`,
    allowedToday: Prisma.sql`${bounds.map((b) => b.allowedToday)}::boolean[]`,
    profile: Prisma.sql`${bounds.map((b) => b.profile)}::int[]`,
    preDue: Prisma.sql`${bounds.map((b) => b.stage.kind === "pre_due")}::boolean[]`,
  };
  const pastDueBefore = Prisma.sql`${inputs.pastDueBefore}::date[]`;
  const overdueAt = Prisma.sql`${`{${inputs.overdueAt.map((overdue) => (overdue ? "t" : "f")).join(",")}}`}::boolean[]`;
  // Bounds row `row` has come for loan l: its date, and its full interval after the cycle's
  // last overdue notice.
  const hasCome = (row: Prisma.Sql) => Prisma.sql`(l."dueDate" <= (${rows.reachDue})[${row}]
        AND (l."lastOverdueDate" IS NULL
             OR l."lastOverdueDate" <= (${inputs.intervalDates}::date[])[(${row} - 1) * ${positionSpan} + l."lastOverduePosition"]))`;
  // The patron's channel for bounds row `row`: the decision table's entry for the stage's
  // profile, the patron's facts (person) and the patron's channel for the stage.
  const decision = (row: Prisma.Sql, stageChannel: Prisma.Sql) =>
    Prisma.sql`((${rows.profile})[${row}] - 1) * ${DECISION_STRIDES.profile} + l.person
        + array_position(${PATRON_STAGE_CHANNELS}::text[], coalesce(${stageChannel}::text, ''))`;
  // Whether the decision table's entry gives a notice (the channel itself is read in TS): one
  // text parameter cast to boolean[], whose elements PostgreSQL finds by position, where a
  // text[] is walked element by element on every lookup (and is four times the size to send).
  const givesNotice = Prisma.sql`${`{${inputs.decisionChannels.map((channel) => (channel == null ? "f" : "t")).join(",")}}`}::boolean[]`;
  const hasChannel = (decisionIndex: Prisma.Sql) =>
    Prisma.sql`coalesce((${givesNotice})[${decisionIndex}], false)`;
  return Prisma.sql`
    WITH patron_stages AS MATERIALIZED (
      -- a few per library: read once and hashed, not looked up per loan
      SELECT pss."patronId", pss."stageId", pss.enabled, pss.channel
      FROM "PatronStageSetting" pss JOIN "NoticeStage" s ON s.id = pss."stageId"
      WHERE s."libraryId" = ${libraryId}
    ),
    next_stage AS (
      -- each open loan's lowest stage not sent yet (a reminder before the due date only while
      -- the loan is not past it), as its bounds row, from the last notice of its cycle as the
      -- loan row keeps it: that stage's position today and, after an overdue notice, its day
      SELECT l.id, l."itemId", l."patronId", l."dueDate", b.number,
             CASE WHEN (${overdueAt})[b.last] THEN b.last END AS "lastOverduePosition",
             CASE WHEN (${overdueAt})[b.last] THEN l."lastNoticeDate" END AS "lastOverdueDate",
             (CASE WHEN l."dueDate" < (${pastDueBefore})[b.number]
                   THEN ${inputs.nextStageAfterDue}::int[] ELSE ${inputs.nextStage}::int[] END)
               [(b.number - 1) * ${positionSpan + 1} + b.last + 1] AS row
      FROM "Loan" l
      CROSS JOIN LATERAL (
        SELECT array_position(${inputs.branchIds}::int[], l."branchId") AS number,
               coalesce(array_position(${inputs.stageAt}::int[], l."lastNoticeStageId"), 0) AS last) b
      WHERE l."libraryId" = ${libraryId} AND l."returnedAt" IS NULL AND l."dueDate" <= ${inputs.maxReachDue}::date
        ${inSlice}
      OFFSET 0 -- a fence: each row's stage is computed once, not again wherever it is used
    ),
    due AS MATERIALIZED (
      -- only loans whose stage has come, or whose patron switched a stage off (that one is
      -- stepped over whether it has come or not)
      SELECT l.*, ${hasCome(Prisma.sql`l.row`)} AS "hasCome"
      FROM next_stage l
      WHERE l.row IS NOT NULL
        AND (${hasCome(Prisma.sql`l.row`)}
             OR l."patronId" IN (SELECT "patronId" FROM patron_stages WHERE enabled = false))
    ),
    facts AS MATERIALIZED (
      -- the facts of these loans' patrons that choose a channel, the same for every stage,
      -- encoded as the decision table's person part: read by id from Patron_noticeFacts_idx
      -- (index only, sorted ids), so a day that needs a few thousand patrons reads a few
      -- thousand, and a catch-up day hashes one small row per patron, not the wide rows
      SELECT p.id,
             coalesce(p."noticesPausedUntil" >= ${date}::date, false)::int * ${DECISION_STRIDES.paused}
               + p."preDueOptIn"::int * ${DECISION_STRIDES.optedIn}
               + (array_position(${EMAIL_PROBLEMS}::text[], CASE
                    WHEN p.email IS NULL OR btrim(p.email) = '' THEN 'no_email'
                    WHEN p."emailStatus" IN ('invalid', 'bounced', 'complained') THEN p."emailStatus"::text
                    ELSE '' END) - 1) * ${DECISION_STRIDES.problem}
               + (array_position(${PREFERENCES}::text[], coalesce(p."channelPreference"::text, '')) - 1)
                 * ${DECISION_STRIDES.preference} AS person
      FROM "Patron" p
      WHERE p.id = ANY (ARRAY(SELECT DISTINCT "patronId" FROM due))
    ),
    come AS (
      -- with the patron's facts and the patron's own setting for this stage
      SELECT l.*, pss.enabled, pss.channel, f.person
      FROM due l
      JOIN facts f ON f.id = l."patronId"
      LEFT JOIN patron_stages pss ON pss."patronId" = l."patronId" AND pss."stageId" = (${rows.stageId})[l.row]
      OFFSET 0
    ),
    decided AS (
      SELECT l.*, ${decision(Prisma.sql`l.row`, Prisma.sql`l.channel`)} AS decision
      FROM come l
      OFFSET 0
    ),
    chosen AS (
      SELECT l.id, l."itemId", l."patronId", l."dueDate",
             CASE WHEN l."hasCome" AND l.enabled IS DISTINCT FROM false AND ${hasChannel(Prisma.sql`l.decision`)}
                  THEN l.row::bigint * ${PICK} + l.decision
                  -- the stage gives this patron nothing (switched off for them, or come without
                  -- a channel): step over it to the next stage not switched off for them whose
                  -- date has not come or that gives them a notice; it goes if it has come (a
                  -- subquery run only for these few loans)
                  -- before its due date a loan can only come to reminders: most loans stop
                  -- here, without starting the subquery
                  WHEN (l.enabled IS NOT DISTINCT FROM false OR l."hasCome")
                       AND (l."dueDate" < (${pastDueBefore})[l.number] OR (${inputs.earlyAfter}::boolean[])[l.row]) THEN (
                    SELECT CASE WHEN ${hasCome(Prisma.sql`r`)} THEN r::bigint * ${PICK} + x.decision END
                    FROM generate_series(l.row + 1, (${inputs.lastRow}::int[])[l.number]) r
                    LEFT JOIN patron_stages ps ON ps."patronId" = l."patronId" AND ps."stageId" = (${rows.stageId})[r]
                    CROSS JOIN LATERAL (SELECT ${decision(Prisma.sql`r`, Prisma.sql`ps.channel`)} AS decision) x
                    WHERE ps.enabled IS DISTINCT FROM false
                      AND NOT ((${rows.preDue})[r] AND l."dueDate" < (${pastDueBefore})[l.number])
                      AND (NOT ${hasCome(Prisma.sql`r`)} OR ${hasChannel(Prisma.sql`x.decision`)})
                    ORDER BY r
                    LIMIT 1)
             END AS pick
      FROM decided l
      OFFSET 0
    ),
    grouped AS (
      -- the decision entry fixes the channel and the patron's channel for the stage
      SELECT c."patronId", c.pick,
             string_agg(c.id::text || ':' || c."itemId"::text || ':' || (c."dueDate" - ${EPOCH}::date)::text, ',') AS loans
      FROM chosen c
      WHERE (${rows.allowedToday})[c.pick / ${PICK}]
      GROUP BY c."patronId", c.pick
    )
    SELECT g.loans,
           json_build_array(g."patronId", (g.pick / ${PICK})::int, (g.pick % ${PICK})::int, p.email,
             CASE WHEN p."emailStatus" IN ('invalid', 'bounced', 'complained')
                  THEN to_char(p."emailStatusAt" AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') END,
             p.language, p."cardNumber", p."firstName", p."lastName")::text AS notice
    FROM grouped g
    -- only the patrons that get a notice, by their sorted ids: as with facts above
    JOIN (SELECT * FROM "Patron" p WHERE p.id = ANY (ARRAY(SELECT DISTINCT "patronId" FROM grouped))) p
      ON p.id = g."patronId"`;
}

function toNotices(
  rows: NoticeRow[],
  settings: LibrarySettings,
  inputs: PlanInputs,
  libraryId: number,
  date: LocalDate,
): PlannedNotice[] {
  const branchNames = new Map(settings.branches.map((b) => [b.id, b.name]));
  // Thousands of notices share a handful of distinct choices: make each one once, from the
  // facts the decision entry encodes (the same facts the SQL chose the channel by).
  const choices = new Map<number | string, { choice: ChannelChoice; text: string }>();
  const choose = (row: NoticeRow, stage: EffectiveStage, branchName: string) => {
    // a number for the usual row without an email-status day: no string made per notice
    const key = row.since == null ? row.row * PICK + row.decision : `${row.row}:${row.decision}:${row.since}`;
    let made = choices.get(key);
    if (!made) {
      const { facts } = decodeDecision(row.decision);
      const choice = chooseChannel({
        stage: { ...stage, branchName },
        patron: { ...patronWith(facts, date), emailStatusDate: row.since },
        patronStageChannel: facts.stageChannel || null,
        date,
      });
      const planned = inputs.decisionChannels[row.decision - 1];
      if (choice.channel == null || choice.channel !== planned) {
        throw new Error(
          `Planner inconsistency for patron ${row.patronId}: ${planned} in SQL, ${choice.channel} in TS`,
        );
      }
      made = { choice, text: formatChannelReason(choice.reason, "en") };
      choices.set(key, made);
    }
    return made;
  };
  // A few hundred distinct due dates among a million loans: each made once.
  const dueDates = new Map<number, LocalDate>();
  const dueDateOf = (days: number) => {
    let day = dueDates.get(days);
    if (day === undefined) {
      day = addDays(EPOCH, days);
      dueDates.set(days, day);
    }
    return day;
  };

  const notices = rows.map((row): PlannedNotice => {
    const { branchId, stage } = inputs.bounds[row.row - 1];
    const branchName = branchNames.get(branchId) ?? "";
    const { choice, text } = choose(row, stage, branchName);
    const channel = choice.channel!;
    const count = parseLoans(row.loans);
    const digest = loanSetDigest(count);
    const loans: PlannedLoan[] = new Array(count);
    for (let i = 0; i < count; i++) {
      loans[i] = {
        loanId: parsed[3 * i],
        itemId: parsed[3 * i + 1],
        dueDate: dueDateOf(parsed[3 * i + 2]),
      };
    }
    return {
      idempotencyKey: `notice:${libraryId}:${row.patronId}:${stage.stageId}:${branchId}:${date}:${digest}`,
      patronId: row.patronId,
      patron: { cardNumber: row.cardNumber, firstName: row.firstName, lastName: row.lastName },
      branchId,
      branchName,
      stageId: stage.stageId,
      stageKey: stage.key,
      channel,
      reason: choice.reason,
      channelReason: text,
      letterReason: choice.letterReason,
      language: row.language,
      feeCents: stage.feeCents,
      recipientEmail: channel === "email" ? (row.email?.trim() ?? null) : null,
      loans,
    };
  });
  return notices.sort((a, b) => a.branchId - b.branchId || a.stageId - b.stageId || a.patronId - b.patronId);
}

/**
 * The loans of the row parseLoans read last: loan id, item id and days since EPOCH per loan,
 * three numbers each. One buffer for all rows, grown when a row has more loans: a million
 * loans make no object each before their PlannedLoan.
 */
let parsed = new Int32Array(3 * 64);

/**
 * "loanId:itemId:days,..." as the SQL lists a notice's loans, into `parsed`, sorted by loan id;
 * returns the number of loans. Read digit by digit, a million loans make no intermediate
 * strings.
 */
function parseLoans(text: string): number {
  let count = 0;
  let value = 0;
  let sign = 1;
  let field = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : COMMA;
    if (code === COLON || code === COMMA) {
      if (3 * count + field >= parsed.length) {
        const grown = new Int32Array(parsed.length * 2);
        grown.set(parsed);
        parsed = grown;
      }
      parsed[3 * count + field] = sign * value;
      value = 0;
      sign = 1;
      if (code === COLON) {
        field += 1;
      } else {
        field = 0;
        count += 1;
      }
    } else if (code === MINUS) {
      sign = -1;
    } else {
      value = value * 10 + (code - ZERO);
    }
  }
  // by loan id: an insertion sort of the triples, a notice lists a few loans
  for (let i = 1; i < count; i++) {
    const loanId = parsed[3 * i];
    const itemId = parsed[3 * i + 1];
    const days = parsed[3 * i + 2];
    let j = i - 1;
    while (j >= 0 && parsed[3 * j] > loanId) {
      parsed[3 * j + 3] = parsed[3 * j];
      parsed[3 * j + 4] = parsed[3 * j + 1];
      parsed[3 * j + 5] = parsed[3 * j + 2];
      j -= 1;
    }
    parsed[3 * j + 3] = loanId;
    parsed[3 * j + 4] = itemId;
    parsed[3 * j + 5] = days;
  }
  return count;
}
const COMMA = 44;
const COLON = 58;
const MINUS = 45;
const ZERO = 48;

/**
 * 16 hex digits for a notice's set of loans (the first `count` in `parsed`, sorted: ids, items,
 * due dates), part of its idempotency key: deterministic, so the same plan run twice (or by two
 * workers at once) gives the same key, and different for a different set, so a renewed loan's
 * next cycle, or a loan that only arrived after an earlier run that day, gives a new one. Two 32-bit multiplicative hashes
 * over the numbers: no strings to build, no cryptographic hash (the key also holds the
 * patron, stage, branch and day, and the database's unique keys stop a loan being noticed
 * twice whatever the digest).
 */
function loanSetDigest(count: number): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < count; i++) {
    const loanId = parsed[3 * i];
    const itemId = parsed[3 * i + 1];
    const days = parsed[3 * i + 2];
    // the loan, its item and its due date, each mixed into both hashes (written out: no
    // closure per notice)
    a = Math.imul(a ^ loanId, 0x01000193);
    b = Math.imul(b ^ loanId, 0x5bd1e995);
    b ^= b >>> 15;
    a = Math.imul(a ^ itemId, 0x01000193);
    b = Math.imul(b ^ itemId, 0x5bd1e995);
    b ^= b >>> 15;
    a = Math.imul(a ^ days, 0x01000193);
    b = Math.imul(b ^ days, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

function summarise(
  notices: PlannedNotice[],
  libraryId: number,
  date: LocalDate,
  dryRun: boolean,
): PlanResult {
  const count = <K>(keyOf: (n: PlannedNotice) => K) => {
    const counts = new Map<K, PlanCount & { sample: PlannedNotice }>();
    for (const notice of notices) {
      const key = keyOf(notice);
      const entry = counts.get(key) ?? { notices: 0, loans: 0, sample: notice };
      entry.notices += 1;
      entry.loans += notice.loans.length;
      counts.set(key, entry);
    }
    return [...counts.values()];
  };
  return {
    libraryId,
    date,
    dryRun,
    notices,
    totals: { notices: notices.length, loans: notices.reduce((total, n) => total + n.loans.length, 0) },
    byStage: count((n) => n.stageId).map(({ sample, notices, loans }) => ({
      stageId: sample.stageId,
      stageKey: sample.stageKey,
      notices,
      loans,
    })),
    byChannel: count((n) => n.channel).map(({ sample, notices, loans }) => ({
      channel: sample.channel,
      notices,
      loans,
    })),
    byBranch: count((n) => n.branchId).map(({ sample, notices, loans }) => ({
      branchId: sample.branchId,
      branchName: sample.branchName,
      notices,
      loans,
    })),
  };
}
