import { describe, expect, it } from "vitest";
import { branchRenewalPolicy, renewalState } from "./renewal-policy";

const policy = { maxRenewals: 2, loanPeriodDays: 21, maxFeesCents: 500, maxOverdueDays: 30 };
const today = "2026-11-30";
const loan = { dueDate: "2026-12-05", renewalCount: 0, reserved: false, returned: false, patronFeesCents: 0 };

describe("renewalState", () => {
  it.each([
    ["a returned loan", { returned: true }, "returned"],
    ["a loan another patron reserved", { reserved: true }, "reserved"],
    ["a loan renewed the maximum number of times", { renewalCount: 2 }, "max_renewals"],
    ["a loan overdue by more days than the limit", { dueDate: "2026-10-30" }, "too_long_overdue"],
    ["a loan of a patron whose fees are over the limit", { patronFeesCents: 501 }, "fees_over_limit"],
  ])("refuses %s and says why", (_name, change, reason) => {
    expect(renewalState({ ...loan, ...change }, today, policy)).toEqual({ renewable: false, reason });
  });

  it("renews a loan overdue by exactly the limit, and fees exactly at the limit", () => {
    expect(renewalState({ ...loan, dueDate: "2026-10-31", patronFeesCents: 500 }, today, policy)).toEqual({
      renewable: true,
      newDueDate: "2026-12-21",
    });
  });

  it("has no fee or overdue limit when the branch sets none", () => {
    const open = { ...policy, maxFeesCents: null, maxOverdueDays: null };
    expect(
      renewalState({ ...loan, dueDate: "2026-01-01", patronFeesCents: 99_999 }, today, open).renewable,
    ).toBe(true);
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

  it("reads a branch's limits from its settings columns", () => {
    expect(
      branchRenewalPolicy({
        renewalMaxCount: 5,
        renewalPeriodDays: 14,
        renewalMaxFeesCents: null,
        renewalMaxOverdueDays: 10,
      }),
    ).toEqual({ maxRenewals: 5, loanPeriodDays: 14, maxFeesCents: null, maxOverdueDays: 10 });
  });
});
