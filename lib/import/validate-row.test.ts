import { describe, expect, it } from "vitest";
import { textProblem } from "@/lib/errors/text-check";
import { parseDay, parseMoment, validateRow } from "./validate-row";

const patron = (fields: Record<string, string>) => ({
  cardNumber: "2000100",
  firstName: "Jan",
  lastName: "Smet",
  homeBranch: "HB",
  ...fields,
});

describe("validateRow and text no one typed", () => {
  it("refuses a row whose text holds a NUL byte or another control character, naming the column", () => {
    for (const bad of ["Sm\u0000et", "Smet\u001b", "\u0000"]) {
      const result = validateRow("patrons", patron({ lastName: bad }), 7);
      expect(result.rejection, JSON.stringify(bad)).toMatchObject({
        line: 7,
        column: "lastName",
        reason: "invalidText",
      });
      // the report keeps the value readable, without the control character
      expect(textProblem(result.rejection?.value ?? "")).toBeNull();
    }
  });

  it("takes accents, apostrophes and tabs inside a value", () => {
    const result = validateRow("patrons", patron({ lastName: "D'Hondt-Évrard", street: "Kerkstraat\t1" }), 2);
    expect(result.rejection).toBeUndefined();
    expect(result.row).toMatchObject({ lastName: "D'Hondt-Évrard" });
  });
});

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
    ["2026-1x-02", null],
  ])("the day %s reads as %s", (text, day) => {
    expect(parseDay(text)).toBe(day);
  });

  it.each([
    ["2026-11-02 14:30", "2026-11-02 14:30:00"],
    ["2026-11-02T14:30:05", "2026-11-02 14:30:05"],
    ["2026-11-02", "2026-11-02 00:00:00"],
    ["02/11/2026 9:05", "2026-11-02 09:05:00"],
    ["2026-11-02 23:59:59", "2026-11-02 23:59:59"],
    ["2028-02-29 10:00", "2028-02-29 10:00:00"],
    ["2026-11-02 24:00", null],
    ["2026-11-02 14:30:60", null],
    ["2026-11-0x 14:30", null],
    ["2026-11-02 12:60", null],
    ["2026-02-30 10:00", null],
    ["2026-02-29 10:00:00", null],
    ["2026-11-02T13:30:00Z", "2026-11-02T13:30:00.000Z"],
    ["2026-11-02 14:30+01:00", "2026-11-02T13:30:00.000Z"],
  ])("the moment %s reads as %s", (text, moment) => {
    expect(parseMoment(text)).toBe(moment);
  });
});
