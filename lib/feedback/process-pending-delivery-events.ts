import "server-only";
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { refreshNoticeFiguresOfNotices } from "@/lib/statistics/refresh-notice-figures";
import { applyDeliveryEvent } from "./apply-delivery-event";
import { type BouncePolicy, loadBouncePolicy } from "./bounce-policy";

/**
 * Applies pending webhook events, oldest first, one transaction per event. Safe to run
 * from several places at once (the webhook route's after(), a worker's timer, a job): each
 * event is claimed with FOR UPDATE SKIP LOCKED, so no two runs apply the same one, and an
 * applied event is never pending again. Returns how many it applied; call again while it
 * returns `limit`.
 */
export async function processPendingDeliveryEvents(
  db: Db,
  options: { limit?: number } = {},
): Promise<{ applied: number }> {
  const limit = options.limit ?? 100;
  const policies = new Map<number, BouncePolicy>();
  let applied = 0;
  const noticeIds = new Set<number>();
  while (applied < limit) {
    const done = await db.$transaction(async (tx) => {
      const [claimed] = await tx.$queryRaw<{ id: number; libraryId: number; noticeId: number }[]>`
        SELECT e."id", n."libraryId", e."noticeId"
        FROM "DeliveryEvent" e JOIN "Notice" n ON n."id" = e."noticeId"
        WHERE e."state" = 'pending'
        ORDER BY e."occurredAt", e."id"
        LIMIT 1
        FOR UPDATE OF e SKIP LOCKED`;
      if (!claimed) return false;
      let policy = policies.get(claimed.libraryId);
      if (!policy) {
        policy = await loadBouncePolicy(tx, claimed.libraryId);
        policies.set(claimed.libraryId, policy);
      }
      const outcome = await applyDeliveryEvent(tx, claimed.id, policy);
      await tx.deliveryEvent.update({
        where: { id: claimed.id },
        data: { state: "applied", outcome: outcome as unknown as Prisma.InputJsonValue },
      });
      noticeIds.add(claimed.noticeId);
      return true;
    });
    if (!done) break;
    applied += 1;
  }
  // the statistics of the days these notices were sent on (bounce and complaint rates, letters)
  await refreshNoticeFiguresOfNotices(db, [...noticeIds]).catch((error) =>
    console.error("statistics refresh after delivery events failed", error),
  );
  return { applied };
}
