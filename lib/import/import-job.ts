import "server-only";
import type { Db } from "@/lib/db-client";
import { env } from "@/lib/env";
import { enqueue, registerJob } from "@/lib/sending/queue";
import { runImport } from "./run-import";

/** The job queue's name for imports (the send runs' queue, lib/sending/queue.ts). */
export const IMPORT_JOB = "import-run";

/**
 * Hands a queued import to the workers. A retry (a worker died mid-file) resumes after the
 * last committed chunk; a finished import is ignored (run-import.ts), so a second job for the
 * same run is harmless.
 */
export const enqueueImport = (importRunId: number) =>
  enqueue(IMPORT_JOB, { importRunId }, { singletonKey: `import-${importRunId}` });

/** Registers the import handler with this process's worker (lib/sending/worker.ts). */
export function registerImportJob(db: Db): void {
  registerJob<{ importRunId: number }>(
    IMPORT_JOB,
    async ({ importRunId }) => {
      // chunks go through a pg connection of their own, except on the embedded database (one session)
      await runImport(db, importRunId, {
        databaseUrl: env.DATABASE_POOL_MAX > 1 ? env.DATABASE_URL : undefined,
      });
    },
    { policy: "short", concurrency: 1, expireInSeconds: 4 * 3600, retryLimit: 3, pollingIntervalSeconds: 1 },
  );
}
