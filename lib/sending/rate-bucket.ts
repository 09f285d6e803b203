import "server-only";
import type { Db } from "@/lib/db-client";
import { type RateLimiter, REPEATED_REFUSAL_MS } from "@/lib/delivery/rate-limiter";

export type DbRateLimiterOptions = {
  /** one window per provider account; every worker using the account shares it */
  key?: string;
  perSecond: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The provider's rate limit for every worker process on every machine together, as a sliding
 * window in one PostgreSQL row: a request is granted when fewer than `n` = ceil(perSecond)
 * were granted in the last `n / perSecond` seconds (so no one-second window ever holds more
 * than perSecond, which is how Resend counts), and never closer than the even spacing after
 * the one before. Requests closer together reach the provider bunched up: each waits there
 * behind the one before it, so the first of a bunch arrives on time and the rest late, and
 * the fifth request after a late one lands inside its second. Measured in the send bench
 * (20,000 emails at 98 % of 5 requests/s): with half the spacing allowed, 8 to 10 requests of
 * 200 were refused with 429, each 993-999 ms after the request five before it; with the even
 * spacing, 0 or 1. A grant that reaches its caller late costs that moment: the requests after
 * it keep the spacing. A caller gets its grant at the moment it asks and the window has room (one statement,
 * the row locked); otherwise the statement answers how long until there is room and the
 * caller asks again exactly then. A lone 429 costs only its own request a wait (retry-after);
 * a second one from any worker within REPEATED_REFUSAL_MS stops every worker until retry-after
 * has passed (`refused`, rate-limiter.ts).
 *
 * The window is kept on the moments the grants were given, but a request goes out when its
 * process gets the answer: a process busy for a moment sends late, and the request n turns on,
 * granted on time, would then reach the provider inside the same second. So each process also
 * keeps the window (and the spacing) on the moments its own requests went out, and holds a
 * grant back until it fits there too.
 */
export function createDbRateLimiter(
  db: Db,
  { key = "resend", perSecond }: DbRateLimiterOptions,
): RateLimiter {
  if (!(perSecond > 0)) throw new Error("perSecond must be positive");
  const n = Math.ceil(perSecond);
  const windowMs = (1000 * n) / perSecond;
  const gapMs = 1000 / perSecond;
  // when this process's latest grants reached it (performance.now()), oldest first
  const sentAt: number[] = [];
  let local: Promise<void> = Promise.resolve();
  const fitLocally = (): Promise<void> => {
    const turn = local.then(async () => {
      const wait = Math.max(
        sentAt.length >= n ? sentAt[sentAt.length - n] + windowMs - performance.now() : 0,
        sentAt.length > 0 ? sentAt[sentAt.length - 1] + gapMs - performance.now() : 0,
      );
      if (wait > 0) await sleep(Math.ceil(wait));
      sentAt.push(performance.now());
      if (sentAt.length > n) sentAt.shift();
    });
    local = turn;
    return turn;
  };
  let ensured: Promise<unknown> | null = null;
  const ensure = () => {
    ensured ??= db.$executeRaw`
      INSERT INTO "SendRateBucket" (key) VALUES (${key}) ON CONFLICT (key) DO NOTHING`;
    return ensured;
  };
  return {
    async acquire() {
      await ensure();
      for (;;) {
        // `recent`: the grants inside the window, oldest first; `wait_ms` <= 0: granted now
        const [row] = await db.$queryRaw<{ granted: boolean; wait_ms: number }[]>`
          WITH locked AS (
            SELECT b.key, b."blockedUntil", b.grants, clock_timestamp() AS now
            FROM "SendRateBucket" b WHERE b.key = ${key} FOR UPDATE
          ), current AS (
            SELECT l.key, l.now,
                   array(SELECT g FROM unnest(l.grants) AS g
                         WHERE g > l.now - ${windowMs}::float8 * interval '1 millisecond' ORDER BY g) AS recent,
                   extract(epoch FROM l."blockedUntil" - l.now)::float8 * 1000 AS blocked_ms
            FROM locked l
          ), decided AS (
            SELECT c.key, c.now, c.recent,
                   greatest(
                     c.blocked_ms,
                     CASE WHEN cardinality(c.recent) >= ${n}::int
                       THEN extract(epoch FROM c.recent[cardinality(c.recent) - ${n}::int + 1] - c.now)::float8 * 1000 + ${windowMs}::float8
                       ELSE 0 END,
                     CASE WHEN cardinality(c.recent) > 0
                       THEN extract(epoch FROM c.recent[cardinality(c.recent)] - c.now)::float8 * 1000 + ${gapMs}::float8
                       ELSE 0 END,
                     0) AS wait_ms
            FROM current c
          ), taken AS (
            UPDATE "SendRateBucket" b SET grants = d.recent || d.now
            FROM decided d
            WHERE b.key = d.key AND d.wait_ms <= 0
            RETURNING b.key
          )
          SELECT EXISTS (SELECT 1 FROM taken) AS granted, d.wait_ms FROM decided d`;
        if (!row) throw new Error(`the rate bucket ${key} is missing`);
        if (row.granted) return fitLocally();
        await sleep(Math.max(1, Math.ceil(row.wait_ms)));
      }
    },
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
