import { watchRequest } from "./request-sent";

/**
 * No one-second window of the provider holds more than n requests, with this margin (ms) for
 * jitter: on the grants of every worker together (rate-bucket.ts), and on a request of this
 * process until its answer tells how late the provider may have counted it.
 */
export const WINDOW_MARGIN_MS = 10;
/** Round trips of this thread's latest accepted requests kept: the fastest is the provider's time without delay. */
const ROUND_TRIPS_KEPT = 20;
/** Once a request's answer is in, the window counts from its latest counting moment with this margin (ms). */
const ANSWERED_MARGIN_MS = 2;

/** The clock every thread of the process shares: ms since the epoch, to a fraction of a ms. */
export const nowMs = () => performance.timeOrigin + performance.now();

/** Resolves at `at` (nowMs()), at once when it has passed. */
export function sleepUntil(at: number): Promise<void> {
  const wait = at - nowMs();
  return wait > 0 ? new Promise((resolve) => setTimeout(resolve, Math.ceil(wait))) : Promise.resolve();
}

export type RequestWindow = {
  /**
   * Resolves when the request with this Idempotency-Key may go out: once no one-second window
   * of the provider would hold more than n requests of this thread with it. Callers are served
   * in the order they ask.
   */
  fit(idempotencyKey?: string): Promise<void>;
};

/**
 * The provider's window on the requests of this thread (the thread that makes them: only it
 * sees when each went out and when its answer came, request-sent.ts).
 *
 * A request reaches the provider when its thread has written it out: later than its turn on a
 * busy machine (a busy event loop adds tens of milliseconds), and the request n turns on,
 * granted on time, would then reach the provider inside the same second (traced in the send
 * bench: each 429 came to a request whose fifth predecessor had gone out 50-130 ms after its
 * grant). So the window is kept on the moments the requests went out whole, and a turn is held
 * back until it fits there too. Only the window: a request held back may go right after the
 * one before it (the shortest spacing is kept on the grants, rate-bucket.ts; kept again here,
 * a hold moved every request after it, and in replays of ten traced bench runs cost 0.1-0.5 s
 * a run).
 *
 * A turn that had to wait looks again when it has waited: meanwhile the request n turns
 * before it may have been seen going out, or its answer may have come, later than was known
 * (n requests asked for at once went out together 19 ms after the first one's turn, and the
 * next one, which had waited from that turn only, was refused).
 *
 * And the provider counts a request when it has read it, which can be tens of milliseconds
 * after it went out when the provider is busy: traced in the send bench (the fake's count
 * against the moment the request went out), p50 4 ms, p99 30-40, at most 60, and each 429 came
 * to a request whose fifth predecessor had been counted 30-60 ms late, when a fixed margin of
 * 20 ms had let it go. The answer tells how late at most: the provider answers after it has
 * counted the request and done its work, so a request answered `x` ms slower than the fastest
 * of this thread's latest ROUND_TRIPS_KEPT (accepted ones: a refusal comes back without the
 * work) was counted at most `x` ms late (held at most one spacing). Once its answer is in, the
 * request n turns on keeps its second from that moment (with ANSWERED_MARGIN_MS); before, from
 * the moment it went out and WINDOW_MARGIN_MS. The estimate is high (it also holds the
 * provider's slower work after the count, and how late this thread heard the answer) but it
 * is the request's own: in 46 runs of the bench with it, no refusal in 37, one in 8, two in 1
 * (with a 20 ms margin for all and no estimate, 3-4 a run, each costing its request's turn).
 */
export function createRequestWindow({ perSecond }: { perSecond: number }): RequestWindow {
  if (!(perSecond > 0)) throw new Error("perSecond must be positive");
  const n = Math.ceil(perSecond);
  const windowMs = (1000 * n) / perSecond;
  const gapMs = 1000 / perSecond;
  // this thread's latest requests, oldest first (performance.now()): when each went out (its
  // turn's moment until it is known to have gone out whole), and the latest moment the provider
  // may have counted it
  type Request = { sentAt: number; countedBy: number; stop?: () => void };
  const requests: Request[] = [];
  // ms from written to answered, of this thread's latest accepted requests
  const roundTrips: number[] = [];
  const watch = (request: Request) => ({
    sent(at: number) {
      request.sentAt = Math.max(request.sentAt, at);
      request.countedBy = Math.max(request.countedBy, at + WINDOW_MARGIN_MS);
    },
    answered(at: number, status: number) {
      // a refusal or an error came back without the provider's work: not a round trip to learn from
      if (status < 200 || status >= 300) return;
      const roundTrip = at - request.sentAt;
      roundTrips.push(roundTrip);
      if (roundTrips.length > ROUND_TRIPS_KEPT) roundTrips.shift();
      // held at most one spacing: longer would cost more than the refusal it might spare
      const late = Math.min(roundTrip - Math.min(...roundTrips), gapMs);
      request.countedBy = request.sentAt + late + ANSWERED_MARGIN_MS;
    },
  });
  let last: Promise<void> = Promise.resolve();
  return {
    fit(idempotencyKey) {
      const turn = last.then(async () => {
        // asked again after each wait: meanwhile the request n turns before may have gone out
        // later, or its answer said it may have been counted later, than was known
        for (;;) {
          const wait =
            requests.length >= n ? requests[requests.length - n].countedBy + windowMs - performance.now() : 0;
          if (wait <= 0) break;
          await new Promise((resolve) => setTimeout(resolve, Math.ceil(wait)));
        }
        const now = performance.now();
        const request: Request = { sentAt: now, countedBy: now + WINDOW_MARGIN_MS };
        if (idempotencyKey !== undefined) request.stop = watchRequest(idempotencyKey, watch(request));
        requests.push(request);
        if (requests.length > n) requests.shift()?.stop?.();
      });
      last = turn;
      return turn;
    },
  };
}
