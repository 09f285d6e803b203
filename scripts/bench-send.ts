import { readFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createDbClient, type Db } from "@/lib/db-client";
import { WINDOW_MARGIN_MS } from "@/lib/delivery/request-window";
import { startResendThread } from "@/lib/delivery/resend-thread";
import { startRenderThread } from "@/lib/rendering/render-thread";
import { configureQueue, stopQueue } from "@/lib/sending/queue";
import { createDbGrants } from "@/lib/sending/rate-bucket";
import { resetSendTimings, sendTimings } from "@/lib/sending/send-timings";
import { startSendRun } from "@/lib/sending/start-send-run";
import { nudgeSendRun, startSendingWorker } from "@/lib/sending/worker";
import { startFakeResendProcess } from "@/scripts/fake-resend/fake-resend-process";
import { createOverdueLibrary } from "@/test/test-library";
import { createTestDatabase } from "./lib/test-database";

export type SendBench = {
  emails: number;
  seconds: number;
  limitPerSecond: number;
  emailsPerSecond: number;
  /** achieved rate / the provider's limit (100 emails a request) */
  fractionOfLimit: number;
  /** seconds from the start to the first and to the last batch request the fake accepted */
  firstAcceptedAt: number;
  lastAcceptedAt: number;
  /** seconds from the start until every batch was fixed (plan, render, fix all done) */
  preparedAt: number;
  /** seconds from the start until the first batch was fixed */
  firstFixedAt: number;
  /**
   * seconds between the first and the last accepted request lost to gaps longer than the
   * limiter's spacing: while no fixed batch waited (preparation behind), and while one did
   * (delivery's own delays: a busy event loop, a slow claim)
   */
  idleStarved: number;
  idleWithWork: number;
  /** emails fixed and accepted by 5, 10, 15 ... s */
  timeline: { at: number; fixed: number; accepted: number }[];
  /** emails rendered per second of the render step */
  renderedPerSecond: number;
  requests: number;
  rateLimited: number;
  /** CPU seconds of the worker process (plan, render, fix, deliver; the fake runs apart) */
  workerCpuSeconds: number;
  /** CPU seconds of the fake Resend's process */
  fakeCpuSeconds: number;
  /** CPU seconds of the PostgreSQL backends serving the run (null: /proc not readable) */
  postgresCpuSeconds: number | null;
  steps: { step: string; ms: number; count: number }[];
  /** how late the worker's event loop ran timers (ms): what a token's holder may lose */
  eventLoopDelay: { mean: number; p99: number; max: number };
  /** the machine's load average (1 minute) before and after */
  loadBefore: number;
  loadAfter: number;
};

/**
 * A whole send run, end to end (plan, render, fix, deliver), of `emails` overdue notices
 * through the local fake of Resend (in a process of its own) with its rate limit at `limit`
 * requests a second, on a scratch database beside DATABASE_URL's. The clock runs from the
 * start of the run to its end.
 */
