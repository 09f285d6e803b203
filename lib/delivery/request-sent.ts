import { subscribe } from "node:diagnostics_channel";

/**
 * When a request to the provider has gone out whole. fetch (undici) announces on a diagnostics
 * channel the moment a request's body has been written to its connection; a request is known
 * here by its Idempotency-Key header. The provider counts a request against its rate limit
 * when it has read it, so this moment, not the moment its turn was granted, is what the next
 * requests must keep their distance from: between the two the process turns the payload into
 * JSON and writes a megabyte or two, tens of milliseconds later on a busy machine.
 */
const waiting = new Map<string, (at: number) => void>();
let subscribed = false;

type UndiciRequest = { headers?: unknown };

function idempotencyKeyOf(request: UndiciRequest): string | undefined {
  const headers = request.headers;
  // undici keeps a request's headers as a flat list: name, value, name, value ...
  if (!Array.isArray(headers)) return undefined;
  for (let i = 0; i + 1 < headers.length; i += 2) {
    if (String(headers[i]).toLowerCase() === "idempotency-key") return String(headers[i + 1]);
  }
  return undefined;
}

/** Calls `sent` with performance.now() once the request carrying this key has gone out; returns the way to stop waiting. */
export function onRequestSent(idempotencyKey: string, sent: (at: number) => void): () => void {
  if (!subscribed) {
    subscribed = true;
    subscribe("undici:request:bodySent", (message) => {
      const key = idempotencyKeyOf((message as { request: UndiciRequest }).request);
      if (key === undefined) return;
      const callback = waiting.get(key);
      if (!callback) return;
      waiting.delete(key);
      callback(performance.now());
    });
  }
  waiting.set(idempotencyKey, sent);
  return () => {
    if (waiting.get(idempotencyKey) === sent) waiting.delete(idempotencyKey);
  };
}
