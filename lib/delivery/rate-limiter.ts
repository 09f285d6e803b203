export type RateLimiter = {
  /** resolves when the caller may make one request; callers are served in arrival order */
  acquire(): Promise<void>;
  /** nobody gets a turn for `ms`: the API said to wait (429 retry-after) */
  blockFor(ms: number): void;
};

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
    blockFor(ms) {
      blockedUntil = Math.max(blockedUntil, Date.now() + ms);
    },
  };
}
