import "server-only";
import {
  registerThrottleFailure,
  type ThrottlePolicy,
  throttleLockedUntil,
} from "@/lib/auth/sign-in-throttle";
import type { Db } from "@/lib/db-client";

const MINUTE = 60_000;

/** One link: a patron opens and submits it a few times; 30 requests in 10 minutes is plenty. */
export const LINK_POLICY: ThrottlePolicy = { failures: 30, windowMs: 10 * MINUTE, lockMs: 10 * MINUTE };
/** One client address, whatever the links: higher, as a library's public computers share one. */
export const CLIENT_POLICY: ThrottlePolicy = { failures: 120, windowMs: 10 * MINUTE, lockMs: 10 * MINUTE };

/**
 * Counts one request to a public self-service page, per link and per client address, in the
 * PostgreSQL table the sign-in throttle uses (keys "link:…" and "link-client:…"), and says
 * until when the caller must wait when either is over its limit. Guessing links by the
 * thousand from one address stops at the client limit; hammering one link at its own.
 */
export async function limitLinkRequests(
  db: Db,
  { token, ip, now = new Date() }: { token: string; ip: string; now?: Date },
): Promise<Date | null> {
  const keys: [string, ThrottlePolicy][] = [
    [`link:${token.slice(0, 120)}`, LINK_POLICY],
    [`link-client:${ip}`, CLIENT_POLICY],
  ];
  let lockedUntil: Date | null = null;
  for (const [key, policy] of keys) {
    const until =
      (await throttleLockedUntil(db, key, now)) ?? (await registerThrottleFailure(db, key, policy, now));
    if (until && (!lockedUntil || until > lockedUntil)) lockedUntil = until;
  }
  return lockedUntil;
}
