import { createDbClient } from "@/lib/db-client";
import { buildResendClient } from "@/lib/delivery/resend-client";
import { configureQueue, stopQueue } from "@/lib/sending/queue";
import { createDbRateLimiter } from "@/lib/sending/rate-bucket";
import { startSendRun } from "@/lib/sending/start-send-run";
import { nudgeSendRun, startSendingWorker } from "@/lib/sending/worker";
import { startFakeResend } from "@/scripts/fake-resend/fake-resend";
import { createOverdueLibrary } from "@/test/test-library";
import { createTestDatabase } from "./lib/test-database";

export type SendBench = {
  emails: number;
  seconds: number;
  limitPerSecond: number;
  emailsPerSecond: number;
  /** achieved rate / the provider's limit (100 emails a request) */
  fractionOfLimit: number;
  requests: number;
  rateLimited: number;
  /** CPU seconds this process (render, fix, deliver; not PostgreSQL) used for the run */
  cpuSeconds: number;
};

/**
 * A whole send run, end to end (plan, render, fix, deliver), of `emails` overdue notices
 * through the local fake of Resend with its rate limit at `limit` requests a second, on a
 * scratch database beside DATABASE_URL's. The clock runs from the start of the run to its end.
 */
export async function benchSend({ emails = 20_000, limit = 5 } = {}): Promise<SendBench> {
  const database = await createTestDatabase("bench_send");
  const db = createDbClient(database.url, 8);
  const fake = await startFakeResend({ rateLimitPerSecond: limit, latencyMs: 40 });
  configureQueue({ connectionString: database.url });
  const date = "2026-03-10";
  let worker: { stop(): Promise<void> } | undefined;
  try {
    const t = await createOverdueLibrary(db, { patrons: emails, date });
    // 2 % under the limit: the fake counts any 1-second window, the network adds jitter
    const client = buildResendClient({
      apiKey: "re_bench",
      baseUrl: fake.url,
      from: "unused <unused@example.org>",
      limiter: createDbRateLimiter(db, { perSecond: limit * 0.98 }),
    });
    worker = await startSendingWorker({ db, client, schedule: false, deliverConcurrency: 6 });
    const cpuBefore = process.cpuUsage();
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
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const sent = fake.sent().length;
    if (sent !== emails) throw new Error(`the fake accepted ${sent} emails, not ${emails}`);
    const batches = fake.requests().filter((r) => r.path === "/emails/batch");
    const emailsPerSecond = sent / seconds;
    return {
      emails: sent,
      seconds: Math.round(seconds * 10) / 10,
      limitPerSecond: limit,
      emailsPerSecond: Math.round(emailsPerSecond),
      fractionOfLimit: Math.round((emailsPerSecond / (limit * 100)) * 1000) / 1000,
      requests: batches.length,
      rateLimited: batches.filter((r) => r.status === 429).length,
      cpuSeconds: Math.round((cpu.user + cpu.system) / 100_000) / 10,
    };
  } finally {
    await worker?.stop();
    await stopQueue();
    await fake.stop();
    await db.$disconnect();
    await database.drop();
  }
}

export function formatSendBench(result: SendBench): string {
  return [
    `Send run of ${result.emails} emails through the fake at ${result.limitPerSecond} requests/s (plan, render, fix, deliver):`,
    `  ${result.seconds} s, ${result.emailsPerSecond} emails/s = ${result.fractionOfLimit} of the limit (${result.limitPerSecond * 100}/s)`,
    `  ${result.requests} batch requests, ${result.rateLimited} refused with 429`,
    `  CPU time of this process: ${result.cpuSeconds} s (${Math.round(result.emails / result.cpuSeconds)} emails per CPU second; the machine's load decides the rest)`,
  ].join("\n");
}
