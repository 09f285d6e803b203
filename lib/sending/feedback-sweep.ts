import "server-only";
import type { Db } from "@/lib/db-client";
import { loadBouncePolicy } from "@/lib/feedback/bounce-policy";
import { fallBackSilentNotices } from "@/lib/feedback/fall-back-silent-notices";
import { processPendingDeliveryEvents } from "@/lib/feedback/process-pending-delivery-events";

const BATCH = 100;

/**
 * The worker's share of the feedback step: webhook events the route stored but could not
 * apply at once (its after() fast path failed or the process stopped) are applied here, and
 * overdue notices that heard nothing back within the library's hours become letters. Both are
 * idempotent and safe beside other workers (SKIP LOCKED, unique letter per notice and reason).
 */
export async function sweepFeedback(
  db: Db,
  options: { silentFallback: boolean },
): Promise<{
  applied: number;
  letters: number;
}> {
  let applied = 0;
  for (;;) {
    const round = await processPendingDeliveryEvents(db, { limit: BATCH });
    applied += round.applied;
    if (round.applied < BATCH) break;
  }
  let letters = 0;
  if (options.silentFallback) {
    const libraries = await db.library.findMany({ select: { id: true } });
    for (const { id } of libraries) {
      const policy = await loadBouncePolicy(db, id);
      letters += (await fallBackSilentNotices(db, { libraryId: id, policy })).letters;
    }
  }
  return { applied, letters };
}
