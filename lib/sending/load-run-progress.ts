import "server-only";
import type { Db } from "@/lib/db-client";
import type { SendRunStatus, SendRunTrigger } from "@/lib/generated/prisma/enums";

export type RunProgress = {
  id: number;
  planDate: string;
  status: SendRunStatus;
  trigger: SendRunTrigger;
  startedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  errorCode: string | null;
  error: string | null;
  planned: number;
  rendered: number;
  sent: number;
  failed: number;
  letters: number;
  /** emails not yet sent nor failed */
  remaining: number;
  /** emails sent per minute over the last 30 seconds */
  perMinute: number;
  /** seconds left at that pace; null when nothing moves */
  secondsLeft: number | null;
  /** batches whose key nears its 24 h end unconfirmed: a librarian decides */
  needsReview: number;
};

/**
 * A run as the Send runs page shows it, counted from its notices (the truth while it works;
 * the run's own columns are its counts at the end).
 */
export async function loadRunProgress(db: Db, { libraryId, runId }: { libraryId: number; runId: number }) {
  const run = await db.sendRun.findFirst({
    where: { id: runId, libraryId },
    include: { startedBy: { select: { name: true } } },
  });
  if (!run) return null;
  const [counts] = await db.$queryRaw<
    {
      planned: number;
      rendered: number;
      sent: number;
      failed: number;
      remaining: number;
      recent: number;
      letters: number;
      review: number;
    }[]
  >`
    SELECT count(*) FILTER (WHERE n.status <> 'cancelled')::int AS planned,
           count(*) FILTER (WHERE n.channel = 'email' AND n."sendBatchId" IS NOT NULL)::int AS rendered,
           count(*) FILTER (WHERE n."providerId" IS NOT NULL)::int AS sent,
           count(*) FILTER (WHERE n.status = 'failed')::int AS failed,
           count(*) FILTER (WHERE n.channel = 'email' AND n.status IN ('planned', 'queued'))::int AS remaining,
           count(*) FILTER (WHERE n."sentAt" > clock_timestamp() - interval '30 seconds')::int AS recent,
           (SELECT count(*) FROM "Letter" l JOIN "Notice" m ON m.id = l."noticeId"
             WHERE m."sendRunId" = ${runId} AND l.status <> 'cancelled')::int AS letters,
           (SELECT count(*) FROM "SendBatch" b WHERE b."sendRunId" = ${runId} AND b.status = 'needs_review')::int AS review
    FROM "Notice" n WHERE n."sendRunId" = ${runId} AND n."libraryId" = ${libraryId}`;
  const working = run.status === "queued" || run.status === "running" || run.status === "paused";
  const c = working
    ? counts
    : { ...counts, planned: run.planned, sent: run.sent, failed: run.failed, letters: run.letters };
  // while a run works: the last 30 seconds; once it ended: its average from start to end
  const seconds =
    run.startedAt && run.finishedAt
      ? Math.max(1, (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000)
      : null;
  const perSecond = working ? counts.recent / 30 : seconds ? c.sent / seconds : 0;
  return {
    id: run.id,
    planDate: run.planDate.toISOString().slice(0, 10),
    status: run.status,
    trigger: run.trigger,
    startedBy: run.startedBy?.name ?? null,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    errorCode: run.errorCode,
    error: run.error,
    planned: c.planned,
    rendered: counts.rendered,
    sent: c.sent,
    failed: c.failed,
    letters: c.letters,
    remaining: counts.remaining,
    perMinute: Math.round(perSecond * 60),
    secondsLeft: perSecond > 0 && counts.remaining > 0 ? Math.ceil(counts.remaining / perSecond) : null,
    needsReview: counts.review,
  } satisfies RunProgress;
}

/** The library's run that is queued, running or paused, if any. */
export async function findActiveRun(db: Db, { libraryId }: { libraryId: number }) {
  return db.sendRun.findFirst({
    where: { libraryId, status: { in: ["queued", "running", "paused"] } },
    orderBy: { id: "desc" },
    select: { id: true },
  });
}

/** The last run, when it failed or has not finished: the Today page shows it at the top. */
export async function findRunNeedingAttention(db: Db, { libraryId }: { libraryId: number }) {
  const last = await db.sendRun.findFirst({
    where: { libraryId },
    orderBy: { id: "desc" },
    select: { id: true, status: true, planDate: true, errorCode: true, error: true, createdAt: true },
  });
  if (!last || last.status === "succeeded" || last.status === "cancelled") return null;
  return last;
}
