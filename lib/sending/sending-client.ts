import "server-only";
import type { Db } from "@/lib/db-client";
import { buildResendClient, type ResendClient } from "@/lib/delivery/resend-client";
import { type ResendThread, startResendThread } from "@/lib/delivery/resend-thread";
import { env } from "@/lib/env";
import { createDbGrants, createDbRateLimiter } from "./rate-bucket";

type SendingClientOverrides = { apiKey?: string; baseUrl?: string; perSecond?: number };

function settings(overrides: SendingClientOverrides) {
  const apiKey = overrides.apiKey ?? env.RESEND_API_KEY;
  if (!apiKey) throw new Error("RESEND_API_KEY is not set: email cannot be sent");
  return {
    apiKey,
    baseUrl: overrides.baseUrl ?? env.RESEND_BASE_URL,
    from: env.EMAIL_FROM,
    perSecond: overrides.perSecond ?? env.RESEND_RATE_LIMIT_PER_SECOND,
  };
}

/**
 * The Resend client of the send-run workers: the real API, or the local fake when
 * RESEND_BASE_URL is set, behind the one rate limit all workers share (a row in PostgreSQL).
 * The sender is in each fixed email; the client's own `from` is never used.
 */
export function createSendingClient(db: Db, overrides: SendingClientOverrides = {}): ResendClient {
  const { perSecond, ...client } = settings(overrides);
  return buildResendClient({ ...client, limiter: createDbRateLimiter(db, { perSecond }) });
}

/**
 * The same, with the requests made on a thread of their own (resend-thread.ts), as
 * `npm run worker` sends: only scripts start it (the app's bundler cannot load the thread).
 */
export function startSendingThread(db: Db, overrides: SendingClientOverrides = {}): ResendThread {
  const { perSecond, ...client } = settings(overrides);
  return startResendThread({ ...client, perSecond, grants: createDbGrants(db, { perSecond }) });
}
