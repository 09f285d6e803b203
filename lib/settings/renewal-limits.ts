import "server-only";
import type { Db, DbTx } from "@/lib/db-client";
import { DomainError, type Problem } from "@/lib/errors/domain-error";
import { DEFAULT_RENEWAL_POLICY } from "@/lib/loans/renewal-policy";
import { parseEuroCents } from "./euro-amount";
import { parseEuroField, parseWholeNumber, type SettingsChange } from "./settings-problem";

/**
 * A branch's renewal limits, as stored on the branch (`Branch.renewal*`) and read by the one
 * renewal rule (lib/loans/renewal-policy.ts, through `loadRenewalPolicies`) for the loans the
 * branch lent: at the desk, in the notices' "renewable or why not" and on the patron's link.
 */
export type RenewalLimits = {
  /** renewals allowed per loan */
  renewalMaxCount: number;
  /** a renewal gives this many days from the later of today and the due date */
  renewalPeriodDays: number;
  /** fees owed above this (cents) block renewing; null = no limit */
  renewalMaxFeesCents: number | null;
  /** a loan overdue by more than this many days cannot be renewed; null = no limit */
  renewalMaxOverdueDays: number | null;
};
export const RENEWAL_LIMIT_FIELDS = [
  "renewalMaxCount",
  "renewalPeriodDays",
  "renewalMaxFeesCents",
  "renewalMaxOverdueDays",
] as const satisfies readonly (keyof RenewalLimits)[];

/** What a branch has when nothing was set: the renewal rule's own defaults (also the schema's). */
export const DEFAULT_RENEWAL_LIMITS: RenewalLimits = {
  renewalMaxCount: DEFAULT_RENEWAL_POLICY.maxRenewals,
  renewalPeriodDays: DEFAULT_RENEWAL_POLICY.loanPeriodDays,
  renewalMaxFeesCents: DEFAULT_RENEWAL_POLICY.maxFeesCents,
  renewalMaxOverdueDays: DEFAULT_RENEWAL_POLICY.maxOverdueDays,
};

/** Bounds a typing error cannot pass (cents for the fee limit: € 0,00 to € 1.000,00). */
export const RENEWAL_LIMIT_RANGES = {
  renewalMaxCount: [0, 20],
  renewalPeriodDays: [1, 120],
  renewalMaxFeesCents: [0, 1000_00],
  renewalMaxOverdueDays: [0, 365],
} as const satisfies Record<keyof RenewalLimits, readonly [number, number]>;

/** The form as typed (the fee limit in euros: "5,00"); an empty fee or overdue limit means "no limit". */
export type RenewalLimitsForm = {
  renewalMaxCount: string;
  renewalPeriodDays: string;
  renewalMaxFees: string;
  renewalMaxOverdueDays: string;
};

/** Every problem of the form at once, each at its field; or the values to store. */
export function checkRenewalLimits(
  form: RenewalLimitsForm,
): { values: RenewalLimits } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const whole = (field: "renewalMaxCount" | "renewalPeriodDays" | "renewalMaxOverdueDays") => {
    const parsed = parseWholeNumber(form[field], field, RENEWAL_LIMIT_RANGES[field]);
    if ("problem" in parsed) problems.push(parsed.problem);
    return "value" in parsed ? parsed.value : 0;
  };
  const renewalMaxCount = whole("renewalMaxCount");
  const renewalPeriodDays = whole("renewalPeriodDays");
  const renewalMaxOverdueDays =
    form.renewalMaxOverdueDays.trim() === "" ? null : whole("renewalMaxOverdueDays");
  let renewalMaxFeesCents: number | null = null;
  if (form.renewalMaxFees.trim() !== "") {
    const parsed = parseEuroField(
      parseEuroCents(form.renewalMaxFees),
      "renewalMaxFees",
      RENEWAL_LIMIT_RANGES.renewalMaxFeesCents,
    );
    if ("problem" in parsed) problems.push(parsed.problem);
    else renewalMaxFeesCents = parsed.value;
  }
  if (problems.length) return { problems };
  return { values: { renewalMaxCount, renewalPeriodDays, renewalMaxFeesCents, renewalMaxOverdueDays } };
}

const SELECT = {
  id: true,
  name: true,
  renewalMaxCount: true,
  renewalPeriodDays: true,
  renewalMaxFeesCents: true,
  renewalMaxOverdueDays: true,
} as const;

/** Every branch of the library with its renewal limits, in name order. */
export async function loadBranchRenewalLimits(
  db: Db | DbTx,
  libraryId: number,
): Promise<({ id: number; name: string } & RenewalLimits)[]> {
  return db.branch.findMany({ where: { libraryId }, select: SELECT, orderBy: { name: "asc" } });
}

/**
 * Checks and saves one branch's renewal limits; refuses with every problem at once (a
 * DomainError), and a branch of another library as unknown, writing nothing. From the next renewal on, the rule uses the new limits.
 */
export async function saveBranchRenewalLimits(
  tx: DbTx,
  input: { libraryId: number; branchId: number; form: RenewalLimitsForm },
): Promise<SettingsChange | null> {
  const branch = await tx.branch.findFirst({
    where: { id: input.branchId, libraryId: input.libraryId },
    select: SELECT,
  });
  if (!branch) throw new DomainError("unknownBranch");
  const checked = checkRenewalLimits(input.form);
  if ("problems" in checked) throw DomainError.all(checked.problems);
  const before = Object.fromEntries(RENEWAL_LIMIT_FIELDS.map((field) => [field, branch[field]]));
  const after = checked.values;
  if (RENEWAL_LIMIT_FIELDS.every((field) => before[field] === after[field])) return null;
  await tx.branch.update({ where: { id: branch.id }, data: after });
  return {
    action: "branch.renewal-limits",
    entityType: "Branch",
    entityId: branch.id,
    before: { branchId: branch.id, ...before },
    after: { branchId: branch.id, ...after },
  };
}
