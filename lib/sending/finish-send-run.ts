import "server-only";
import { addDays, fromDbDate } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import { refreshNoticeFigures, SEND_RUN_REFRESH_DAYS } from "@/lib/statistics/refresh-notice-figures";
import { settleRunCounts } from "./stop-send-run";

/**
 * Ends a run whose preparation is done and whose every batch has an answer (confirmed, failed,
 * or left for a librarian's review). Returns true when this call ended it.
 */
export async function finishSendRunIfDone(db: Db, runId: number): Promise<boolean> {
  // ended and counted at once: nobody sees a succeeded run without its final counts
  const finished = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ libraryId: number; planDate: Date }[]>`
      UPDATE "SendRun" r SET status = 'succeeded', "finishedAt" = clock_timestamp(), "activeSlot" = NULL
      WHERE r.id = ${runId} AND r.status = 'running' AND r."preparedAt" IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "SendBatch" b WHERE b."sendRunId" = r.id AND b.status = 'fixed')
      RETURNING r."libraryId", r."planDate"`;
    if (row) await settleRunCounts(tx, runId);
    return row;
  }, TRANSACTION_WAITS);
  if (!finished) return false;
  // the statistics of this day, and of the days before whose returns and letters still settle
  const day = fromDbDate(finished.planDate);
  await refreshNoticeFigures(db, {
    libraryId: finished.libraryId,
    from: addDays(day, -SEND_RUN_REFRESH_DAYS),
    to: day,
  }).catch((error) => console.error("statistics refresh after send run failed", error)); // the run itself succeeded
  return true;
}

/** Under load the transaction may wait a while for a connection: far better than failing. */
const TRANSACTION_WAITS = { maxWait: 30_000, timeout: 60_000 };
