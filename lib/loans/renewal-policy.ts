import { addDays, daysBetween, type LocalDate } from "@/lib/dates";
import type { NotRenewableReason } from "@/lib/rendering/types";

/**
 * When a loan may be renewed and what its new due date is. One rule for the desk, the
 * notices ("renewable or why not") and the patron's renew link. The limits are set per
 * branch (the branch that lent the item: `loadRenewalPolicies`). The library system stays
 * the authority: renewals made here go back to it through the ILS outbox.
 */
export type RenewalPolicy = {
  /** renewals allowed per loan */
  maxRenewals: number;
  /** a renewal gives the item this many days from the later of today and the due date */
  loanPeriodDays: number;
  /** fees owed above this many cents block renewing; null = no limit */
  maxFeesCents: number | null;
  /** a loan overdue by more than this many days cannot be renewed; null = no limit */
  maxOverdueDays: number | null;
};

export const DEFAULT_RENEWAL_POLICY: RenewalPolicy = {
  maxRenewals: 3,
  loanPeriodDays: 21,
  maxFeesCents: 500,
  maxOverdueDays: 30,
};

export type RenewableLoan = {
  dueDate: LocalDate;
  renewalCount: number;
  reserved: boolean;
  returned: boolean;
  /** what the patron owes the library, in cents; unknown = 0 */
  patronFeesCents?: number;
};

export type RenewalState =
  | { renewable: true; newDueDate: LocalDate }
  | { renewable: false; reason: NotRenewableReason | "returned" };

export function renewalState(
  loan: RenewableLoan,
  today: LocalDate,
  policy: RenewalPolicy = DEFAULT_RENEWAL_POLICY,
): RenewalState {
  if (loan.returned) return { renewable: false, reason: "returned" };
  if (loan.reserved) return { renewable: false, reason: "reserved" };
  if (loan.renewalCount >= policy.maxRenewals) return { renewable: false, reason: "max_renewals" };
  if (policy.maxOverdueDays !== null && daysBetween(loan.dueDate, today) > policy.maxOverdueDays)
    return { renewable: false, reason: "too_long_overdue" };
  if (policy.maxFeesCents !== null && (loan.patronFeesCents ?? 0) > policy.maxFeesCents)
    return { renewable: false, reason: "fees_over_limit" };
  const from = loan.dueDate > today ? loan.dueDate : today;
  return { renewable: true, newDueDate: addDays(from, policy.loanPeriodDays) };
}

/** A branch's renewal limits as stored on the branch (settings). */
export function branchRenewalPolicy(branch: {
  renewalMaxCount: number;
  renewalPeriodDays: number;
  renewalMaxFeesCents: number | null;
  renewalMaxOverdueDays: number | null;
}): RenewalPolicy {
  return {
    maxRenewals: branch.renewalMaxCount,
    loanPeriodDays: branch.renewalPeriodDays,
    maxFeesCents: branch.renewalMaxFeesCents,
    maxOverdueDays: branch.renewalMaxOverdueDays,
  };
}
