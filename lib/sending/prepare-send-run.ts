import "server-only";
import { fromDbDate } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import { type PatronSlice, planNotices } from "@/lib/planning/plan-notices";
import {
  type RenderPlannedNoticesOptions,
  type RenderPlannedNoticesResult,
  renderPlannedNotices,
} from "@/lib/rendering/render-planned-notices";
import { RenderThreadError } from "@/lib/rendering/render-thread-error";
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
  /** renders notices (default: renderPlannedNotices in this thread; the worker may use a render thread) */
  render?: Render;
};

export type Render = (options: RenderPlannedNoticesOptions) => Promise<RenderPlannedNoticesResult>;

export type PrepareOutcome = "prepared" | "skipped" | "paused";

/**
 * Plan -> render -> fix for one run, by one worker at a time (a lease renewed by a heartbeat;
 * a dead worker's run is taken over when it lapses). Every step is safe to repeat: planning
 * writes nothing twice, a rendered notice is never rendered again, a fixed notice is never
 * fixed again. The patrons are planned in slices and each slice rendered in steps of up to
 * 1,000, beginning small; batches are fixed 100 emails at a time beside the rendering of the
 * next step and handed to delivery at once, so sending starts within a moment and goes on
 * while the rest is planned and rendered.
 */
export async function prepareSendRun(db: Db, options: PrepareSendRunOptions): Promise<PrepareOutcome> {
  const { runId, workerId } = options;
  const render: Render = options.render ?? ((renderOptions) => renderPlannedNotices(db, renderOptions));
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

    const library = await db.library.findUniqueOrThrow({ where: { id: libraryId } });
    const sender = senderOf(library);
    // Fixing (one transaction per 100, a few at once on their own connections) runs beside
    // the rendering of the next step.
    const toFix: number[][] = [];
    const fixers: Promise<void>[] = [];
    let fixFailed: unknown = null;
    const fixNext = async () => {
      for (let batchIds = toFix.shift(); batchIds && fixFailed === null; batchIds = toFix.shift()) {
        const noticeIds = batchIds;
        try {
          const fixed = await timed("fix", () =>
            db.$transaction((tx) => fixBatch(tx, { runId, libraryId, noticeIds, sender }), {
              maxWait: 30_000,
              timeout: 60_000,
            }),
          );
          const batchId = fixed.batchId;
          if (batchId !== null) await timed("enqueue", () => options.onBatchFixed(batchId));
        } catch (error) {
          fixFailed = error;
        }
      }
    };
    // Rendered, not fixed yet: only full batches are fixed until the end, so that a slice or
    // step ending part way does not cost a request of its own.
    const rendered: number[] = [];
    const fixRendered = (all: boolean) => {
      while (rendered.length >= MAX_BATCH_EMAILS || (all && rendered.length > 0))
        toFix.push(rendered.splice(0, MAX_BATCH_EMAILS));
      for (let i = 0; i < fixers.length; i++) fixers[i] = fixers[i].then(fixNext);
      while (fixers.length < FIXERS) fixers.push(fixNext());
    };
    const rendering: Promise<void>[] = [];
    let step = 0;
    // notices are numbered as they are planned: each slice's come after the last one's
    let afterId = 0;
    // Each slice is planned while the one before it renders: rendering never waits for a plan.
    const slices = await patronSlices(db, libraryId);
    const plan = (patrons: PatronSlice) =>
      timed("plan", () => planNotices(db, { libraryId, date, patrons })).then(() => undefined);
    let planning: Promise<void> | null = slices.length > 0 ? plan(slices[0]) : null;
    for (let i = 0; i < slices.length; i++) {
      await planning;
      planning = null;
      if ((await runStatus(db, runId)) !== "running") break;
      // This run takes every notice still waiting: today's, and what an earlier run left. Not
      // the ones it has already: those are being rendered and fixed now (locked), and writing
      // them again would wait for those transactions.
      await db.$executeRaw`
        UPDATE "Notice" SET "sendRunId" = ${runId}
        WHERE "libraryId" = ${libraryId} AND "planDate" <= ${date}::date AND status = 'planned'
          AND ((channel = 'email' AND "sendBatchId" IS NULL AND "sendRunId" IS DISTINCT FROM ${runId})
            OR (channel <> 'email' AND "sendRunId" IS NULL))`;
      if (i + 1 < slices.length) {
        planning = plan(slices[i + 1]);
        // awaited at the top of the loop, or below when the loop ends early
        planning.catch(() => undefined);
      }
      for (;;) {
        if (fixFailed !== null) throw fixFailed;
        if ((await runStatus(db, runId)) !== "running") break;
        const next = await db.notice.findMany({
          where: {
            sendRunId: runId,
            channel: "email",
            status: "planned",
            sendBatchId: null,
            id: { gt: afterId },
          },
          orderBy: { id: "asc" },
          take: RENDER_STEPS[Math.min(step, RENDER_STEPS.length - 1)],
          select: { id: true },
        });
        if (next.length === 0) break;
        step++;
        const noticeIds = next.map((n) => n.id);
        afterId = noticeIds[noticeIds.length - 1];
        // two steps render at once: each waits on the database for much of its time
        const renderStep = timed("render", () => renderEach(render, { libraryId, baseUrl, noticeIds })).then(
          () => {
            rendered.push(...noticeIds);
            fixRendered(false);
          },
        );
        // its failure is awaited below (or the preparation already failed): not unhandled meanwhile
        renderStep.catch(() => undefined);
        rendering.push(renderStep);
        // the first step renders alone: its batch is the run's first request
        if (rendering.length >= (step === 1 ? 1 : RENDERERS)) await rendering.shift();
      }
    }
    await planning;
    await Promise.all(rendering.splice(0));
    if ((await runStatus(db, runId)) === "running") fixRendered(true);
    await Promise.all(fixers);
    if (fixFailed !== null) throw fixFailed;
    const status = await runStatus(db, runId);
    if (status === "paused") return "paused";
    if (status !== "running") return "skipped";
    // Anything left unbatched (a step cut short): the next preparation takes it.
    const left = await db.notice.count({
      where: { sendRunId: runId, channel: "email", status: "planned", sendBatchId: null },
    });
    if (left > 0) return "skipped";
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
 * Emails rendered per step: a small first step, so that sending starts at once, then larger
 * ones, whose fixed costs (a few queries each) spread over more emails.
 */
const RENDER_STEPS = [100, 100, 200, 200, 400, 400, 1000];
/** steps rendered at once */
const RENDERERS = 2;
/** batches fixed at once (each a transaction on a connection of its own) */
const FIXERS = 3;

/**
 * The library's patrons in slices by id, to plan one at a time: a small first slice, so that
 * its emails go out while the others are planned, then larger ones (fractions of the id range),
 * none over MAX_SLICE_IDS ids. Planning a slice holds this process's event loop for a while
 * (its rows are read, decided and written in one go), and delivery's turns wait meanwhile:
 * measured in the send bench, a slice of 14,000 patrons held it 322 ms at once, and the
 * requests due then went out late, each costing its place in the provider's window.
 */
const SLICE_FRACTIONS = [0.01, 0.03, 0.08];
export const MAX_SLICE_IDS = 2_000;

async function patronSlices(db: Db, libraryId: number): Promise<PatronSlice[]> {
  const [range] = await db.$queryRaw<{ low: number | null; high: number | null }[]>`
    SELECT min(id) AS low, max(id) AS high FROM "Patron" WHERE "libraryId" = ${libraryId}`;
  if (range?.low == null || range.high == null) return [];
  return sliceIds(range.low, range.high);
}

/** Slices `{ fromId, toId }` (to exclusive) that cover low..high in order, as patronSlices says. */
export function sliceIds(low: number, high: number): PatronSlice[] {
  const slices: PatronSlice[] = [];
  const span = high + 1 - low;
  let fromId = low;
  for (let i = 0; fromId <= high; i++) {
    const size = Math.min(MAX_SLICE_IDS, Math.max(1, Math.ceil(span * (SLICE_FRACTIONS[i] ?? 1))));
    const toId = Math.min(high + 1, fromId + size);
    slices.push({ fromId, toId });
    fromId = toId;
  }
  return slices;
}

async function runStatus(db: Db, runId: number): Promise<string> {
  const run = await db.sendRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true } });
  return run.status;
}

/**
 * Renders the notices not rendered yet; when the batch fails as a whole, one by one, so a
 * notice whose content cannot be rendered fails alone (fixBatch marks it failed with a reason).
 */
async function renderEach(
  render: Render,
  { libraryId, baseUrl, noticeIds }: { libraryId: number; baseUrl: string; noticeIds: number[] },
): Promise<void> {
  try {
    await render({ libraryId, baseUrl, noticeIds, batchSize: noticeIds.length });
  } catch (error) {
    // the database, not a notice: the preparation stops and is taken up again
    if (isDatabaseError(error)) throw error;
    for (const id of noticeIds) {
      await render({ libraryId, baseUrl, noticeIds: [id] }).catch((single: unknown) => {
        if (isDatabaseError(single)) throw single;
      });
    }
  }
}

/**
 * An error of the database or the connection to it (Prisma's, or pg's with a SQLSTATE), or of
 * the render thread itself: not of a notice.
 */
function isDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name.startsWith("PrismaClient") || error.name === "DriverAdapterError") return true;
  if (error instanceof RenderThreadError) return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && (/^[0-9A-Z]{5}$/.test(code) || code.startsWith("ECONN"));
}
