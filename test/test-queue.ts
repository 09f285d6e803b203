import { inject } from "vitest";
import type { Db } from "@/lib/db-client";
import { configureQueue } from "@/lib/sending/queue";
import { sharedQueueDb } from "@/lib/sending/start-app-worker";

/**
 * The job queue for a test file: pg-boss's own pool on a PostgreSQL server; on the embedded
 * PGlite (one session) the test's own connection, as `npm run demo` shares the app's.
 */
export function configureTestQueue(db: Db): void {
  const shared = inject("embeddedDatabase") ? sharedQueueDb(db) : undefined;
  configureQueue(shared ? { db: shared } : { connectionString: inject("databaseUrl") });
}
