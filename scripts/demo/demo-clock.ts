import { addDays, isoWeekday, type LocalDate, localTimeToInstant } from "@/lib/dates";

/**
 * Turns the generator's relative days ("12 days ago, 14:05") into dates and instants around
 * `today`. The generator draws only offsets, so the same seed gives the same library whatever
 * day it is generated on; only the dates move.
 */
export type DemoClock = {
  today: LocalDate;
  day(offset: number): LocalDate;
  /** ISO weekday (1 = Monday) of the day `offset` days from today */
  weekday(offset: number): number;
  /** the instant of local wall-clock `minuteOfDay` on day `offset`, as an ISO string */
  instant(offset: number, minuteOfDay: number): string;
};

export function createDemoClock(today: LocalDate, timeZone: string): DemoClock {
  const todayWeekday = isoWeekday(today);
  const noonByOffset = new Map<number, number>();
  const dayByOffset = new Map<number, LocalDate>();
  const day = (offset: number) => {
    let date = dayByOffset.get(offset);
    if (date === undefined) {
      date = addDays(today, offset);
      dayByOffset.set(offset, date);
    }
    return date;
  };
  return {
    today,
    day,
    weekday: (offset) => ((((todayWeekday - 1 + offset) % 7) + 7) % 7) + 1,
    instant(offset, minuteOfDay) {
      let noon = noonByOffset.get(offset);
      if (noon === undefined) {
        noon = localTimeToInstant(day(offset), "12:00", timeZone).getTime();
        noonByOffset.set(offset, noon);
      }
      // Counted from noon: DST switches happen at night, outside the times the generator uses.
      return new Date(noon + (minuteOfDay - 720) * 60_000).toISOString();
    },
  };
}
