import type { BranchCalendar } from "@/lib/calendar/branch-calendar";
import { addDays, type LocalDate } from "@/lib/dates";
import type { Channel, ChannelPreference, EmailStatus } from "@/lib/generated/prisma/enums";
import { effectiveStagesForBranch } from "@/lib/settings/resolve-stage-settings";
import type { EffectiveStage, LibrarySettings } from "@/lib/settings/stage-settings";
import type { EmailProblem } from "./channel-reason";
import { type ChannelPatron, type ChannelStage, chooseChannel } from "./choose-channel";
import { effectiveDueDate, intervalDate, lastDayWhere, scheduledDate } from "./stage-dates";

/** One enabled stage of one branch, turned into due-date bounds for the planned day. */
export type StageBounds = {
  branchId: number;
  stage: EffectiveStage;
  /** a loan due on or before this day has reached the stage */
  reachDue: LocalDate;
  /** a loan due before this day is past the stage's window (pre-due reminders); "-infinity" = none */
  windowStart: LocalDate | "-infinity";
  /** false when the stage counts open days and the branch is closed on the planned day */
  allowedToday: boolean;
  profile: number;
};

/** The patron facts that decide a channel, as the planner's SQL encodes them ("" = none). */
export const EMAIL_PROBLEMS: readonly (EmailProblem | "")[] = [
  "",
  "no_email",
  "invalid",
  "bounced",
  "complained",
];
export const PREFERENCES: readonly (ChannelPreference | "")[] = ["", "email", "letter"];
export const PATRON_STAGE_CHANNELS: readonly (Channel | "")[] = ["", "email", "letter", "registered_letter"];

/** Multipliers of the decision index: paused, opted in, email problem, preference, patron's stage channel. */
export const DECISION_STRIDES = {
  paused: 2 * EMAIL_PROBLEMS.length * PREFERENCES.length * PATRON_STAGE_CHANNELS.length,
  optedIn: EMAIL_PROBLEMS.length * PREFERENCES.length * PATRON_STAGE_CHANNELS.length,
  problem: PREFERENCES.length * PATRON_STAGE_CHANNELS.length,
  preference: PATRON_STAGE_CHANNELS.length,
  profile: 2 * 2 * EMAIL_PROBLEMS.length * PREFERENCES.length * PATRON_STAGE_CHANNELS.length,
} as const;

export type DecisionFacts = {
  paused: boolean;
  optedIn: boolean;
  problem: EmailProblem | "";
  preference: ChannelPreference | "";
  stageChannel: Channel | "";
};

/** 1-based position in the decision table (a PostgreSQL array) of a stage profile and patron facts. */
export function decisionIndex(profile: number, facts: DecisionFacts): number {
  return (
    (profile - 1) * DECISION_STRIDES.profile +
    Number(facts.paused) * DECISION_STRIDES.paused +
    Number(facts.optedIn) * DECISION_STRIDES.optedIn +
    EMAIL_PROBLEMS.indexOf(facts.problem) * DECISION_STRIDES.problem +
    PREFERENCES.indexOf(facts.preference) * DECISION_STRIDES.preference +
    PATRON_STAGE_CHANNELS.indexOf(facts.stageChannel) +
    1
  );
}

/** The inverse of decisionIndex. */
export function decodeDecision(index: number): { profile: number; facts: DecisionFacts } {
  let rest = index - 1;
  const take = (stride: number) => {
    const value = Math.floor(rest / stride);
    rest -= value * stride;
    return value;
  };
  const profile = take(DECISION_STRIDES.profile) + 1;
  const paused = take(DECISION_STRIDES.paused) === 1;
  const optedIn = take(DECISION_STRIDES.optedIn) === 1;
  const problem = EMAIL_PROBLEMS[take(DECISION_STRIDES.problem)];
  const preference = PREFERENCES[take(DECISION_STRIDES.preference)];
  const stageChannel = PATRON_STAGE_CHANNELS[rest];
  return { profile, facts: { paused, optedIn, problem, preference, stageChannel } };
}

