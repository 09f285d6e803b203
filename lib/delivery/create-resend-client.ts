import "server-only";
import { env } from "@/lib/env";
import { createRateLimiter, type RateLimiter } from "./rate-limiter";
import { buildResendClient, type ResendClient } from "./resend-client";

const globalForLimiter = globalThis as unknown as { resendRateLimiter?: RateLimiter };

/**
 * The process's one rate limiter at RESEND_RATE_LIMIT_PER_SECOND, kept on globalThis so dev
 * reloads do not make a second one. Several worker processes: the job queue holds the limit.
 */
export function sharedRateLimiter(): RateLimiter {
  globalForLimiter.resendRateLimiter ??= createRateLimiter({ perSecond: env.RESEND_RATE_LIMIT_PER_SECOND });
  return globalForLimiter.resendRateLimiter;
}

/** The Resend client from the environment: the real API, or the local fake when RESEND_BASE_URL is set. */
export function createResendClient(): ResendClient {
  if (!env.RESEND_API_KEY) {
    throw new Error("RESEND_API_KEY is not set: email cannot be sent (the demo sets one for its fake)");
  }
  return buildResendClient({
    apiKey: env.RESEND_API_KEY,
    baseUrl: env.RESEND_BASE_URL,
    from: env.EMAIL_FROM,
    limiter: sharedRateLimiter(),
  });
}
