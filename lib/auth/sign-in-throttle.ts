import "server-only";
import type { Db } from "@/lib/db-client";

const MINUTE = 60_000;

export type ThrottlePolicy = {
  /** failures that lock the key */
  failures: number;
  /** failures older than this stop counting; null = they count until the lock */
  windowMs: number | null;
  lockMs: number;
};

/** An account (known or not): 5 wrong passwords in a row lock it for 15 minutes. */
export const ACCOUNT_POLICY: ThrottlePolicy = { failures: 5, windowMs: null, lockMs: 15 * MINUTE };

/**
 * One client address: 20 failures within 15 minutes, whatever the accounts. Higher than the
 * account limit because a branch's desk computers often share one address.
 */
export const CLIENT_POLICY: ThrottlePolicy = { failures: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

export function clientKey(ip: string): string {
  return `client:${ip}`;
}

export function accountKey(email: string): string {
  return `account:${email}`;
}

/** The end of the key's lock, when it is locked at `now`. */
export async function throttleLockedUntil(db: Db, key: string, now: Date): Promise<Date | null> {
  const row = await db.signInThrottle.findUnique({ where: { key }, select: { lockedUntil: true } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/**
 * Counts one failure for the key in one statement (parallel attempts cannot lose a count) and
 * returns the end of the lock when this failure reached the limit.
 */
export async function registerThrottleFailure(
  db: Db,
  key: string,
  policy: ThrottlePolicy,
  now: Date,
): Promise<Date | null> {
  const windowStart = policy.windowMs === null ? new Date(0) : new Date(now.getTime() - policy.windowMs);
  const lockedUntil = new Date(now.getTime() + policy.lockMs);
  const [row] = await db.$queryRaw<{ lockedUntil: Date | null }[]>`
    INSERT INTO "SignInThrottle" AS t ("key", "failures", "windowStartedAt", "lockedUntil", "updatedAt")
    VALUES (${key}, 1, ${now}, CASE WHEN 1 >= ${policy.failures} THEN ${lockedUntil}::timestamptz END, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE
        WHEN t."windowStartedAt" < ${windowStart} THEN 1
        WHEN t."failures" + 1 >= ${policy.failures} THEN 0
        ELSE t."failures" + 1 END,
      "windowStartedAt" = CASE
        WHEN t."windowStartedAt" < ${windowStart} OR t."failures" + 1 >= ${policy.failures} THEN ${now}
        ELSE t."windowStartedAt" END,
      "lockedUntil" = CASE
        WHEN t."windowStartedAt" >= ${windowStart} AND t."failures" + 1 >= ${policy.failures}
        THEN ${lockedUntil}::timestamptz
        ELSE t."lockedUntil" END,
      "updatedAt" = ${now}
    RETURNING "lockedUntil"`;
  // Keys nobody used for a day are only clutter; clear them while we are here.
  await db.signInThrottle.deleteMany({
    where: {
      updatedAt: { lt: new Date(now.getTime() - 24 * 60 * MINUTE) },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
    },
  });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}
