import "server-only";
import type { AuditChange } from "@/lib/audit/record-audit";
import type { DbTx } from "@/lib/db-client";
import { type BouncePolicy, loadBouncePolicy } from "./bounce-policy";

/** Settings -> Bounces: the library's bounce policy, audited with before and after. */
export async function saveBouncePolicy(
  tx: DbTx,
  audit: (change: AuditChange) => Promise<void>,
  scope: { libraryId: number; staffId: number; policy: BouncePolicy },
): Promise<BouncePolicy> {
  const before = await loadBouncePolicy(tx, scope.libraryId);
  await tx.bouncePolicy.upsert({
    where: { libraryId: scope.libraryId },
    create: { libraryId: scope.libraryId, ...scope.policy, updatedById: scope.staffId },
    update: { ...scope.policy, updatedById: scope.staffId },
  });
  await audit({
    action: "bounce-policy.update",
    entityType: "BouncePolicy",
    entityId: scope.libraryId,
    before,
    after: scope.policy,
  });
  return scope.policy;
}
