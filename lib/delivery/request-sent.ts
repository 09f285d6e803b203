import { subscribe } from "node:diagnostics_channel";

/**
 * When a request to the provider has gone out whole, and when its answer began to come back.
 * fetch (undici) announces on diagnostics channels the moment a request's body has been
 * written to its connection and the moment the answer's headers arrived; a request is known
 * here by its Idempotency-Key header. The provider counts a request against its rate limit
 * somewhere between the two: when it has read it, after the write (tens of milliseconds later
 * when its machine or ours is busy), and before it answers. These moments, not the moment the
 * request's turn was granted, are what the next requests must keep their distance from.
 */
export type RequestWatch = {
  /** performance.now() when the request's body had been written */
  sent(at: number): void;
  /** performance.now() when the answer's headers arrived, and its status */
  answered(at: number, status: number): void;
};

const watching = new Map<string, RequestWatch>();
let subscribed = false;

type UndiciRequest = { headers?: unknown };
type UndiciResponse = { statusCode?: number };

function idempotencyKeyOf(request: UndiciRequest): string | undefined {
  const headers = request.headers;
  // undici keeps a request's headers as a flat list: name, value, name, value ...
  if (!Array.isArray(headers)) return undefined;
  for (let i = 0; i + 1 < headers.length; i += 2) {
    if (String(headers[i]).toLowerCase() === "idempotency-key") return String(headers[i + 1]);
  }
  return undefined;
}

/** The key of a request being watched, and its watch. */
function watchedOf(message: unknown): { key: string; watch: RequestWatch } | undefined {
  const key = idempotencyKeyOf((message as { request: UndiciRequest }).request);
  const watch = key === undefined ? undefined : watching.get(key);
  return key !== undefined && watch ? { key, watch } : undefined;
}

/**
 * Tells `watch` when the request carrying this key has gone out and when its answer came;
 * returns the way to stop watching (after the answer it stops by itself).
 */
export function watchRequest(idempotencyKey: string, watch: RequestWatch): () => void {
  if (!subscribed) {
    subscribed = true;
    subscribe("undici:request:bodySent", (message) => watchedOf(message)?.watch.sent(performance.now()));
    subscribe("undici:request:headers", (message) => {
      const found = watchedOf(message);
      if (!found) return;
      watching.delete(found.key);
      const { response } = message as { response: UndiciResponse };
      found.watch.answered(performance.now(), response.statusCode ?? 0);
    });
  }
  watching.set(idempotencyKey, watch);
  return () => {
    if (watching.get(idempotencyKey) === watch) watching.delete(idempotencyKey);
  };
}
