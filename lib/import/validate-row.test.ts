import { describe, expect, it } from "vitest";
import { textProblem } from "@/lib/errors/text-check";
import { validateRow } from "./validate-row";

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