/** A patron with exactly these facts, as chooseChannel takes one. */
export function patronWith(facts: DecisionFacts, date: LocalDate): ChannelPatron {
  return {
    email: facts.problem === "no_email" ? null : "patron@example.org",
    emailStatus: (facts.problem === "" || facts.problem === "no_email" ? "ok" : facts.problem) as EmailStatus,
    emailStatusDate: null,
    channelPreference: facts.preference || null,
    preDueOptIn: facts.optedIn,
    noticesPausedUntil: facts.paused ? date : null,
  };
}

export type PlanInputs = {
  stagesByBranch: Map<number, EffectiveStage[]>;
  /** in the order the SQL numbers them (1-based) */
  bounds: StageBounds[];
  /** the largest stage position: the width of a bounds row in intervalDates */
  positionSpan: number;
  /** per stage position (1-based, positionSpan entries): whether the library's stage there is an overdue stage */
  overdueAt: boolean[];
  /**
   * per stage position (1-based, positionSpan entries): the id of the library's stage there, 0
   * = none. A loan keeps its last notice's stage id (Loan.lastNoticeStageId): its place here
   * is that stage's position in today's settings.
   */
  stageAt: number[];
  /**
   * For bounds row k and a previous overdue stage at position q, entry (k - 1) * positionSpan + q
   * (1-based): the latest day that stage's notice may have gone out for row k's stage to be due
   * on the planned day (its full interval after it). null where no such pair exists.
   */
  intervalDates: (LocalDate | null)[];
  /** chooseChannel as a table: the channel at decisionIndex(profile, facts), null = no notice */
  decisionChannels: (Channel | null)[];
  /**
   * Per group of PATRON_STAGE_CHANNELS.length entries of decisionChannels (a profile and the
   * person-level facts): whether any patron channel for the stage gives a notice.
   */
  decisionPossible: boolean[];
  /** the latest due date any stage reaches: a prefilter for the loan scan */
  maxReachDue: LocalDate;
  /** the library's branches; a branch's number in the tables below is its 1-based place here */
  branchIds: number[];
  /**
   * Per branch, a loan due before this day is past its (effective) due date on the planned
   * day: its reminders before the due date are over.
   */
  pastDueBefore: LocalDate[];
  /**
   * A loan's lowest stage not sent yet: for branch number b and the position p of the loan's
   * last notice in this cycle (0 = none), entry (b - 1) * (positionSpan + 1) + p + 1 is the
   * bounds row (1-based) of the branch's first enabled stage after p; null = none left.
   */
  nextStage: (number | null)[];
  /** the same for a loan past its due date: reminders before the due date are stepped over */
  nextStageAfterDue: (number | null)[];
  /** per branch number: its last bounds row, where a walk over its stages stops */
  lastRow: number[];
  /**
   * Per bounds row: whether a later stage of its branch can come on or before the due date
   * (a reminder): only then can a loan not yet past its due date step over this stage.
   */
  earlyAfter: boolean[];
};

/**
 * Everything the set-based planner needs besides the loans, computed in TS from the settings
 * and the branch calendars: per branch and stage the due-date bounds for `date` (calendar
 * arithmetic stays out of SQL), the interval bounds between stages, and the channel rules.
 */
