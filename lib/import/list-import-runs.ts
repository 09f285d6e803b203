import "server-only";
import type { Db } from "@/lib/db-client";

/** A running import whose last chunk is older than this was interrupted (server restart, crash). */
export const STALE_IMPORT_MS = 10 * 60_000;

const SELECT = {
  id: true,
  kind: true,
  status: true,
  fullSync: true,
  fileName: true,
  fileBytes: true,
  progressBytes: true,
  actorLabel: true,
  viaPickup: true,
  rowsRead: true,
  inserted: true,
  updated: true,
  unchanged: true,
  rejected: true,
  closed: true,
  notice: true,
  error: true,
  createdAt: true,
  startedAt: true,
  heartbeatAt: true,
  finishedAt: true,
} as const;

/** The library's imports (CSV uploads and API batches), newest first. */
export function listImportRuns(db: Db, { libraryId, take = 50 }: { libraryId: number; take?: number }) {
  return db.importRun.findMany({ where: { libraryId }, orderBy: { id: "desc" }, take, select: SELECT });
}

/** One import of the library, or null (another library's id is "not found"). */
export function getImportRun(db: Db, { libraryId, id }: { libraryId: number; id: number }) {
  return db.importRun.findFirst({ where: { id, libraryId }, select: SELECT });
}

export type ImportRunView = NonNullable<Awaited<ReturnType<typeof getImportRun>>>;

/** What staff see as the run's state: a running import without a recent heartbeat was interrupted. */
export function importState(
  run: Pick<ImportRunView, "status" | "heartbeatAt" | "createdAt">,
  now = new Date(),
) {
  if (run.status !== "running" && run.status !== "queued") return run.status;
  const last = run.heartbeatAt ?? run.createdAt;
  return now.getTime() - last.getTime() > STALE_IMPORT_MS ? "interrupted" : run.status;
}

/** Share of the file read, 0..100. */
export function importPercent(run: Pick<ImportRunView, "status" | "fileBytes" | "progressBytes">): number {
  if (run.status === "succeeded") return 100;
  if (run.fileBytes <= 0n) return 0;
  return Math.min(99, Math.floor(Number((run.progressBytes * 100n) / run.fileBytes)));
}

/** The run's refused rows in line order, `take` at a time after `afterId`. */
export function listRejections(
  db: Db,
  input: { libraryId: number; importRunId: number; afterId?: number; take: number },
) {
  return db.importRejection.findMany({
    where: {
      importRunId: input.importRunId,
      importRun: { libraryId: input.libraryId },
      id: { gt: input.afterId ?? 0 },
    },
    orderBy: { id: "asc" },
    take: input.take,
    select: { id: true, line: true, column: true, reason: true, value: true },
  });
}
