import "server-only";
import type { CreateBatchOptions } from "resend";
import { type Db, rawPoolOf } from "@/lib/db-client";
import { classifyResendError } from "@/lib/delivery/classify-resend-error";
import type { ResendClient } from "@/lib/delivery/resend-client";
import { type BatchResponse, matchResults } from "@/lib/delivery/send-email-batch";
import { type AttemptFailure, type RetryOptions, withRetry } from "@/lib/delivery/with-retry";
import { describeFailure, type RunStop } from "./describe-failure";
import { finishSendRunIfDone } from "./finish-send-run";
import { queueFallbackLetters } from "./queue-fallback-letters";
import { timed } from "./send-timings";
import { settleRunCounts, stopSendRun, stopSendRunIn } from "./stop-send-run";

/** Resend keeps an idempotency key 24 h; a batch not confirmed before this goes to a librarian. */
export const KEY_SAFE_LIFETIME_MS = 23 * 60 * 60 * 1000;
/** rounds of retries that ran out without an answer before a run stops and waits for a later one */
export const MAX_BATCH_ATTEMPTS = 3;

export type DeliverBatchOptions = {
  batchId: number;
  workerId: string;
  client: ResendClient;
  /** how long a claim holds without a heartbeat: a dead worker's batch is taken over after this */
  leaseMs?: number;
  /** every SDK call is aborted after this: a stalled connection must not hang the worker */
  timeoutMs?: number;
  retry?: RetryOptions;
};

export type DeliverBatchOutcome =
  | { outcome: "skipped" }
  | { outcome: "confirmed"; sent: number; failed: number }
  | { outcome: "needs_review" }
  | { outcome: "stopped"; stop: RunStop }
  | { outcome: "unconfirmed"; reason: string };

type Claimed = {
  payload: CreateBatchOptions;
  idempotencyKey: string;
  firstAttemptAt: Date;
  attempts: number;
  noticeIds: number[];
  sendRunId: number;
};

/** The claim's answer: the batch (`ord` null), then each notice's body by its place in the batch. */
type ClaimedRow = Claimed & { ord: null };
type BodyRow = { ord: number; html: string | null; text: string | null };

/** The claimed batch with each email's stored HTML and text put in; null when nothing was claimed. */
function withBodies(batchId: number, rows: (ClaimedRow | BodyRow)[]): Claimed | null {
  const batch = rows.find((row): row is ClaimedRow => row.ord === null);
  if (!batch) return null;
  const emails = batch.payload as unknown as Record<string, unknown>[];
  const bodies = rows.filter((row): row is BodyRow => row.ord !== null);
  if (emails.length !== batch.noticeIds.length || bodies.length !== batch.noticeIds.length)
    throw new Error(`batch ${batchId}: a notice of the batch is missing`);
  for (const { ord, html, text } of bodies) {
    const email = emails[ord - 1];
    if (!("html" in email)) emails[ord - 1] = { ...email, html, text };
  }
  const { payload, idempotencyKey, firstAttemptAt, attempts, noticeIds, sendRunId } = batch;
  return { payload, idempotencyKey, firstAttemptAt, attempts, noticeIds, sendRunId };
}

/**
 * Delivers one fixed batch: claims it (a lease kept alive by a heartbeat, so one worker at a
 * time and a dead worker's batch is taken over within `leaseMs`), sends its stored payload
 * with its stored key, retrying 429, 5xx and network failures with backoff, and records each
 * email's result on its notice in one transaction. Safe to call any number of times, from any
 * worker: a confirmed batch is skipped, and a resend with the same key is answered by Resend
 * from its memory instead of sending again.
 */
