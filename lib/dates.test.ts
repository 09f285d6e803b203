import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  fromDbDate,
  isoWeekday,
  localTimeToInstant,
  localToday,
  toDbDate,
} from "./dates";

describe("library-local dates", () => {
  it("today in Brussels is already tomorrow at 23:30 UTC in summer", () => {
    expect(localToday("Europe/Brussels", new Date("2026-07-01T22:30:00Z"))).toBe("2026-07-02");
    expect(localToday("Europe/Brussels", new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
  });

  it("adding days across the DST change keeps whole calendar days", () => {
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-10-24", 7)).toBe("2026-10-31");
    expect(daysBetween("2026-03-25", "2026-04-01")).toBe(7);
  });

  it("handles leap days", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
  });

  it("round-trips a day through a PostgreSQL date column value", () => {
    expect(fromDbDate(toDbDate("2026-10-25"))).toBe("2026-10-25");
    expect(() => toDbDate("2026-02-30")).toThrow(/Not a valid date/);
  });

  it("places 09:00 Brussels at 07:00 UTC in summer and 08:00 UTC in winter", () => {
    expect(localTimeToInstant("2026-07-01", "09:00").toISOString()).toBe("2026-07-01T07:00:00.000Z");
    expect(localTimeToInstant("2026-12-01", "09:00").toISOString()).toBe("2026-12-01T08:00:00.000Z");
  });

  it("numbers weekdays from Monday = 1", () => {
    expect(isoWeekday("2026-11-30")).toBe(1);
    expect(isoWeekday("2026-11-29")).toBe(7);
  });
});
