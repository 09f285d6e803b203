export type RateLimiter = {
  /**
   * resolves when the caller may make one request; callers are served in arrival order. With
   * the request's Idempotency-Key, a limiter may keep its distance from the moment that request
   * actually went out (request-sent.ts) rather than the moment it was granted.
   */
  acquire(idempotencyKey?: string): Promise<void>;
  /**
   * The provider refused a request with 429 and asked to wait `retryAfterMs`. The refused
   * request waits that long before its retry (withRetry). A lone refusal is a request that
   * reached the provider a few milliseconds early: the network and busy processes move
   * requests by tens of milliseconds, while the limiter keeps only a little under the limit,
   * so the others keep their turns. A second refusal within REPEATED_REFUSAL_MS means the
   * provider's limit is lower than ours (a wrong setting, or another sender on the account):
   * then nobody gets a turn until retry-after has passed.
   */
  refused(retryAfterMs: number): void;
};

/**
 * The turns of a limit shared with other workers, without the waiting: `grant` resolves with
 * the moment (ms since the epoch, `nowMs` in request-window.ts) the caller's turn is due, held
 * for it. A thread that makes the requests waits for that moment itself (resend-thread.ts).
 */
export type TurnGrants = {
  grant(): Promise<number>;
  refused(retryAfterMs: number): void;
};

/** Two 429s this close together hold every caller back; a lone one only its own request. */
export const REPEATED_REFUSAL_MS = 2_000;

export type RateLimiterOptions = {
  perSecond: number;
  /** requests allowed back to back after a quiet spell; 1 spaces every request evenly */
  burst?: number;
};

/**
 * A token bucket: `perSecond` tokens a second, at most `burst` saved up. With the default burst
 * of 1 no one-second window holds more than perSecond + 1 requests, which keeps a process under
 * Resend's per-team limit. It counts this process only: several workers share the limit through
 * the job queue (one send-run worker at a time, or the queue's own rate limit), not through this.
 */
export function createRateLimiter({ perSecond, burst = 1 }: RateLimiterOptions): RateLimiter {
  if (!(perSecond > 0)) throw new Error("perSecond must be positive");
  const msPerToken = 1000 / perSecond;
  let tokens = burst;
  let refilledAt = Date.now();
  let blockedUntil = 0;
  let refusedAt = Number.NEGATIVE_INFINITY;
  let queue: Promise<void> = Promise.resolve();

  async function takeToken(): Promise<void> {
    for (;;) {
      const now = Date.now();
      tokens = Math.min(burst, tokens + (now - refilledAt) / msPerToken);
      refilledAt = now;
      const wait = Math.max(blockedUntil - now, tokens >= 1 ? 0 : (1 - tokens) * msPerToken);
      if (wait <= 0) {
        tokens -= 1;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.ceil(wait)));
    }
  }

  return {
    acquire() {
      const turn = queue.then(takeToken);
      queue = turn;
      return turn;
    },
    refused(retryAfterMs) {
      const now = Date.now();
      if (now - refusedAt < REPEATED_REFUSAL_MS) blockedUntil = Math.max(blockedUntil, now + retryAfterMs);
      refusedAt = now;
    },
  };
}
