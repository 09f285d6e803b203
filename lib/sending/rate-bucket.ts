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

/**
 * A token bucket in one PostgreSQL row, so that every worker process on every machine together
 * stays under the provider's limit. Each caller takes a token in one UPDATE: the bucket may go
 * negative, which is a reservation: the caller waits until its token would have been there.
 * So callers never poll and are spaced exactly 1/perSecond apart.
 */
export function createDbRateLimiter(
  db: Db,
  { key = "resend", perSecond, burst = 1 }: DbRateLimiterOptions,
): RateLimiter {
  if (!(perSecond > 0)) throw new Error("perSecond must be positive");
  let ensured: Promise<unknown> | null = null;
  const ensure = () => {
    ensured ??= db.$executeRaw`
      INSERT INTO "SendRateBucket" (key, tokens, "refilledAt") VALUES (${key}, ${burst}, clock_timestamp())
      ON CONFLICT (key) DO NOTHING`;
    return ensured;
  };
  return {
    async acquire() {
      await ensure();
      const [row] = await db.$queryRaw<{ wait_ms: number }[]>`
        UPDATE "SendRateBucket" b
        SET tokens = least(${burst}::float8,
                           b.tokens + extract(epoch FROM greatest(clock_timestamp(), b."blockedUntil") - greatest(b."refilledAt", b."blockedUntil")) * ${perSecond}::float8) - 1,
            "refilledAt" = greatest(clock_timestamp(), b."blockedUntil")
        WHERE b.key = ${key}
        RETURNING (greatest(0, -b.tokens / ${perSecond}::float8 * 1000)
                   + greatest(0, extract(epoch FROM b."blockedUntil" - clock_timestamp()) * 1000))::float8 AS wait_ms`;
      const wait = Math.ceil(row?.wait_ms ?? 0);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
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
