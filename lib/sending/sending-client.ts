import "server-only";
import type { Db } from "@/lib/db-client";
import { buildResendClient, type ResendClient } from "@/lib/delivery/resend-client";
import { env } from "@/lib/env";
import { createDbRateLimiter } from "./rate-bucket";

export type SendingClientOverrides = { apiKey?: string; baseUrl?: string; perSecond?: number };

/** The key, the API's address, the sender and the requests a second, from the environment. */
export function sendingSettings(overrides: SendingClientOverrides) {
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
  const { perSecond, ...client } = sendingSettings(overrides);
  return buildResendClient({ ...client, limiter: createDbRateLimiter(db, { perSecond }) });
}
