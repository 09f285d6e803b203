import "server-only";
import type PgBoss from "pg-boss";
import { db } from "@/lib/db";
import { type Db, poolOf } from "@/lib/db-client";
import { env } from "@/lib/env";
import { configureQueue } from "./queue";
import { createSendingClient } from "./sending-client";
import { startSendingWorker } from "./worker";

/**
 * pg-boss over the app's own pool: on the embedded database (one session, a pool of one
 * connection) the queue cannot open connections of its own, so it waits its turn on the app's.
 */
export function sharedQueueDb(client: Db): PgBoss.Db | undefined {
  const pool = poolOf(client);
  return pool && { executeSql: (text, values) => pool.query(text, values) };
}

/**
 * The send-run worker inside the web server (`npm run demo` sets RAPPEL_WORKER=in-app); a
 * real install runs `npm run worker` processes instead. Started once, from instrumentation.ts.
 */
export async function startAppWorker(): Promise<void> {
  if (env.RAPPEL_WORKER !== "in-app" || !env.RESEND_API_KEY) return;
  const globalForWorker = globalThis as unknown as { rappelWorker?: boolean };
  if (globalForWorker.rappelWorker) return;
  globalForWorker.rappelWorker = true;
  const shared = sharedQueueDb(db);
  configureQueue(shared ? { db: shared } : { connectionString: env.DATABASE_URL, max: 2 });
  await startSendingWorker({
    db,
    client: createSendingClient(db),
    leaseMs: env.RAPPEL_WORKER_LEASE_MS,
    schedule:
      env.RAPPEL_WORKER_SCHEDULE === "off" ? false : { baseUrl: env.NEXTAUTH_URL ?? "http://localhost:3000" },
    log: (message) => console.log(`send-run worker: ${message}`),
  });
  console.log("send-run worker: started inside the app");
}
