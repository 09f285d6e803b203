import "server-only";
import type { Db } from "@/lib/db-client";
import { buildResendClient, type ResendClient } from "@/lib/delivery/resend-client";
import { env } from "@/lib/env";
import { createDbRateLimiter } from "./rate-bucket";

/**
 * The Resend client of the send-run workers: the real API, or the local fake when
 * RESEND_BASE_URL is set, behind the one rate limit all workers share (a row in PostgreSQL).
 * The sender is in each fixed email; the client's own `from` is never used.
 */
export function createSendingClient(
  db: Db,
  overrides: { apiKey?: string; baseUrl?: string; perSecond?: number } = {},
): ResendClient {
  const apiKey = overrides.apiKey ?? env.RESEND_API_KEY;
  if (!apiKey) throw new Error("RESEND_API_KEY is not set: email cannot be sent");
  return buildResendClient({
    apiKey,
    baseUrl: overrides.baseUrl ?? env.RESEND_BASE_URL,
    from: env.EMAIL_FROM,
    limiter: createDbRateLimiter(db, { perSecond: overrides.perSecond ?? env.RESEND_RATE_LIMIT_PER_SECOND }),
  });
}
