import { addDays, isoWeekday, type LocalDate } from "@/lib/dates";

/**
 * When a branch is open: its weekly pattern plus its closed days. Every function works on
 * library-local days (LocalDate), never on instants, so a DST change cannot shift a result.
 */
export type BranchCalendar = {
  isOpen(date: LocalDate): boolean;
  /** `date` itself when the branch is open, else the first open day after it */
  nextOpenDay(date: LocalDate): LocalDate;
  /** `date` itself when the branch is open, else the last open day before it */
  previousOpenDay(date: LocalDate): LocalDate;
  /**
   * The n-th open day after `date` (n > 0) or before it (n < 0), counting only open days;
   * `date` itself for n = 0. `date` need not be open.
   */
  addOpenDays(date: LocalDate, n: number): LocalDate;
};

export type BranchCalendarInput = {
  /** ISO weekdays (1 = Monday .. 7 = Sunday) on which the branch is open */
  openWeekdays: readonly number[];
  closedDays: Iterable<LocalDate>;
};

/** Longer than any closure a library has: a search that runs past it has a broken calendar. */
const MAX_CLOSED_RUN_DAYS = 3 * 366;

export class BranchCalendarError extends Error {}

export function createBranchCalendar({ openWeekdays, closedDays }: BranchCalendarInput): BranchCalendar {
  const weekdays = new Set(openWeekdays.filter((day) => Number.isInteger(day) && day >= 1 && day <= 7));
  if (weekdays.size === 0) {
    throw new BranchCalendarError(
      "A branch calendar needs at least one open weekday (1 = Monday .. 7 = Sunday).",
    );
  }
  const closed = new Set(closedDays);

  const isOpen = (date: LocalDate) => weekdays.has(isoWeekday(date)) && !closed.has(date);

  function walkToOpen(date: LocalDate, step: 1 | -1): LocalDate {
    let day = date;
    for (let i = 0; i <= MAX_CLOSED_RUN_DAYS; i++) {
      if (isOpen(day)) return day;
      day = addDays(day, step);
    }
    throw new BranchCalendarError(`No open day within ${MAX_CLOSED_RUN_DAYS} days of ${date}.`);
  }

  function addOpenDays(date: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n)) throw new BranchCalendarError(`Open days must be a whole number, not ${n}.`);
    const step = n < 0 ? -1 : 1;
    let day = date;
    for (let remaining = Math.abs(n); remaining > 0; remaining--) {
      day = walkToOpen(addDays(day, step), step);
    }
    return day;
  }

  return {
    isOpen,
    nextOpenDay: (date) => walkToOpen(date, 1),
    previousOpenDay: (date) => walkToOpen(date, -1),
    addOpenDays,
  };
}