export async function benchSend({ emails = 20_000, limit = 5 } = {}): Promise<SendBench> {
  const database = await createTestDatabase("bench_send");
  const db = createDbClient(database.url, 8);
  const fake = await startFakeResendProcess({ rateLimitPerSecond: limit, latencyMs: 40 });
  configureQueue({ connectionString: database.url });
  const date = "2026-03-10";
  let worker: { stop(): Promise<void> } | undefined;
  let batchConfirmed = () => {};
  const renderThread = startRenderThread(database.url);
  // at the limit, as the app is set (sending-client.ts): the limiter keeps its own margin; as
  // npm run worker sends, on a thread of its own (started now, as the render thread: both load
  // while the library is made)
  const client = startResendThread({
    apiKey: "re_bench",
    baseUrl: fake.url,
    from: "unused <unused@example.org>",
    perSecond: limit,
    grants: createDbGrants(db, { perSecond: limit }),
  });
  try {
    const t = await createOverdueLibrary(db, { patrons: emails, date });
    // as after an import (which ends with VACUUM ANALYZE): the planner's plans need statistics
    await db.$executeRawUnsafe(`VACUUM ANALYZE "Patron", "Loan", "Item"`);
    worker = await startSendingWorker({
      db,
      client,
      schedule: false,
      deliverConcurrency: 6,
      // as npm run worker renders: on a thread of its own
      render: renderThread.render,
      // what goes wrong is printed; a confirmed batch is not, but wakes the wait for the run's end
      log: (message) => {
        if (/^batch \d+: confirmed$/.test(message)) batchConfirmed();
        else console.log(`  worker: ${message}`);
      },
    });
    resetSendTimings();
    const loadBefore = loadavg()[0];
    const fakeBefore = await fake.stats();
    const postgresBefore = await postgresCpu(db);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const cpuBefore = process.cpuUsage();
    const startedAt = Date.now();
    const started = performance.now();
    const { runId } = await startSendRun(db, {
      libraryId: t.library.id,
      date,
      trigger: "staff",
      baseUrl: "https://rappel.example.be",
    });
    await nudgeSendRun(runId);
    for (;;) {
      const run = await db.sendRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true } });
      if (run.status === "succeeded" || run.status === "failed") break;
      // The run ends with its last batch, which the worker logs after: looked at after each
      // batch (the clock stops within a few ms of the end), and every 250 ms. Polling every 20
      // ms, as before, cost this process (the worker's) a query and its compilation each time.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 250);
        batchConfirmed = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    const seconds = (performance.now() - started) / 1000;
    loop.disable();
    const cpu = process.cpuUsage(cpuBefore);
    const postgresAfter = await postgresCpu(db);
    const stats = await fake.stats();
    const run = await db.sendRun.findUniqueOrThrow({ where: { id: runId } });
    if (stats.accepted !== emails)
      throw new Error(`the fake accepted ${stats.accepted} emails, not ${emails}`);
    if (stats.distinctNotices !== emails) throw new Error("a notice was accepted twice");
    const accepted = stats.batchRequests.filter((r) => r.status === 200).map((r) => r.at);
    const steps = sendTimings();
    const batches = await db.sendBatch.findMany({
      where: { sendRunId: runId },
      select: { createdAt: true, noticeIds: true },
    });
    const fixedAt = batches.map((b) => b.createdAt.getTime()).sort((a, b) => a - b);
    const emailsFixedBy = (t: number) =>
      batches.reduce((sum, b) => sum + (b.createdAt.getTime() <= t ? b.noticeIds.length : 0), 0);
    const acceptedRequests = stats.batchRequests.filter((r) => r.status === 200).map((r) => r.at);
    acceptedRequests.sort((a, b) => a - b);
    // the limiter's own: n requests a window of 1 s and its margin
    const spacing = (1000 + WINDOW_MARGIN_MS) / limit;
    let idleStarved = 0;
    let idleWithWork = 0;
    for (let i = 1; i < acceptedRequests.length; i++) {
      const idle = acceptedRequests[i] - acceptedRequests[i - 1] - spacing;
      if (idle <= 0) continue;
      // a batch was waiting when the token came: fixed, and not among the i accepted so far
      const due = acceptedRequests[i - 1] + spacing;
      if (fixedAt.filter((t) => t <= due).length > i) idleWithWork += idle;
      else idleStarved += idle;
    }
    const timeline: SendBench["timeline"] = [];
    for (let at = 5; at < seconds + 5; at += 5) {
      const t = startedAt + at * 1000;
      timeline.push({
        at,
        fixed: emailsFixedBy(t),
        accepted: acceptedRequests.filter((r) => r <= t).length * 100,
      });
    }
    const render = steps.find((s) => s.step === "render");
    const emailsPerSecond = stats.accepted / seconds;
    const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
    return {
      emails: stats.accepted,
      seconds: round(seconds),
      limitPerSecond: limit,
      emailsPerSecond: Math.round(emailsPerSecond),
      fractionOfLimit: round(emailsPerSecond / (limit * 100), 3),
      firstAcceptedAt: round((Math.min(...accepted) - startedAt) / 1000),
      lastAcceptedAt: round((Math.max(...accepted) - startedAt) / 1000),
      preparedAt: round(((run.preparedAt?.getTime() ?? Number.NaN) - startedAt) / 1000),
      firstFixedAt: round((fixedAt[0] - startedAt) / 1000),
      idleStarved: round(idleStarved / 1000),
      idleWithWork: round(idleWithWork / 1000),
      timeline,
      renderedPerSecond: render ? Math.round(emails / (render.ms / 1000)) : 0,
      requests: stats.batchRequests.length,
      rateLimited: stats.batchRequests.filter((r) => r.status === 429).length,
      workerCpuSeconds: round((cpu.user + cpu.system) / 1e6),
      fakeCpuSeconds: round(stats.cpuSeconds - fakeBefore.cpuSeconds),
      postgresCpuSeconds:
        postgresBefore && postgresAfter ? round(cpuDifference(postgresBefore, postgresAfter)) : null,
      steps,
      eventLoopDelay: {
        mean: round(loop.mean / 1e6),
        p99: round(loop.percentile(99) / 1e6),
        max: round(loop.max / 1e6),
      },
      loadBefore: round(loadBefore, 2),
      loadAfter: round(loadavg()[0], 2),
    };
  } finally {
    await worker?.stop();
    await client.close();
    await renderThread.close();
    await stopQueue();
    await fake.stop();
    await db.$disconnect();
    await database.drop();
  }
}

