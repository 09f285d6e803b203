import type { BranchCalendar } from "@/lib/calendar/branch-calendar";
import type { LocalDate } from "@/lib/dates";
import type { Channel } from "@/lib/generated/prisma/enums";
import type { EffectiveStage, PatronStageOverride } from "@/lib/settings/stage-settings";
import type { ChannelReason } from "./channel-reason";
import { type ChannelChoice, type ChannelPatron, chooseChannel } from "./choose-channel";
import { effectiveDueDate, intervalDate, scheduledDate } from "./stage-dates";

/** A notice the loan already had in its current due-date cycle. */
export type LoanHistoryEntry = { stageId: number; planDate: LocalDate };

export type StageStatus =
  /** the loan already had this stage's notice in this cycle */
  | "noticed"
  /** a later stage already went out, so this one never will */
  | "passed"
  | "disabled"
  /** a reminder before the due date that was not sent in time: skipped, never sent late */
  | "expired"
  /** not reached yet: `date` says when */
  | "waiting"
  /** reached, but this patron gets no notice at this stage (`reason` says why) */
  | "no_channel"
  /** this stage's notice goes out on the evaluated day */
  | "due"
  /** due, but it counts open days and the branch is closed: it goes on the next open day */
  | "closed_today"
  /** also reached, but one stage at a time: it waits for its interval after the one going out */
  | "after_current"
  /**
   * its own date has come, but an earlier stage's has not (a closure can do that when the
   * stages count days differently): stages never overtake each other, so it waits
   */
  | "after_earlier";

export type StageEvaluation = {
  stageId: number;
  key: string;
  position: number;
  status: StageStatus;
  /** when it was or will be reached (noticed: the day of the notice) */
  date: LocalDate | null;
  channel: Channel | null;
  reason: ChannelReason | null;
  /** for disabled stages: whether the library/branch or the patron switched it off */
  disabledBy?: "library" | "patron";
};

export type LoanEvaluation = {
  date: LocalDate;
  dueDate: LocalDate;
  /** the due date after moving off closed days */
  effectiveDueDate: LocalDate;
  stages: StageEvaluation[];
  /** the stage going out on `date`, if any */
  notice: { stageId: number; channel: Channel; choice: ChannelChoice } | null;
};

export type LoanFacts = {
  date: LocalDate;
  dueDate: LocalDate;
  /** the loan's branch's stages (effective values), ordered by position */
  stages: EffectiveStage[];
  branchName?: string;
  calendar: BranchCalendar;
  /** this loan's notices with the same due date (its current cycle) */
  history: LoanHistoryEntry[];
  patron: ChannelPatron;
  patronOverrides: Pick<PatronStageOverride, "stageId" | "enabled" | "channel">[];
};

/**
 * The planner's rules for one open loan on one day, stage by stage, written forwards (dates
 * from the due date) where the SQL planner works backwards (due-date thresholds). It explains
 * a single loan to staff, and the tests hold the two to the same answers.
 *
 * The rule: the loan gets its lowest stage not yet sent in this due-date cycle, once that
 * stage's own date has come and, after an overdue notice, its full interval has passed. A
 * stage the patron gets nothing at (switched off, expired reminder, no channel for this
 * patron once its date has come) is stepped over; any other earlier stage holds every later
 * one back, whatever their own dates say. One stage per loan per day.
 */
export function evaluateLoan(facts: LoanFacts): LoanEvaluation {
  const { date, calendar, stages } = facts;
  const due = effectiveDueDate(calendar, facts.dueDate);
  const noticed = new Map(facts.history.map((entry) => [entry.stageId, entry.planDate]));
  const positionOf = new Map(stages.map((stage) => [stage.stageId, stage.position]));
  const lastPosition = Math.max(
    -Infinity,
    ...facts.history.map((entry) => positionOf.get(entry.stageId) ?? -Infinity),
  );
  // The cycle's last notice; when it was an overdue notice, the next stage waits its interval after it.
  const last = facts.history
    .map((entry) => ({ entry, stage: stages.find((s) => s.stageId === entry.stageId) }))
    .sort((a, b) => (b.stage?.position ?? 0) - (a.stage?.position ?? 0))[0];
  const lastOverdue = last?.stage?.kind === "overdue" ? last : undefined;

  let notice: LoanEvaluation["notice"] = null;
  /** a stage going out today (or on the next open day) holds the later ones back */
  let stopped = false;
  /** an earlier stage whose date has not come holds the later ones back */
  let held = false;
  const evaluations = stages.map((stage): StageEvaluation => {
    const base = {
      stageId: stage.stageId,
      key: stage.key,
      position: stage.position,
      channel: null,
      reason: null,
    };
    const noticeDate = noticed.get(stage.stageId);
    if (noticeDate) return { ...base, status: "noticed", date: noticeDate };
    if (stage.position <= lastPosition) return { ...base, status: "passed", date: null };
    const override = facts.patronOverrides.find((o) => o.stageId === stage.stageId);
    if (!stage.enabled) return { ...base, status: "disabled", date: null, disabledBy: "library" };
    if (override?.enabled === false) return { ...base, status: "disabled", date: null, disabledBy: "patron" };

    let reached = scheduledDate(calendar, stage, facts.dueDate);
    if (lastOverdue) {
      const afterInterval = intervalDate(calendar, stage, lastOverdue.stage!, lastOverdue.entry.planDate);
      if (afterInterval > reached) reached = afterInterval;
    }
    if (stage.kind === "pre_due" && date > due) return { ...base, status: "expired", date: reached };
    if (reached > date) {
      held = true;
      return { ...base, status: "waiting", date: reached };
    }
    if (stopped) return { ...base, status: "after_current", date: reached };
    if (held) return { ...base, status: "after_earlier", date: reached };

    const choice = chooseChannel({
      stage: { ...stage, branchName: facts.branchName },
      patron: facts.patron,
      patronStageChannel: override?.channel ?? null,
      date,
    });
    if (choice.channel == null)
      return { ...base, status: "no_channel", date: reached, reason: choice.reason };
    stopped = true;
    if (stage.dayCount === "open_days" && !calendar.isOpen(date)) {
      return {
        ...base,
        status: "closed_today",
        date: calendar.nextOpenDay(date),
        channel: choice.channel,
        reason: choice.reason,
      };
    }
    notice = { stageId: stage.stageId, channel: choice.channel, choice };
    return { ...base, status: "due", date: reached, channel: choice.channel, reason: choice.reason };
  });

  return { date, dueDate: facts.dueDate, effectiveDueDate: due, stages: evaluations, notice };
}