export async function deliverBatch(db: Db, options: DeliverBatchOptions): Promise<DeliverBatchOutcome> {
  const { batchId, workerId, client } = options;
  const leaseMs = options.leaseMs ?? 10_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  // The batch's payload without the bodies, then a row per notice with its stored HTML and
  // text, put in below (a batch fixed before they were kept apart has them in its payload
  // already). Plain text columns: a megabyte or more a batch, which as one JSON value cost the
  // database and this process far more to build, escape and parse (a claim took 27 ms on average
  // in the send bench, the first ones 100-220 ms beside rendering). Read straight through pg
  // where the client has a pool beside it.
  const claim = `
    WITH claimed AS (
      UPDATE "SendBatch" b
      SET "leaseOwner" = $2, "leaseUntil" = clock_timestamp() + $3::int * interval '1 millisecond',
          "firstAttemptAt" = coalesce(b."firstAttemptAt", clock_timestamp())
      FROM "SendRun" r
      WHERE b.id = $1 AND r.id = b."sendRunId" AND b.status = 'fixed'
        AND r.status IN ('queued', 'running')
        AND (b."leaseUntil" IS NULL OR b."leaseUntil" < clock_timestamp() OR b."leaseOwner" = $2)
      RETURNING b.payload, b."idempotencyKey", b."firstAttemptAt", b.attempts, b."noticeIds", b."sendRunId"
    )
    SELECT NULL::int AS ord, NULL::text AS html, NULL::text AS text, c.payload,
           c."idempotencyKey", c."firstAttemptAt", c.attempts, c."noticeIds", c."sendRunId"
    FROM claimed c
    UNION ALL
    SELECT e.ord::int, n.html, n.text, NULL, NULL, NULL, NULL, NULL, NULL
    FROM claimed c CROSS JOIN unnest(c."noticeIds") WITH ORDINALITY AS e(id, ord)
    JOIN "Notice" n ON n.id = e.id`;
  const pool = rawPoolOf(db);
  const rows = await timed("claim", async () =>
    pool
      ? (await pool.query<ClaimedRow | BodyRow>(claim, [batchId, workerId, leaseMs])).rows
      : await db.$queryRawUnsafe<(ClaimedRow | BodyRow)[]>(claim, batchId, workerId, leaseMs),
  );
  const batch = withBodies(batchId, rows);
  if (!batch) return { outcome: "skipped" };

  if (Date.now() - batch.firstAttemptAt.getTime() > KEY_SAFE_LIFETIME_MS) {
    await db.$executeRaw`
      UPDATE "SendBatch" SET status = 'needs_review', "leaseOwner" = NULL, "leaseUntil" = NULL,
        "lastError" = 'not confirmed by Resend within 23 hours of its first attempt: its key expires, so it is never resent blindly'
      WHERE id = ${batchId} AND status = 'fixed'`;
    return { outcome: "needs_review" };
  }

  const heartbeat = setInterval(
    () => {
      db.$executeRaw`
        UPDATE "SendBatch" SET "leaseUntil" = clock_timestamp() + ${leaseMs} * interval '1 millisecond'
        WHERE id = ${batchId} AND "leaseOwner" = ${workerId} AND status = 'fixed'`.catch(() => undefined);
    },
    Math.max(200, Math.floor(leaseMs / 3)),
  );
  try {
    const outcome = await withRetry<BatchResponse>(async () => {
      // the client waits for its turn at the rate limiter inside (resend-client.ts)
      const { data, error, headers } = await timed("http", () =>
        client.sdk.batch.send(batch.payload, {
          idempotencyKey: batch.idempotencyKey,
          batchValidation: "permissive",
          signal: AbortSignal.timeout(timeoutMs),
        }),
      );
      if (error) {
        const failure = classifyResendError(error, headers);
        // this batch waits retry-after (withRetry); repeated refusals hold every worker back
        if (failure.code === "rate_limit_exceeded" && failure.retryAfterMs) {
          client.limiter.refused(failure.retryAfterMs);
        }
        return failure;
      }
      return { ok: true, value: data as BatchResponse };
    }, options.retry);

    if (outcome.ok) {
      const recorded = await timed("record results", () => recordResults(db, batchId, batch, outcome.value));
      // the last batch's answer ends the run at once (not at the next sweep)
      if (recorded.outcome === "confirmed") await finishSendRunIfDone(db, batch.sendRunId);
      return recorded;
    }
    if (outcome.retryable) return await leaveUnconfirmed(db, batchId, batch, outcome);
    return await refuse(db, batchId, batch, outcome);
  } finally {
    clearInterval(heartbeat);
  }
}

