import "server-only";
import type { Db } from "@/lib/db-client";
import { finishSendRunIfDone } from "./finish-send-run";

export type SweepHandlers = {
  nudgeRun: (runId: number) => Promise<unknown>;
  nudgeBatch: (batchId: number) => Promise<unknown>;
};

/**
 * The database is the truth, the queue's jobs are nudges: every worker runs this every few
 * seconds and hands out again what nobody holds: runs waiting to be prepared whose preparer's
 * lease lapsed (or that were never enqueued), batches whose deliverer's lease lapsed (a dead
 * worker), and ends runs that are done. So a crash delays a run by seconds.
 */
export async function sweepSendRuns(db: Db, handlers: SweepHandlers): Promise<void> {
  const runs = await db.$queryRaw<{ id: number }[]>`
    SELECT id FROM "SendRun"
    WHERE status IN ('queued', 'running') AND "preparedAt" IS NULL
      AND ("prepareUntil" IS NULL OR "prepareUntil" < clock_timestamp())`;
  for (const run of runs) await handlers.nudgeRun(run.id);
  const batches = await db.$queryRaw<{ id: number }[]>`
    SELECT b.id FROM "SendBatch" b JOIN "SendRun" r ON r.id = b."sendRunId"
    WHERE b.status = 'fixed' AND r.status IN ('queued', 'running')
      AND (b."leaseUntil" < clock_timestamp()
           OR (b."leaseUntil" IS NULL AND b."createdAt" < clock_timestamp() - interval '20 seconds'))
    ORDER BY b.id LIMIT 200`;
  for (const batch of batches) await handlers.nudgeBatch(batch.id);
  const done = await db.$queryRaw<{ id: number }[]>`
    SELECT id FROM "SendRun" WHERE status = 'running' AND "preparedAt" IS NOT NULL`;
  for (const run of done) await finishSendRunIfDone(db, run.id);
}
