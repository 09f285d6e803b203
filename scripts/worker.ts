import { createDbClient } from "@/lib/db-client";
import { env } from "@/lib/env";
import { startRenderThread } from "@/lib/rendering/render-thread";
import { configureQueue, stopQueue } from "@/lib/sending/queue";
import { startSendingThread } from "@/lib/sending/sending-thread";
import { startSendingWorker } from "@/lib/sending/worker";

// The send-run worker as a process of its own (`npm run worker`): any number of them, on any
// machines, share the runs through the database. DATABASE_URL must be set; RESEND_API_KEY
// (and RESEND_BASE_URL for the local fake) as for the app. RAPPEL_WORKER_LEASE_MS shortens
// the claims (tests); the daily schedule runs unless RAPPEL_WORKER_SCHEDULE=off.
const db = createDbClient(env.DATABASE_URL, Math.min(env.DATABASE_POOL_MAX, 4));
configureQueue({ connectionString: env.DATABASE_URL });
const leaseMs = env.RAPPEL_WORKER_LEASE_MS;
// rendering on a thread of its own, and the requests to Resend on another: neither waits for
// the other, nor for the planning, fixing and recording on this one
const renderThread = startRenderThread(env.DATABASE_URL);
const client = startSendingThread(db);
const worker = await startSendingWorker({
  db,
  client,
  leaseMs,
  sweepEveryMs: Math.min(2_000, leaseMs),
  retry: { baseDelayMs: 200, maxDelayMs: 5_000 },
  render: renderThread.render,
  schedule:
    env.RAPPEL_WORKER_SCHEDULE === "off" ? false : { baseUrl: env.NEXTAUTH_URL ?? "http://localhost:3000" },
  log: (message) => console.log(`${new Date().toISOString()} worker: ${message}`),
});
console.log(`send-run worker ${process.pid} started`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await worker.stop();
    await renderThread.close();
    await client.close();
    await stopQueue();
    await db.$disconnect();
    process.exit(0);
  });
}