/** CPU seconds so far of each PostgreSQL backend connected to this database (Linux /proc). */
async function postgresCpu(db: Db): Promise<Map<number, number> | null> {
  const backends = await db.$queryRaw<{ pid: number }[]>`
    SELECT pid FROM pg_stat_activity WHERE datname = current_database()`;
  const ticksPerSecond = 100;
  const cpu = new Map<number, number>();
  try {
    for (const { pid } of backends) {
      const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
      if (!stat) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / ticksPerSecond);
    }
  } catch {
    return null;
  }
  return cpu.size > 0 ? cpu : null;
}

function cpuDifference(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

export function formatSendBench(result: SendBench): string {
  const perStep = result.steps.map((s) => `${s.step} ${(s.ms / 1000).toFixed(1)} s (${s.count}x)`).join(", ");
  return [
    `Send run of ${result.emails} emails through the fake at ${result.limitPerSecond} requests/s (plan, render, fix, deliver), load ${result.loadBefore} -> ${result.loadAfter}:`,
    `  ${result.seconds} s, ${result.emailsPerSecond} emails/s = ${result.fractionOfLimit} of the limit (${result.limitPerSecond * 100}/s)`,
    `  rendering: ${result.renderedPerSecond} emails/s in the render step; every batch fixed after ${result.preparedAt} s`,
    `  first batch fixed after ${result.firstFixedAt} s, accepted after ${result.firstAcceptedAt} s, last after ${result.lastAcceptedAt} s`,
    `  token idle between first and last: ${result.idleStarved} s with no batch ready, ${result.idleWithWork} s with one ready`,
    `  fixed/accepted emails by: ${result.timeline.map((p) => `${p.at}s ${p.fixed}/${p.accepted}`).join(", ")}`,
    `  ${result.requests} batch requests, ${result.rateLimited} refused with 429`,
    `  CPU seconds: worker ${result.workerCpuSeconds}, fake Resend ${result.fakeCpuSeconds}, PostgreSQL ${result.postgresCpuSeconds ?? "unknown"}`,
    `  event loop of the worker late by ${result.eventLoopDelay.mean} ms on average, p99 ${result.eventLoopDelay.p99} ms, max ${result.eventLoopDelay.max} ms`,
    `  time per step (summed over concurrent jobs): ${perStep}`,
  ].join("\n");
}
