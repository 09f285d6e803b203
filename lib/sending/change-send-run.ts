import "server-only";
import type { LocalDate } from "@/lib/dates";
import type { DbTx } from "@/lib/db-client";
import { startSendRun } from "./start-send-run";

/** Pauses a working run: no new batch starts; a batch in flight finishes. False when there is nothing to pause. */
export async function pauseSendRun(tx: DbTx, { libraryId, runId }: { libraryId: number; runId: number }) {
  const changed = await tx.$executeRaw`
    UPDATE "SendRun" SET status = 'paused', "pausedAt" = clock_timestamp()
    WHERE id = ${runId} AND "libraryId" = ${libraryId} AND status IN ('queued', 'running')`;
  return changed > 0;
}

/** Resumes a paused run where it stopped; the workers' sweep picks it up within seconds. */
export async function resumeSendRun(tx: DbTx, { libraryId, runId }: { libraryId: number; runId: number }) {
  const changed = await tx.$executeRaw`
    UPDATE "SendRun" SET status = CASE WHEN "startedAt" IS NULL THEN 'queued'::"SendRunStatus" ELSE 'running'::"SendRunStatus" END,
      "pausedAt" = NULL
    WHERE id = ${runId} AND "libraryId" = ${libraryId} AND status = 'paused'`;
  return changed > 0;
}

/**
 * "Send again" for a failed email notice (after staff fixed the address): it waits again, its
 * fallback letter not yet printed is withdrawn, and today's run takes it: the working one
 * (prepared again), or a new one. It goes out in a new batch with a new key. Returns the run.
 */
export async function sendNoticeAgain(
  tx: DbTx,
  input: { libraryId: number; noticeId: number; date: LocalDate; startedById: number; baseUrl: string },
): Promise<{ runId: number; started: boolean } | null> {
  const reset = await tx.$executeRaw`
    UPDATE "Notice" SET status = 'planned', "failureReason" = NULL, "failureCode" = NULL, "sendBatchId" = NULL, "sendRunId" = NULL
    WHERE id = ${input.noticeId} AND "libraryId" = ${input.libraryId} AND status = 'failed' AND channel = 'email'`;
  if (reset === 0) return null;
  await tx.$executeRaw`
    UPDATE "Letter" SET status = 'cancelled'
    WHERE "noticeId" = ${input.noticeId} AND reason = 'no_email' AND status = 'queued' AND "batchId" IS NULL`;
  const run = await startSendRun(tx, {
    libraryId: input.libraryId,
    date: input.date,
    trigger: "staff",
    startedById: input.startedById,
    baseUrl: input.baseUrl,
  });
  if (!run.started) {
    await tx.$executeRaw`
      UPDATE "SendRun" SET "preparedAt" = NULL WHERE id = ${run.runId} AND status IN ('queued', 'running', 'paused')`;
  }
  return run;
}
