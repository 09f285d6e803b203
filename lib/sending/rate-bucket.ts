import "server-only";
import type { Db } from "@/lib/db-client";
import { type RateLimiter, REPEATED_REFUSAL_MS, type TurnGrants } from "@/lib/delivery/rate-limiter";
import { createRequestWindow, nowMs, sleepUntil, WINDOW_MARGIN_MS } from "@/lib/delivery/request-window";
import { timed } from "./send-timings";

export type DbRateLimiterOptions = {
  /** one window per provider account; every worker using the account shares it */
  key?: string;
  perSecond: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A grant may come this share of the even spacing after the one before, to make up for lateness. */
export const CATCH_UP_SPACING = 0.8;
/** Lateness up to this many spacings is made up for; after a longer pause the spacing starts again. */
export const CATCH_UP_SLOTS = 3;
/** A turn this close (ms) is reserved at once: the caller then goes at its moment without asking again. */
export const RESERVE_AHEAD_MS = 1000;

/**
 * The provider's rate limit for every worker process on every machine together, as a sliding
 * window in one PostgreSQL row: a request is granted when fewer than `n` = ceil(perSecond)
 * were granted in the last `n / perSecond` seconds, and at least 1 s + WINDOW_MARGIN_MS (so no
 * one-second window ever holds more than perSecond, which is how Resend counts, also when the
 * setting is a whole number such as the default 2: the margin is for the network's jitter), at
 * its slot on the even spacing.
 *
 * The slots: each grant is meant for the slot one spacing after the one before it (`slotAt`).
 * Requests closer together reach the provider bunched up: each waits there behind the one
 * before it, so the first of a bunch arrives on time and the rest late, and the fifth request
 * after a late one lands inside its second. Measured in the send bench (20,000 emails at 98 %
 * of 5 requests/s): with half the spacing allowed at any time, 8 to 10 requests of 200 were
 * refused with 429, each 993-999 ms after the request five before it; with the even spacing,
 * 0 to 3. But a grant reaches its caller late when the caller's process is busy or its timer
 * fires late (tens of milliseconds on a loaded machine), and with the spacing counted from the
 * moment granted every such delay was lost for good (in a 46 s bench run the token was idle
 * 3-4 s while a batch was ready, this among it). So the slots
 * stay on their grid: after a late grant the next ones may come CATCH_UP_SPACING of the
 * spacing apart until they are back on their slots, and the window still holds. A pause
 * longer than CATCH_UP_SLOTS spacings (nothing to send) is not made up for: the slots start
 * again from the next request.
 *
 * A caller asks once (one statement, the row locked): it gets the next turn that has room, now
 * or up to RESERVE_AHEAD_MS ahead (the turn is then held for it in the row), and goes at that
 * moment by its own timer; a turn further off it asks for again when it is near. Asking again
 * at the moment of the turn, as before, put a round trip to the database and a busy process's
 * answer between the turn and the request (traced in the send bench, one run before and three
 * after: turns late while a batch waited, 2.3 s of a run before, 0.9-1.2 s after). A lone 429
 * costs only its own request a wait (retry-after); a second one from any worker within
 * REPEATED_REFUSAL_MS stops every worker until retry-after has passed (`refused`,
 * rate-limiter.ts).
 *
 * The window is kept on the moments the grants were given, but a request reaches the provider
 * when its thread has written it out, and is counted when the provider has read it: later, on
 * a busy machine. So the thread that makes the requests also keeps the window on the moments
 * they went out and may have been counted (request-window.ts), and holds a turn back until it
 * fits there too. `createDbGrants` is the shared part alone, for a thread that keeps its own
 * window (resend-thread.ts); `createDbRateLimiter` both, for requests made in this thread.
 */
export function createDbRateLimiter(db: Db, options: DbRateLimiterOptions): RateLimiter {
  const grants = createDbGrants(db, options);
  const window = createRequestWindow({ perSecond: options.perSecond });
  return {
    acquire(idempotencyKey) {
      return timed("wait for token", async () => {
        await sleepUntil(await grants.grant());
        await window.fit(idempotencyKey);
      });
    },
    refused: grants.refused,
  };
}

/** The grants alone: every worker's turns in the shared row, each given as the moment it is due. */
export function createDbGrants(db: Db, { key = "resend", perSecond }: DbRateLimiterOptions): TurnGrants {
  if (!(perSecond > 0)) throw new Error("perSecond must be positive");
  const n = Math.ceil(perSecond);
  const windowMs = Math.max((1000 * n) / perSecond, 1000 + WINDOW_MARGIN_MS);
  const gapMs = 1000 / perSecond;
  const shortestGapMs = gapMs * CATCH_UP_SPACING;
  const catchUpMs = gapMs * CATCH_UP_SLOTS;
  let ensured: Promise<unknown> | null = null;
  const ensure = () => {
    ensured ??= db.$executeRaw`
      INSERT INTO "SendRateBucket" (key) VALUES (${key}) ON CONFLICT (key) DO NOTHING`.catch((error) => {
      ensured = null;
      throw error;
    });
    return ensured;
  };
  // now, not on a run's first request: one round trip less, and the database client's raw
  // queries warmed up (the first grant of a send bench run took 111 ms on a busy thread)
  ensure().catch(() => undefined);
  // the moment (nowMs) of the next turn with room, held in the row for the caller
  const grant = async (): Promise<number> => {
    await ensure();
    for (;;) {
      // `recent`: the grants inside the window (the last ones may lie ahead), oldest first;
      // `slot`: this grant's slot on the spacing; `wait_ms`: until the turn, which is taken now
      // when it is at most RESERVE_AHEAD_MS ahead
      const [row] = await db.$queryRaw<{ granted: boolean; wait_ms: number }[]>`
        WITH locked AS (
          SELECT b.key, b."blockedUntil", b.grants, clock_timestamp() AS now,
                 b."slotAt" + ${gapMs}::float8 * interval '1 millisecond' AS next_slot
          FROM "SendRateBucket" b WHERE b.key = ${key} FOR UPDATE
        ), current AS (
          SELECT l.key, l.now,
                 array(SELECT g FROM unnest(l.grants) AS g
                       WHERE g > l.now - ${windowMs}::float8 * interval '1 millisecond' ORDER BY g) AS recent,
                 extract(epoch FROM l."blockedUntil" - l.now)::float8 * 1000 AS blocked_ms,
                 CASE WHEN l.next_slot >= l.now - ${catchUpMs}::float8 * interval '1 millisecond'
                   THEN l.next_slot ELSE l.now END AS slot
          FROM locked l
        ), decided AS (
          SELECT c.key, c.now, c.recent, c.slot,
                 greatest(
                   c.blocked_ms,
                   CASE WHEN cardinality(c.recent) >= ${n}::int
                     THEN extract(epoch FROM c.recent[cardinality(c.recent) - ${n}::int + 1] - c.now)::float8 * 1000 + ${windowMs}::float8
                     ELSE 0 END,
                   extract(epoch FROM c.slot - c.now)::float8 * 1000,
                   CASE WHEN cardinality(c.recent) > 0
                     THEN extract(epoch FROM c.recent[cardinality(c.recent)] - c.now)::float8 * 1000 + ${shortestGapMs}::float8
                     ELSE 0 END,
                   0) AS wait_ms
          FROM current c
        ), taken AS (
          UPDATE "SendRateBucket" b
          SET grants = d.recent || (d.now + d.wait_ms * interval '1 millisecond'), "slotAt" = d.slot
          FROM decided d
          WHERE b.key = d.key AND d.wait_ms <= ${RESERVE_AHEAD_MS}::float8
          RETURNING b.key
        )
        SELECT EXISTS (SELECT 1 FROM taken) AS granted, d.wait_ms FROM decided d`;
      if (!row) throw new Error(`the rate bucket ${key} is missing`);
      if (row.granted) return nowMs() + Math.max(0, row.wait_ms);
      await sleep(Math.max(1, Math.ceil(row.wait_ms)));
    }
  };
  return {
    grant: () => timed("grant", grant),
    refused(retryAfterMs) {
      void ensure()
        .then(
          () => db.$executeRaw`
          UPDATE "SendRateBucket"
          SET "blockedUntil" = CASE
                WHEN "refusedAt" > clock_timestamp() - ${REPEATED_REFUSAL_MS} * interval '1 millisecond'
                THEN greatest("blockedUntil", clock_timestamp() + ${retryAfterMs} * interval '1 millisecond')
                ELSE "blockedUntil" END,
              "refusedAt" = clock_timestamp()
          WHERE key = ${key}`,
        )
        .catch(() => undefined);
    },
  };
}
