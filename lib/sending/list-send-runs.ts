import "server-only";
import type { Db } from "@/lib/db-client";

/** Runs per page of the history. */
export const SEND_RUNS_PER_PAGE = 30;

/**
 * The history: every run of the library, newest first, with who or what started it, a page
 * at a time (1 = the newest runs; a page past the last shows the last).
 */
export async function listSendRuns(db: Db, { libraryId, page = 1 }: { libraryId: number; page?: number }) {
  const count = await db.sendRun.count({ where: { libraryId } });
  const pageCount = Math.max(1, Math.ceil(count / SEND_RUNS_PER_PAGE));
  const shown = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const runs = await db.sendRun.findMany({
    where: { libraryId },
    orderBy: { id: "desc" },
    skip: (shown - 1) * SEND_RUNS_PER_PAGE,
    take: SEND_RUNS_PER_PAGE,
    select: {
      id: true,
      planDate: true,
      status: true,
      trigger: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      planned: true,
      sent: true,
      failed: true,
      letters: true,
      errorCode: true,
      error: true,
      startedBy: { select: { name: true } },
    },
  });
  return { runs, page: shown, pageCount, count };
}

/**
 * Email notices that failed (the provider's reason on each), newest first, for "send again":
 * the newest `take`, and how many there are in all.
 */
export async function listFailedNotices(
  db: Db,
  { libraryId, take = 50 }: { libraryId: number; take?: number },
) {
  const where = { libraryId, status: "failed", channel: "email" } as const;
  const [count, notices] = await Promise.all([db.notice.count({ where }), listFailed(db, where, take)]);
  return { notices, count };
}

function listFailed(db: Db, where: { libraryId: number; status: "failed"; channel: "email" }, take: number) {
  return db.notice.findMany({
    where,
    orderBy: { id: "desc" },
    take,
    select: {
      id: true,
      planDate: true,
      failureReason: true,
      failureCode: true,
      recipientEmail: true,
      sendRunId: true,
      patron: { select: { id: true, firstName: true, lastName: true, email: true } },
      stage: { select: { key: true, labels: true } },
    },
  });
}

/** Batches never confirmed while their key lived: listed for a librarian, never resent blindly. */
export async function listBatchesNeedingReview(db: Db, { libraryId }: { libraryId: number }) {
  return db.sendBatch.findMany({
    where: { libraryId, status: "needs_review" },
    orderBy: { id: "asc" },
    select: {
      id: true,
      sendRunId: true,
      noticeIds: true,
      firstAttemptAt: true,
      lastError: true,
      attempts: true,
    },
  });
}
