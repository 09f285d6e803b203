import "server-only";
import type { Db, DbTx } from "@/lib/db-client";
import type { RunStop } from "./describe-failure";

/**
 * Stops a run for good with the reason (quota, API key, network): it is marked failed, its
 * batches never tried are dissolved (their notices wait, unbatched, for the next run), and
 * batches tried but never confirmed keep their key for the next run to finish.
 */
export async function stopSendRun(db: Db, runId: number, stop: RunStop): Promise<void> {
  await db.$transaction((tx) => stopSendRunIn(tx, runId, stop));
  await settleRunCounts(db, runId);
}

/** The same inside the caller's transaction (so nothing can end the run in between); settle counts after. */
export async function stopSendRunIn(tx: DbTx, runId: number, stop: RunStop): Promise<void> {
  {
    const stopped = await tx.$executeRaw`
      UPDATE "SendRun" SET status = 'failed', "errorCode" = ${stop.code}, error = ${stop.message},
        "finishedAt" = clock_timestamp(), "activeSlot" = NULL, "prepareOwner" = NULL, "prepareUntil" = NULL
      WHERE id = ${runId} AND status IN ('queued', 'running', 'paused')`;
    if (stopped === 0) return;
    const dissolved = await tx.$queryRaw<{ id: number }[]>`
      UPDATE "SendBatch" SET status = 'failed', "lastError" = 'not sent: the run stopped before this batch'
      WHERE "sendRunId" = ${runId} AND status = 'fixed' AND "firstAttemptAt" IS NULL
      RETURNING id`;
    if (dissolved.length > 0) {
      await tx.$executeRaw`
        UPDATE "Notice" SET status = 'planned', "sendBatchId" = NULL
        WHERE "sendBatchId" = ANY(${dissolved.map((b) => b.id)}::int[]) AND status = 'queued'`;
    }
  }
}

/** Writes the run's counts from its notices: what the history shows after the run. */
export async function settleRunCounts(db: Db | DbTx, runId: number): Promise<void> {
  await db.$executeRaw`
    UPDATE "SendRun" r SET
      planned = c.planned, sent = c.sent, failed = c.failed, letters = c.letters
    FROM (
      SELECT count(*) FILTER (WHERE n.status <> 'cancelled')::int AS planned,
             count(*) FILTER (WHERE n."providerId" IS NOT NULL)::int AS sent,
             count(*) FILTER (WHERE n.status = 'failed')::int AS failed,
             (SELECT count(*) FROM "Letter" l JOIN "Notice" m ON m.id = l."noticeId"
               WHERE m."sendRunId" = ${runId} AND l.status <> 'cancelled')::int AS letters
      FROM "Notice" n WHERE n."sendRunId" = ${runId}
    ) c
    WHERE r.id = ${runId}`;
}
