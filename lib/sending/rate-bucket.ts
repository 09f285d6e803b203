import "server-only";
import type { Db } from "@/lib/db-client";
import type { RateLimiter } from "@/lib/delivery/rate-limiter";

export type DbRateLimiterOptions = {
  /** one bucket per provider account; every worker using the account shares it */
  key?: string;
  perSecond: number;
  /** requests allowed back to back after a quiet spell (default 1: evenly spaced) */
  burst?: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A token bucket in one PostgreSQL row, so that every worker process on every machine together
 * stays under the provider's limit. A caller gets its token at the moment it asks and the row
 * has one (one statement, the row locked), and then sends at once; otherwise the statement
 * answers how long until the next token and the caller asks again exactly then (no polling
 * at a fixed pace, so no token waits for a slow poller). Tokens are granted, not reserved
 * ahead: a caller held up after its wait (a busy process) does not send right behind the next
 * one, so no one-second window ever holds more than `perSecond` requests (Resend counts any
 * window). A 429's retry-after (`blockFor`) stops every worker until it has passed.
 */
export function createDbRateLimiter(
  db: Db,
  { key = "resend", perSecond, burst = 1 }: DbRateLimiterOptions,
): RateLimiter {
  if (!(perSecond > 0)) throw new Error("perSecond must be positive");
  let ensured: Promise<unknown> | null = null;
  let lastGrantAt = Number.NEGATIVE_INFINITY;
  const ensure = () => {
    ensured ??= db.$executeRaw`
      INSERT INTO "SendRateBucket" (key, tokens, "refilledAt") VALUES (${key}, ${burst}, clock_timestamp())
      ON CONFLICT (key) DO NOTHING`;
    return ensured;
  };
  return {
    async acquire() {
      await ensure();
      for (;;) {
        // `at`: now, or when the block ends; `available`: the tokens at that moment
        const [row] = await db.$queryRaw<{ granted: boolean; wait_ms: number }[]>`
          WITH current AS (
            SELECT b.key, greatest(clock_timestamp(), b."blockedUntil") AS at,
                   b."blockedUntil" > clock_timestamp() AS blocked,
                   least(${burst}::float8, b.tokens + greatest(0, extract(epoch FROM
                     greatest(clock_timestamp(), b."blockedUntil") - greatest(b."refilledAt", b."blockedUntil")))::float8
                     * ${perSecond}::float8) AS available
            FROM "SendRateBucket" b WHERE b.key = ${key} FOR UPDATE
          ), taken AS (
            UPDATE "SendRateBucket" b SET tokens = c.available - 1, "refilledAt" = c.at
            FROM current c
            WHERE b.key = c.key AND NOT c.blocked AND c.available >= 1
            RETURNING b.key
          )
          SELECT EXISTS (SELECT 1 FROM taken) AS granted,
                 ((extract(epoch FROM c.at - clock_timestamp())
                   + greatest(0, 1 - c.available) / ${perSecond}::float8) * 1000)::float8 AS wait_ms
          FROM current c`;
        if (!row) throw new Error(`the rate bucket ${key} is missing`);
        if (row.granted) {
          // A token granted while this process was busy reaches it late; the one before may have
          // too. Never closer together than the rate from here either, so the two requests do
          // not arrive at the provider back to back.
          const early = lastGrantAt + 1000 / perSecond - performance.now();
          if (early > 0) await sleep(Math.ceil(early));
          lastGrantAt = performance.now();
          return;
        }
        await sleep(Math.max(1, Math.ceil(row.wait_ms)));
      }
    },
    blockFor(ms) {
      void ensure()
        .then(
          () => db.$executeRaw`
          UPDATE "SendRateBucket"
          SET "blockedUntil" = greatest("blockedUntil", clock_timestamp() + ${ms} * interval '1 millisecond'),
              tokens = least(tokens, 0)
          WHERE key = ${key}`,
        )
        .catch(() => undefined);
    },
  };
}