async function recordResults(
  db: Db,
  batchId: number,
  batch: Claimed,
  response: BatchResponse,
): Promise<DeliverBatchOutcome> {
  const results = matchResults(batch.noticeIds.length, response);
  const sent = batch.noticeIds.flatMap((id, i) => {
    const r = results[i];
    return r.ok ? [{ id, providerId: r.providerId }] : [];
  });
  const failed = batch.noticeIds.flatMap((id, i) => {
    const r = results[i];
    return r.ok ? [] : [{ id, reason: r.reason }];
  });
  if (failed.length === 0) {
    // Every email accepted (the usual answer): one statement confirms the batch, marks its
    // notices sent and counts them on the run, or does nothing when another worker already did.
    const [row] = await db.$queryRaw<{ confirmed: number }[]>`
      WITH confirmed AS (
        UPDATE "SendBatch" SET status = 'confirmed', "confirmedAt" = clock_timestamp(), "leaseOwner" = NULL,
          attempts = attempts + 1, "leaseUntil" = NULL, "lastError" = NULL
        WHERE id = ${batchId} AND status = 'fixed'
        RETURNING id
      ), notices AS (
        UPDATE "Notice" n
        SET "providerId" = s."providerId", "sentAt" = clock_timestamp(),
            status = CASE WHEN n.status = 'queued' THEN 'sent'::"NoticeStatus" ELSE n.status END
        FROM unnest(${sent.map((s) => s.id)}::int[], ${sent.map((s) => s.providerId)}::text[]) AS s(id, "providerId")
        WHERE n.id = s.id AND EXISTS (SELECT 1 FROM confirmed)
      ), run AS (
        UPDATE "SendRun" SET sent = sent + ${sent.length}
        WHERE id = ${batch.sendRunId} AND EXISTS (SELECT 1 FROM confirmed)
      )
      SELECT count(*)::int AS confirmed FROM confirmed`;
    if (!row || row.confirmed === 0) return { outcome: "skipped" };
    return { outcome: "confirmed", sent: sent.length, failed: 0 };
  }
  return db.$transaction(async (tx) => {
    const confirmed = await tx.$executeRaw`
      UPDATE "SendBatch" SET status = 'confirmed', "confirmedAt" = clock_timestamp(), "leaseOwner" = NULL, attempts = attempts + 1,
        "leaseUntil" = NULL, "lastError" = NULL
      WHERE id = ${batchId} AND status = 'fixed'`;
    // Another worker recorded the same answer first (its claim had expired under us).
    if (confirmed === 0) return { outcome: "skipped" } as const;
    if (sent.length > 0) {
      await tx.$executeRaw`
        UPDATE "Notice" n
        SET "providerId" = s."providerId", "sentAt" = clock_timestamp(),
            status = CASE WHEN n.status = 'queued' THEN 'sent'::"NoticeStatus" ELSE n.status END
        FROM unnest(${sent.map((s) => s.id)}::int[], ${sent.map((s) => s.providerId)}::text[]) AS s(id, "providerId")
        WHERE n.id = s.id`;
    }
    let letters = 0;
    if (failed.length > 0) {
      await tx.$executeRaw`
        UPDATE "Notice" n SET status = 'failed', "failureReason" = f.reason, "failureCode" = NULL
        FROM unnest(${failed.map((f) => f.id)}::int[], ${failed.map((f) => f.reason)}::text[]) AS f(id, reason)
        WHERE n.id = f.id`;
      letters = await queueFallbackLetters(
        tx,
        failed.map((f) => f.id),
      );
    }
    await tx.$executeRaw`
      UPDATE "SendRun" SET sent = sent + ${sent.length}, failed = failed + ${failed.length}, letters = letters + ${letters}
      WHERE id = ${batch.sendRunId}`;
    return { outcome: "confirmed", sent: sent.length, failed: failed.length } as const;
  }, TRANSACTION_WAITS);
}

/** Under load a transaction may wait a while for a connection: far better than a second attempt. */
const TRANSACTION_WAITS = { maxWait: 30_000, timeout: 60_000 };

/**
 * Retries ran out without an answer: Resend may or may not have the emails, so the batch stays
 * fixed with its key, for the next attempt (the lease lapses, the sweep hands it out again).
 * After a few such rounds the run stops with the reason; a later run picks the batch up.
 */
async function leaveUnconfirmed(
  db: Db,
  batchId: number,
  batch: Claimed,
  failure: AttemptFailure,
): Promise<DeliverBatchOutcome> {
  // A round counts only when it ran out of retries here: a worker killed mid-round adds none.
  const [round] = await db.$queryRaw<{ attempts: number }[]>`
    UPDATE "SendBatch" SET "lastError" = ${failure.reason}, "leaseOwner" = NULL, attempts = attempts + 1,
      "leaseUntil" = clock_timestamp() + interval '5 seconds'
    WHERE id = ${batchId} AND status = 'fixed'
    RETURNING attempts`;
  if (round && round.attempts >= MAX_BATCH_ATTEMPTS) {
    const stop = describeFailure(failure);
    await stopSendRun(db, batch.sendRunId, stop);
    return { outcome: "stopped", stop };
  }
  return { outcome: "unconfirmed", reason: failure.reason };
}

/**
 * Resend refused the whole call (quota, API key, sender): nothing was accepted, so the notices
 * go back to waiting, unbatched, for a later run with a new batch and key; the run stops.
 */
async function refuse(
  db: Db,
  batchId: number,
  batch: Claimed,
  failure: AttemptFailure,
): Promise<DeliverBatchOutcome> {
  const stop = describeFailure(failure);
  await db.$transaction(async (tx) => {
    const changed = await tx.$executeRaw`
      UPDATE "SendBatch" SET status = 'failed', "lastError" = ${failure.reason}, "leaseOwner" = NULL, "leaseUntil" = NULL,
        attempts = attempts + 1
      WHERE id = ${batchId} AND status = 'fixed'`;
    if (changed === 0) return;
    await tx.$executeRaw`
      UPDATE "Notice" SET status = 'planned', "sendBatchId" = NULL
      WHERE "sendBatchId" = ${batchId} AND status = 'queued'`;
    await stopSendRunIn(tx, batch.sendRunId, stop);
  });
  await settleRunCounts(db, batch.sendRunId);
  return { outcome: "stopped", stop };
}
