import "server-only";
import type { Db } from "@/lib/db-client";

/** The history: every run of the library, newest first, with who or what started it. */
export async function listSendRuns(db: Db, { libraryId, take = 30 }: { libraryId: number; take?: number }) {
  return db.sendRun.findMany({
    where: { libraryId },
    orderBy: { id: "desc" },
    take,
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
}

/** Email notices that failed (the provider's reason on each), newest first, for "send again". */
export async function listFailedNotices(
  db: Db,
  { libraryId, take = 50 }: { libraryId: number; take?: number },
) {
  return db.notice.findMany({
    where: { libraryId, status: "failed", channel: "email" },
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
