import { describe, expect, it } from "vitest";
import { renewalState } from "./renewal-policy";

const policy = { maxRenewals: 2, loanPeriodDays: 21 };
const today = "2026-11-30";
const loan = { dueDate: "2026-12-05", renewalCount: 0, reserved: false, returned: false };

describe("renewalState", () => {
  it.each([
    ["a returned loan", { returned: true }, "returned"],
    ["a loan another patron reserved", { reserved: true }, "reserved"],
    ["a loan renewed the maximum number of times", { renewalCount: 2 }, "max_renewals"],
  ])("refuses %s and says why", (_name, change, reason) => {
    expect(renewalState({ ...loan, ...change }, today, policy)).toEqual({ renewable: false, reason });
  });

  it("counts the new loan period from the due date when it is still ahead", () => {
    expect(renewalState(loan, today, policy)).toEqual({ renewable: true, newDueDate: "2026-12-26" });
  });

  it("counts the new loan period from today when the loan is overdue", () => {
    expect(renewalState({ ...loan, dueDate: "2026-11-10" }, today, policy)).toEqual({
      renewable: true,
      newDueDate: "2026-12-21",
    });
  });
});
