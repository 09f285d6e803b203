/** The outcome of one try: a value, or a failure that says whether trying again can help. */
export type Attempt<T> = { ok: true; value: T } | AttemptFailure;

export type AttemptFailure = {
  ok: false;
  retryable: boolean;
  reason: string;
  code: string;
  /** the API's retry-after: the next try waits at least this long */
  retryAfterMs?: number;
};

export type RetryOptions = {
  /** tries in all, the first included (default 5) */
  maxAttempts?: number;
  /** the first backoff; doubles on each retry (default 500 ms) */
  baseDelayMs?: number;
  /** no backoff is longer than this, unless the API asks for more with retry-after (default 30 s) */
  maxDelayMs?: number;
  /** tests replace these to observe the waits */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it succeeds, fails for good, or runs out of tries, waiting in between
 * with exponential backoff and jitter, and at least as long as the API's retry-after. The
 * caller passes the same idempotency key on every try, so a retry never sends twice.
 */
export async function withRetry<T>(
  attempt: (attemptNumber: number) => Promise<Attempt<T>>,
  options: RetryOptions = {},
): Promise<Attempt<T>> {
  const { maxAttempts = 5, baseDelayMs = 500, maxDelayMs = 30_000 } = options;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  for (let n = 1; ; n++) {
    const result = await attempt(n);
    if (result.ok || !result.retryable || n >= maxAttempts) return result;
    const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (n - 1));
    // "Equal jitter": half the backoff fixed, half random, so workers that failed together
    // do not all come back in the same instant.
    const jittered = backoff / 2 + (random() * backoff) / 2;
    const delay =
      result.retryAfterMs === undefined
        ? jittered
        : result.retryAfterMs + random() * Math.min(baseDelayMs, 250);
    await sleep(Math.round(delay));
  }
}
