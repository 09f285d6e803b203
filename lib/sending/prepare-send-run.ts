import "server-only";
import { fromDbDate } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import { planNotices } from "@/lib/planning/plan-notices";
import { renderPlannedNotices } from "@/lib/rendering/render-planned-notices";
import { finishSendRunIfDone } from "./finish-send-run";
import { fixBatch, MAX_BATCH_EMAILS } from "./fix-batch";
import { timed } from "./send-timings";
import { senderOf } from "./sender";

export type PrepareSendRunOptions = {
  runId: number;
  workerId: string;
  /** called after each batch is fixed (and committed): hand it to the delivery workers */
  onBatchFixed: (batchId: number) => Promise<unknown>;
  leaseMs?: number;
};

export type PrepareOutcome = "prepared" | "skipped" | "paused";

/**
 * Plan -> render -> fix for one run, by one worker at a time (a lease renewed by a heartbeat;
 * a dead worker's run is taken over when it lapses). Every step is safe to repeat: planning
 * writes nothing twice, a rendered notice is never rendered again, a fixed notice is never
 * fixed again. Batches are fixed 100 emails at a time and handed to delivery at once, so
 * sending starts while the rest is still being rendered.
 */
export async function prepareSendRun(db: Db, options: PrepareSendRunOptions): Promise<PrepareOutcome> {
  const { runId, workerId } = options;
  const leaseMs = options.leaseMs ?? 10_000;
  const claimed = await db.$queryRaw<{ libraryId: number; planDate: Date; baseUrl: string | null }[]>`
    UPDATE "SendRun" SET "prepareOwner" = ${workerId},
      "prepareUntil" = clock_timestamp() + ${leaseMs} * interval '1 millisecond',
      status = 'running', "startedAt" = coalesce("startedAt", clock_timestamp())
    WHERE id = ${runId} AND status IN ('queued', 'running') AND "preparedAt" IS NULL
      AND ("prepareUntil" IS NULL OR "prepareUntil" < clock_timestamp() OR "prepareOwner" = ${workerId})
    RETURNING "libraryId", "planDate", "baseUrl"`;
  if (claimed.length === 0) return "skipped";
  const { libraryId } = claimed[0];
  const date = fromDbDate(claimed[0].planDate);
  const baseUrl = claimed[0].baseUrl ?? "http://localhost:3000";
  const heartbeat = setInterval(
    () => {
      db.$executeRaw`
        UPDATE "SendRun" SET "prepareUntil" = clock_timestamp() + ${leaseMs} * interval '1 millisecond'
        WHERE id = ${runId} AND "prepareOwner" = ${workerId}`.catch(() => undefined);
    },
    Math.max(200, Math.floor(leaseMs / 3)),
  );
  try {
    // Batches an earlier run tried but never had confirmed: this run finishes them, same key.
    const adopted = await db.$queryRaw<{ id: number }[]>`
      UPDATE "SendBatch" b SET "sendRunId" = ${runId}
      FROM "SendRun" r
      WHERE r.id = b."sendRunId" AND b."libraryId" = ${libraryId} AND b.status = 'fixed'
        AND r.id <> ${runId} AND r.status IN ('succeeded', 'failed', 'cancelled')
      RETURNING b.id`;
    for (const { id } of adopted) await options.onBatchFixed(id);

    await timed("plan", () => planNotices(db, { libraryId, date }));
    // This run takes every notice still waiting: today's, and what an earlier run left.
    await db.$executeRaw`
      UPDATE "Notice" SET "sendRunId" = ${runId}
      WHERE "libraryId" = ${libraryId} AND "planDate" <= ${date}::date
        AND ((channel = 'email' AND status = 'planned' AND "sendBatchId" IS NULL)
          OR (channel <> 'email' AND status = 'planned' AND "sendRunId" IS NULL))`;
    const library = await db.library.findUniqueOrThrow({ where: { id: libraryId } });
    const sender = senderOf(library);

    for (;;) {
      const state = await db.sendRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true } });
      if (state.status === "paused") return "paused";
      if (state.status !== "running") return "skipped";
      const next = await db.notice.findMany({
        where: { sendRunId: runId, channel: "email", status: "planned", sendBatchId: null },
        orderBy: { id: "asc" },
        take: MAX_BATCH_EMAILS,
        select: { id: true },
      });
      if (next.length === 0) break;
      const noticeIds = next.map((n) => n.id);
      await timed("render", () => renderEach(db, { libraryId, baseUrl, noticeIds }));
      const fixed = await timed("fix", () =>
        db.$transaction((tx) => fixBatch(tx, { runId, libraryId, noticeIds, sender }), { timeout: 60_000 }),
      );
      const batchId = fixed.batchId;
      if (batchId !== null) await timed("enqueue", () => options.onBatchFixed(batchId));
    }
    await db.$executeRaw`
      UPDATE "SendRun" SET "preparedAt" = clock_timestamp(), "prepareOwner" = NULL, "prepareUntil" = NULL
      WHERE id = ${runId} AND "prepareOwner" = ${workerId}`;
    await finishSendRunIfDone(db, runId);
    return "prepared";
  } finally {
    clearInterval(heartbeat);
    await db.$executeRaw`
      UPDATE "SendRun" SET "prepareOwner" = NULL, "prepareUntil" = NULL
      WHERE id = ${runId} AND "prepareOwner" = ${workerId} AND "preparedAt" IS NULL`.catch(() => undefined);
  }
}

/**
 * Renders the notices not rendered yet; when the batch fails as a whole, one by one, so a
 * notice whose content cannot be rendered fails alone (fixBatch marks it failed with a reason).
 */
async function renderEach(
  db: Db,
  { libraryId, baseUrl, noticeIds }: { libraryId: number; baseUrl: string; noticeIds: number[] },
): Promise<void> {
  try {
    await renderPlannedNotices(db, { libraryId, baseUrl, noticeIds });
  } catch {
    for (const id of noticeIds) {
      await renderPlannedNotices(db, { libraryId, baseUrl, noticeIds: [id] }).catch(() => undefined);
    }
  }
}
