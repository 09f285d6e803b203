import type { BranchCalendar } from "@/lib/calendar/branch-calendar";
import { addDays, daysBetween, type LocalDate } from "@/lib/dates";
import type { EffectiveStage } from "@/lib/settings/stage-settings";

type StageTiming = Pick<EffectiveStage, "offsetDays" | "dayCount">;

/** A due date on a day the branch is closed moves to its next open day. */
export function effectiveDueDate(calendar: BranchCalendar, dueDate: LocalDate): LocalDate {
  return calendar.nextOpenDay(dueDate);
}

/** The day a stage is reached, counted from the (effective) due date in calendar or open days. */
export function scheduledDate(calendar: BranchCalendar, stage: StageTiming, dueDate: LocalDate): LocalDate {
  const due = effectiveDueDate(calendar, dueDate);
  return stage.dayCount === "open_days"
    ? calendar.addOpenDays(due, stage.offsetDays)
    : addDays(due, stage.offsetDays);
}

/**
 * The first day a stage may follow the previous notice: its full interval (the difference of
 * the two offsets) after the day that notice was planned for.
 */
export function intervalDate(
  calendar: BranchCalendar,
  stage: StageTiming,
  previous: StageTiming,
  previousNoticeDate: LocalDate,
): LocalDate {
  const interval = Math.max(0, stage.offsetDays - previous.offsetDays);
  return stage.dayCount === "open_days"
    ? calendar.addOpenDays(previousNoticeDate, interval)
    : addDays(previousNoticeDate, interval);
}

const SEARCH_LIMIT_DAYS = 20 * 366;

/**
 * The last day for which `holds` is true, where `holds` is true up to some day and false after
 * it (a monotone test such as "the stage date of a loan due that day is on or before D").
 * Searches outwards from `near` by doubling steps, then halves the gap.
 */
export function lastDayWhere(holds: (day: LocalDate) => boolean, near: LocalDate): LocalDate {
  let low: LocalDate;
  let high: LocalDate;
  if (holds(near)) {
    low = near;
    let step = 1;
    high = addDays(near, step);
    while (holds(high)) {
      low = high;
      step *= 2;
      if (step > SEARCH_LIMIT_DAYS) throw new Error(`No end found after ${near}`);
      high = addDays(near, step);
    }
  } else {
    high = near;
    let step = 1;
    low = addDays(near, -step);
    while (!holds(low)) {
      high = low;
      step *= 2;
      if (step > SEARCH_LIMIT_DAYS) throw new Error(`No start found before ${near}`);
      low = addDays(near, -step);
    }
  }
  // holds(low) and !holds(high)
  while (daysBetween(low, high) > 1) {
    const middle = addDays(low, Math.floor(daysBetween(low, high) / 2));
    if (holds(middle)) low = middle;
    else high = middle;
  }
  return low;
}
