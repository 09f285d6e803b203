import { TZDate } from "@date-fns/tz";
import { format, parseISO } from "date-fns";

/**
 * A library-local calendar day, "YYYY-MM-DD". Due dates, closed days and plan dates are
 * days, not instants: they never shift with a time zone or a DST change. Instants are
 * stored in UTC; a day becomes an instant only where something happens at a time.
 */
export type LocalDate = string & { readonly __brand?: "LocalDate" };

export const DEFAULT_TIME_ZONE = "Europe/Brussels";

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isLocalDate(value: string): value is LocalDate {
  if (!LOCAL_DATE.test(value)) return false;
  const parsed = parseISO(value);
  return !Number.isNaN(parsed.getTime()) && format(parsed, "yyyy-MM-dd") === value;
}

export function parseLocalDate(value: string): LocalDate {
  if (!isLocalDate(value)) throw new Error(`Not a valid date (YYYY-MM-DD): "${value}"`);
  return value;
}

/** The calendar day it is now in `timeZone`. */
export function localToday(timeZone: string = DEFAULT_TIME_ZONE, now: Date = new Date()): LocalDate {
  return format(new TZDate(now.getTime(), timeZone), "yyyy-MM-dd");
}

// Day arithmetic runs on UTC midnights, where every day has 24 hours (no time zone, no DST):
// the planner does it for every stage, branch and due date of a day, so it stays cheap.
const DAY_MS = 86_400_000;
const utcMidnight = (date: LocalDate) => Date.parse(`${date}T00:00:00Z`);

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** ISO weekday: 1 = Monday .. 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  return new Date(utcMidnight(date)).getUTCDay() || 7;
}

/** A PostgreSQL `date` column as Prisma hands it over (midnight UTC) -> the day it stands for. */
export function fromDbDate(value: Date): LocalDate {
  return value.toISOString().slice(0, 10);
}

/** A day -> the value Prisma writes to a PostgreSQL `date` column. */
export function toDbDate(date: LocalDate): Date {
  return new Date(`${parseLocalDate(date)}T00:00:00.000Z`);
}

/** The instant a local wall-clock time happens in `timeZone` (e.g. 09:00 on a day in Brussels). */
export function localTimeToInstant(
  date: LocalDate,
  time: string,
  timeZone: string = DEFAULT_TIME_ZONE,
): Date {
  const [year, month, day] = date.split("-").map(Number);
  const [hours, minutes] = time.split(":").map(Number);
  return new Date(new TZDate(year, month - 1, day, hours, minutes, timeZone).getTime());
}
