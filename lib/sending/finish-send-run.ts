import "server-only";
import type { Db } from "@/lib/db-client";
import { settleRunCounts } from "./stop-send-run";

/**
 * Ends a run whose preparation is done and whose every batch has an answer (confirmed, failed,
 * or left for a librarian's review). Returns true when this call ended it.
 */
export async function finishSendRunIfDone(db: Db, runId: number): Promise<boolean> {
  const finished = await db.$executeRaw`
    UPDATE "SendRun" r SET status = 'succeeded', "finishedAt" = clock_timestamp(), "activeSlot" = NULL
    WHERE r.id = ${runId} AND r.status = 'running' AND r."preparedAt" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "SendBatch" b WHERE b."sendRunId" = r.id AND b.status = 'fixed')`;
  if (finished > 0) await settleRunCounts(db, runId);
  return finished > 0;
}
