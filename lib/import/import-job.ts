import "server-only";
import type { Db } from "@/lib/db-client";
import { env } from "@/lib/env";
import { enqueue, registerJob } from "@/lib/sending/queue";
import { runImport } from "./run-import";
import { claimDuePickups, runPickup } from "./run-pickup";

/** The job queue's names for imports and pickups (the send runs' queue, lib/sending/queue.ts). */
export const IMPORT_JOB = "import-run";
export const PICKUP_JOB = "import-pickup";

/** Chunks go through pg connections of their own, except on the embedded database (one session). */
const defaultDatabaseUrl = () => (env.DATABASE_POOL_MAX > 1 ? env.DATABASE_URL : undefined);

/**
 * Hands a queued import to the workers. A retry (a worker died mid-file) resumes after the
 * last committed chunk; a finished import is ignored (run-import.ts), so a second job for the
 * same run is harmless.
 */
export const enqueueImport = (importRunId: number) =>
  enqueue(IMPORT_JOB, { importRunId }, { singletonKey: `import-${importRunId}` });

/** Claims the pickups whose time has come today and hands each to the workers; the ids enqueued. */
export async function enqueueDuePickups(db: Db, now = new Date()): Promise<number[]> {
  const due = await claimDuePickups(db, now);
  for (const { libraryId, day } of due)
    await enqueue(PICKUP_JOB, { libraryId }, { singletonKey: `pickup-${libraryId}-${day}` });
  return due.map((d) => d.libraryId);
}

/**
 * Registers the import and pickup handlers with this process's worker (lib/sending/worker.ts).
 * `databaseUrl`: where `db` points, for the imports' own connections (default DATABASE_URL;
 * none on the embedded database).
 */
export function registerImportJob(db: Db, databaseUrl: string | undefined = defaultDatabaseUrl()): void {
  registerJob<{ importRunId: number }>(
    IMPORT_JOB,
    async ({ importRunId }) => {
      await runImport(db, importRunId, { databaseUrl });
    },
    { policy: "short", concurrency: 1, expireInSeconds: 4 * 3600, retryLimit: 3, pollingIntervalSeconds: 1 },
  );
  registerJob<{ libraryId: number }>(
    PICKUP_JOB,
    async ({ libraryId }) => {
      await runPickup(db, {
        libraryId,
        root: env.IMPORT_PICKUP_ROOT,
        importDir: env.IMPORT_DIR,
        databaseUrl,
      });
    },
    { policy: "short", concurrency: 1, expireInSeconds: 8 * 3600, retryLimit: 3, pollingIntervalSeconds: 1 },
  );
}
