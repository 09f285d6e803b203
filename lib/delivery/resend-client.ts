import {
  type CreateBatchOptions,
  type CreateBatchRequestOptions,
  type CreateBatchResponse,
  Resend,
} from "resend";
import type { RateLimiter } from "./rate-limiter";

/** The SDK's batch call, which is all Rappel sends through. */
export type BatchSend = (
  payload: CreateBatchOptions,
  options?: CreateBatchRequestOptions,
) => Promise<CreateBatchResponse<CreateBatchRequestOptions>>;

/**
 * The SDK (in this thread, or on a thread of its own: resend-thread.ts), with the sender, and
 * the rate limit every call through it respects, told of the provider's refusals.
 */
export type ResendClient = {
  sdk: { batch: { send: BatchSend } };
  from: string;
  limiter: Pick<RateLimiter, "refused">;
};

export type ResendClientConfig = {
  apiKey: string;
  /** unset: Resend's own API */
  baseUrl?: string;
  from: string;
  limiter: RateLimiter;
};

export function buildResendClient({ apiKey, baseUrl, from, limiter }: ResendClientConfig): ResendClient {
  return { sdk: new PacedResend(limiter, apiKey, baseUrl ? { baseUrl } : undefined), from, limiter };
}

type RequestOptions = RequestInit & { headers?: Headers };

/**
 * The real SDK, waiting for its turn at the rate limiter on every request it makes, at the
 * last moment: after the SDK has turned the payload into JSON and the JSON into bytes (a batch
 * of 100 emails is 1-2 MB: 10-20 ms of work, longer on a busy machine), so that between the
 * turn and the request reaching Resend there is only the write. Counted from the turn, the
 * provider's one-second window is then where the limiter thinks it is. The SDK makes every
 * request through `fetchRequest` (one HTTP request a call, resend 6.38); a version without it
 * is refused here rather than let requests past the limiter.
 */
class PacedResend extends Resend {
  constructor(
    private readonly limiter: RateLimiter,
    ...args: ConstructorParameters<typeof Resend>
  ) {
    super(...args);
  }

  override async fetchRequest<T>(path: string, options: RequestOptions = {}) {
    const body = typeof options.body === "string" ? Buffer.from(options.body, "utf8") : options.body;
    const key = options.headers instanceof Headers ? options.headers.get("Idempotency-Key") : null;
    await this.limiter.acquire(key ?? undefined);
    // timed out while waiting: nothing went out
    options.signal?.throwIfAborted();
    return super.fetchRequest<T>(path, { ...options, body });
  }
}

if (typeof Resend.prototype.fetchRequest !== "function") {
  throw new Error(
    "this resend SDK makes its requests elsewhere than fetchRequest: the rate limiter would be bypassed",
  );
}
