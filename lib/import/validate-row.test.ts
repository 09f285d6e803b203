import { describe, expect, it } from "vitest";
import { parseDay, parseMoment } from "./validate-row";

describe("dates and moments in an import", () => {
  it.each([
    ["2026-11-02", "2026-11-02"],
    ["2/11/2026", "2026-11-02"],
    ["29.02.2028", "2028-02-29"],
    ["29/02/2026", null],
    ["2100-02-29", null],
    ["2000-02-29", "2000-02-29"],
    ["2026-04-31", null],
    ["2026-13-01", null],
    ["1899-12-31", null],
  ])("the day %s reads as %s", (text, day) => {
    expect(parseDay(text)).toBe(day);
  });

  it.each([
    ["2026-11-02 14:30", "2026-11-02 14:30:00"],
    ["2026-11-02T14:30:05", "2026-11-02 14:30:05"],
    ["2026-11-02", "2026-11-02 00:00:00"],
    ["02/11/2026 9:05", "2026-11-02 09:05:00"],
    ["2026-11-02 24:00", null],
    ["2026-11-02 12:60", null],
    ["2026-02-30 10:00", null],
    ["2026-11-02T13:30:00Z", "2026-11-02T13:30:00.000Z"],
    ["2026-11-02 14:30+01:00", "2026-11-02T13:30:00.000Z"],
  ])("the moment %s reads as %s", (text, moment) => {
    expect(parseMoment(text)).toBe(moment);
  });
});