export function buildPlanInputs(
  settings: LibrarySettings,
  calendars: Map<number, BranchCalendar>,
  date: LocalDate,
): PlanInputs {
  const stagesByBranch = new Map<number, EffectiveStage[]>();
  const bounds: StageBounds[] = [];
  const intervalDates: (LocalDate | null)[] = [];
  const profiles = new Map<string, { id: number; stage: ChannelStage }>();
  const positionSpan = Math.max(1, ...settings.stages.map((stage) => stage.position));

  for (const branch of settings.branches) {
    const calendar = calendars.get(branch.id);
    if (!calendar) throw new Error(`No calendar for branch ${branch.id}`);
    const stages = effectiveStagesForBranch(settings, branch.id);
    stagesByBranch.set(branch.id, stages);

    for (const stage of stages) {
      if (!stage.enabled) continue;
      const profileKey = `${stage.kind}|${stage.channel}|${stage.fallback}|${stage.audience}`;
      if (!profiles.has(profileKey)) profiles.set(profileKey, { id: profiles.size + 1, stage });
      bounds.push({
        branchId: branch.id,
        stage,
        reachDue: lastDayWhere(
          (due) => scheduledDate(calendar, stage, due) <= date,
          addDays(date, -stage.offsetDays),
        ),
        windowStart:
          stage.kind === "pre_due"
            ? addDays(
                lastDayWhere((due) => effectiveDueDate(calendar, due) < date, addDays(date, -1)),
                1,
              )
            : "-infinity",
        allowedToday: stage.dayCount === "calendar" || calendar.isOpen(date),
        profile: profiles.get(profileKey)!.id,
      });
      const row: (LocalDate | null)[] = Array(positionSpan).fill(null);
      for (const previous of stages) {
        if (previous.kind !== "overdue" || previous.position >= stage.position) continue;
        row[previous.position - 1] = lastDayWhere(
          (noticeDate) => intervalDate(calendar, stage, previous, noticeDate) <= date,
          addDays(date, previous.offsetDays - stage.offsetDays),
        );
      }
      intervalDates.push(...row);
    }
  }

  const decisionChannels: (Channel | null)[] = [];
  for (const { id, stage } of profiles.values()) {
    for (const paused of [false, true])
      for (const optedIn of [false, true])
        for (const problem of EMAIL_PROBLEMS)
          for (const preference of PREFERENCES)
            for (const stageChannel of PATRON_STAGE_CHANNELS) {
              const facts = { paused, optedIn, problem, preference, stageChannel };
              decisionChannels[decisionIndex(id, facts) - 1] = decide(stage, facts, date);
            }
  }
  const branchIds = settings.branches.map((branch) => branch.id);
  const pastDueBefore = settings.branches.map((branch) => {
    const calendar = calendars.get(branch.id)!;
    return addDays(
      lastDayWhere((due) => effectiveDueDate(calendar, due) < date, addDays(date, -1)),
      1,
    );
  });
  const nextStage: (number | null)[] = [];
  const nextStageAfterDue: (number | null)[] = [];
  const lastRow: number[] = [];
  for (const branchId of branchIds) {
    const rows = bounds.flatMap((b, index) => (b.branchId === branchId ? [{ b, row: index + 1 }] : []));
    for (let last = 0; last <= positionSpan; last++) {
      const after = rows.filter(({ b }) => b.stage.position > last);
      nextStage.push(after[0]?.row ?? null);
      nextStageAfterDue.push(after.find(({ b }) => b.stage.kind !== "pre_due")?.row ?? null);
    }
    lastRow.push(rows.at(-1)?.row ?? 0);
  }
  const earlyAfter = bounds.map((b, index) =>
    bounds.some(
      (later, laterIndex) =>
        laterIndex > index &&
        later.branchId === b.branchId &&
        (later.stage.kind === "pre_due" || later.stage.offsetDays <= 0),
    ),
  );
  const maxReachDue =
    bounds
      .map((b) => b.reachDue)
      .sort()
      .at(-1) ?? "0001-01-01";
  const decisionPossible = Array.from(
    { length: decisionChannels.length / DECISION_STRIDES.preference },
    (_, group) =>
      decisionChannels
        .slice(group * DECISION_STRIDES.preference, (group + 1) * DECISION_STRIDES.preference)
        .some((channel) => channel != null),
  );
  const stageAtPosition = (position: number) => settings.stages.find((stage) => stage.position === position);
  const overdueAt = Array.from(
    { length: positionSpan },
    (_, index) => stageAtPosition(index + 1)?.kind === "overdue",
  );
  // 0, not null, where no stage is: array_position() would find a null when the loan has no stage
  const stageAt = Array.from({ length: positionSpan }, (_, index) => stageAtPosition(index + 1)?.id ?? 0);
  return {
    stagesByBranch,
    bounds,
    positionSpan,
    overdueAt,
    stageAt,
    intervalDates,
    decisionChannels,
    decisionPossible,
    maxReachDue,
    branchIds,
    pastDueBefore,
    nextStage,
    nextStageAfterDue,
    lastRow,
    earlyAfter,
  };
}

/** chooseChannel for representative patron facts: the table entry. */
function decide(stage: ChannelStage, facts: DecisionFacts, date: LocalDate): Channel | null {
  return chooseChannel({
    stage,
    patron: patronWith(facts, date),
    patronStageChannel: facts.stageChannel || null,
    date,
  }).channel;
}
