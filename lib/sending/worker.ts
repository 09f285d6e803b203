import "server-only";
import { hostname } from "node:os";
import { inspect } from "node:util";
import type { Db } from "@/lib/db-client";
import type { ResendClient } from "@/lib/delivery/resend-client";
import type { RetryOptions } from "@/lib/delivery/with-retry";
import { enqueueDuePickups, registerImportJob } from "@/lib/import/import-job";
import { deliverBatch } from "./deliver-batch";
import { sweepFeedback } from "./feedback-sweep";
import { prepareSendRun, type Render } from "./prepare-send-run";
import { enqueue, registerJob, startJobWorkers, stopJobWorkers } from "./queue";
import { runScheduledSends } from "./run-scheduled-sends";
import { sweepSendRuns } from "./sweep-send-runs";

export const SEND_JOBS = { prepare: "send-run-prepare", deliver: "send-run-deliver" } as const;

/** Hands a run to the workers (after the transaction that created it committed). */
export const nudgeSendRun = (runId: number) =>
  enqueue(SEND_JOBS.prepare, { runId }, { singletonKey: `run-${runId}` });
/** Hands a fixed batch to the delivery workers. */
export const nudgeBatch = (batchId: number) =>
  enqueue(SEND_JOBS.deliver, { batchId }, { singletonKey: `batch-${batchId}` });

export type SendingWorkerOptions = {
  db: Db;
  client: ResendClient;
  workerId?: string;
  /** claims (run preparation, batch delivery) lapse after this without a heartbeat (default 10 s) */
  leaseMs?: number;
  sweepEveryMs?: number;
  /** batches this process delivers at once (they all wait for the shared rate limit) */
  deliverConcurrency?: number;
  retry?: RetryOptions;
  timeoutMs?: number;
  /** how often pending webhook events are applied (default 30 s) */
  feedbackEveryMs?: number;
  /** the daily schedule: checked every minute; off in tests */
  schedule?: { baseUrl: string } | false;
  /** how often the libraries' import pickup times are checked (default every minute) */
  pickupEveryMs?: number;
  /**
   * how notices are rendered (default: renderPlannedNotices in this thread). `npm run worker`
   * renders on a thread of its own (lib/rendering/render-thread.ts), so that rendering does not
   * hold up delivery's requests.
   */
  render?: Render;
  /** the URL of `db`, for the imports' own connections (default DATABASE_URL; lib/import/import-job.ts) */
  importDatabaseUrl?: string;
  log?: (message: string) => void;
};

/**
 * The send-run worker: prepares runs (plan, render, fix batches) and delivers batches as
 * pg-boss jobs, sweeps for work nobody holds, starts the daily scheduled runs and the
 * libraries' import pickups (lib/import/run-pickup.ts). Runs
 * inside the demo's server and as `npm run worker`; any number of them share the work.
 * Other job handlers registered with `registerJob` before this starts run here too.
 */
export async function startSendingWorker(options: SendingWorkerOptions): Promise<{ stop(): Promise<void> }> {
  const { db, client } = options;
  const workerId =
    options.workerId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const leaseMs = options.leaseMs ?? 10_000;
  const log = options.log ?? (() => undefined);
  const { render } = options;

  registerJob<{ runId: number }>(
    SEND_JOBS.prepare,
    async ({ runId }) => {
      try {
        const outcome = await prepareSendRun(db, {
          runId,
          workerId,
          leaseMs,
          onBatchFixed: nudgeBatch,
          render,
        });
        log(`run ${runId}: ${outcome}`);
      } catch (error) {
        log(`run ${runId}: preparing failed, to be retried: ${errorText(error)}`);
        throw error;
      }
    },
    { policy: "short", concurrency: 1, expireInSeconds: 3600, retryLimit: 3 },
  );
  registerJob<{ batchId: number }>(
    SEND_JOBS.deliver,
    async ({ batchId }) => {
      try {
        const result = await deliverBatch(db, {
          batchId,
          workerId,
          client,
          leaseMs,
          retry: options.retry,
          timeoutMs: options.timeoutMs,
        });
        if (result.outcome !== "skipped") log(`batch ${batchId}: ${result.outcome}`);
      } catch (error) {
        // the job is retried (its batch keeps its key); said here, or the delay has no cause to see
        log(`batch ${batchId}: delivering failed, to be retried: ${errorText(error)}`);
        throw error;
      }
    },
    {
      policy: "short",
      concurrency: options.deliverConcurrency ?? 4,
      expireInSeconds: 600,
      retryLimit: 2,
      pollingIntervalSeconds: 0.5,
    },
  );
  // imports (lib/import) share the queue and its workers
  registerImportJob(db, options.importDatabaseUrl);
  await startJobWorkers();

  let stopped = false;
  // what the timers below run, awaited by stop(): nothing of this worker touches the database after
  const inFlight = new Set<Promise<void>>();
  const track = (work: () => Promise<void>) => () => {
    if (stopped) return;
    const running = work().finally(() => inFlight.delete(running));
    inFlight.add(running);
    return running;
  };
  const sweep = track(async () => {
    try {
      await sweepSendRuns(db, { nudgeRun: nudgeSendRun, nudgeBatch });
    } catch (error) {
      if (!stopped) log(`sweep failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  await sweep();
  const sweepTimer = setInterval(sweep, options.sweepEveryMs ?? 2_000);
  const schedule = options.schedule;
  const tick = track(async () => {
    if (!schedule) return;
    try {
      for (const runId of await runScheduledSends(db, { baseUrl: schedule.baseUrl })) {
        log(`scheduled run ${runId} started`);
        await nudgeSendRun(runId);
      }
    } catch (error) {
      log(`schedule failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  await tick();
  const scheduleTimer = schedule ? setInterval(tick, 60_000) : undefined;
  // feedback: pending webhook events every 30 s, silent notices -> letters every 10 minutes
  let feedbackRounds = 0;
  const feedback = track(async () => {
    try {
      const { applied, letters } = await sweepFeedback(db, { silentFallback: feedbackRounds++ % 20 === 0 });
      if (applied || letters)
        log(`feedback: ${applied} events applied, ${letters} silent notices became letters`);
    } catch (error) {
      if (!stopped) log(`feedback sweep failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  const feedbackTimer = setInterval(feedback, options.feedbackEveryMs ?? 30_000);
  // import pickups (lib/import/run-pickup.ts): a library's folder once a day at its time
  const pickups = track(async () => {
    try {
      for (const libraryId of await enqueueDuePickups(db))
        log(`import pickup of library ${libraryId} queued`);
    } catch (error) {
      if (!stopped) log(`pickup check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  await pickups();
  const pickupTimer = setInterval(pickups, options.pickupEveryMs ?? 60_000);
  return {
    async stop() {
      stopped = true;
      clearInterval(sweepTimer);
      clearInterval(feedbackTimer);
      clearInterval(pickupTimer);
      if (scheduleTimer) clearInterval(scheduleTimer);
      await Promise.all(inFlight);
      await stopJobWorkers();
    },
  };
}

/** An error's message, or an error without one (some driver errors) whole: its name, code and cause. */
function errorText(error: unknown): string {
  return error instanceof Error && error.message ? error.message : inspect(error, { depth: 3 });
}
