import "server-only";
import type { Db, DbTx } from "@/lib/db-client";
import { branchRenewalPolicy, DEFAULT_RENEWAL_POLICY, type RenewalPolicy } from "./renewal-policy";

export type RenewalPolicies = { forBranch(branchId: number): RenewalPolicy };

/** The renewal limits of every branch of the library, looked up by the lending branch. */
export async function loadRenewalPolicies(
  db: Db | DbTx,
  { libraryId }: { libraryId: number },
): Promise<RenewalPolicies> {
  const branches = await db.branch.findMany({
    where: { libraryId },
    select: {
      id: true,
      renewalMaxCount: true,
      renewalPeriodDays: true,
      renewalMaxFeesCents: true,
      renewalMaxOverdueDays: true,
    },
  });
  const byBranch = new Map(branches.map((branch) => [branch.id, branchRenewalPolicy(branch)]));
  return { forBranch: (branchId) => byBranch.get(branchId) ?? DEFAULT_RENEWAL_POLICY };
}
