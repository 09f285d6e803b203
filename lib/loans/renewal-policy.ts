import { addDays, type LocalDate } from "@/lib/dates";
import type { NotRenewableReason } from "@/lib/rendering/types";

/**
 * When a loan may be renewed and what its new due date is. One rule for the desk, the
 * notices ("renewable or why not") and, later, the patron's renew link. The library system
 * stays the authority: renewals made here go back to it with the import (roadmap).
 */
export type RenewalPolicy = {
  /** renewals allowed per loan */
  maxRenewals: number;
  /** a renewal gives the item this many days from the later of today and the due date */
  loanPeriodDays: number;
};

export const DEFAULT_RENEWAL_POLICY: RenewalPolicy = { maxRenewals: 3, loanPeriodDays: 21 };

export type RenewableLoan = {
  dueDate: LocalDate;
  renewalCount: number;
  reserved: boolean;
  returned: boolean;
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
  const from = loan.dueDate > today ? loan.dueDate : today;
  return { renewable: true, newDueDate: addDays(from, policy.loanPeriodDays) };
}
