import { describe, expect, it } from "vitest";
import { BranchCalendarError, createBranchCalendar } from "./branch-calendar";

// 2026-03-02 is a Monday. Default pattern: open Monday to Saturday, closed on Sunday.
const mondayToSaturday = [1, 2, 3, 4, 5, 6];

describe("branch calendar", () => {
  const calendar = createBranchCalendar({
    openWeekdays: mondayToSaturday,
    closedDays: ["2026-04-06", "2026-12-25"], // Easter Monday, Christmas (a Friday)
  });

  it.each([
    ["2026-03-02", true, "a Monday"],
    ["2026-03-07", true, "a Saturday"],
    ["2026-03-08", false, "a Sunday"],
    ["2026-04-06", false, "a closed holiday on a weekday"],
    ["2026-12-25", false, "Christmas"],
  ])("%s is open: %s (%s)", (date, open) => {
    expect(calendar.isOpen(date)).toBe(open);
  });

  it.each([
    ["2026-03-04", "2026-03-04", "an open day stays where it is"],
    ["2026-03-08", "2026-03-09", "a Sunday moves to Monday"],
    ["2026-04-05", "2026-04-07", "Easter Sunday and Monday move to Tuesday"],
    ["2026-12-25", "2026-12-26", "Christmas moves to the Saturday after"],
  ])("nextOpenDay(%s) = %s: %s", (date, expected) => {
    expect(calendar.nextOpenDay(date)).toBe(expected);
  });

  it.each([
    ["2026-03-02", 0, "2026-03-02", "zero open days is the day itself"],
    ["2026-03-02", 6, "2026-03-09", "six open days over a Sunday"],
    ["2026-04-03", 2, "2026-04-07", "Friday + 2 skips Sunday and Easter Monday"],
    ["2026-04-05", 1, "2026-04-07", "counting from a closed day"],
    ["2026-03-09", -1, "2026-03-07", "one open day back from Monday is Saturday"],
    ["2026-04-07", -3, "2026-04-02", "three open days back over Easter: Sat 4, Fri 3, Thu 2"],
  ])("addOpenDays(%s, %i) = %s: %s", (date, n, expected) => {
    expect(calendar.addOpenDays(date, n)).toBe(expected);
  });

  it("a branch closed for two weeks moves a due date to the reopening day", () => {
    const closedDays = Array.from({ length: 14 }, (_, i) => `2026-07-${String(6 + i).padStart(2, "0")}`);
    const closedForWorks = createBranchCalendar({ openWeekdays: mondayToSaturday, closedDays });
    expect(closedForWorks.nextOpenDay("2026-07-06")).toBe("2026-07-20");
    expect(closedForWorks.nextOpenDay("2026-07-15")).toBe("2026-07-20");
    expect(closedForWorks.addOpenDays("2026-07-04", 1)).toBe("2026-07-20");
  });

  it("the DST change weekends do not shift days", () => {
    const everyDay = createBranchCalendar({ openWeekdays: [1, 2, 3, 4, 5, 6, 7], closedDays: [] });
    expect(everyDay.addOpenDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(everyDay.addOpenDays("2026-10-24", 2)).toBe("2026-10-26");
    expect(calendar.addOpenDays("2026-10-24", 1)).toBe("2026-10-26");
  });

  it("a leap day is an ordinary open day", () => {
    expect(calendar.isOpen("2028-02-29")).toBe(true);
    expect(calendar.addOpenDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(calendar.nextOpenDay("2032-02-29")).toBe("2032-03-01"); // a Sunday
  });

  it("refuses a calendar without open weekdays instead of searching forever", () => {
    expect(() => createBranchCalendar({ openWeekdays: [], closedDays: [] })).toThrow(BranchCalendarError);
  });
});
