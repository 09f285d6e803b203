import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { CreateBatchOptions, CreateBatchRequestOptions, CreateBatchResponse } from "resend";
import { restartableThread, threadCalls } from "@/lib/restartable-thread";
import type { TurnGrants } from "./rate-limiter";
import type { BatchSend, ResendClient } from "./resend-client";

type BatchResult = CreateBatchResponse<CreateBatchRequestOptions>;
type ErrorShape = { name: string; message: string };

export type ResendThreadData = { apiKey: string; baseUrl?: string; perSecond: number };
export type ToThread =
  | {
      kind: "send";
      id: number;
      payload: CreateBatchOptions;
      options: Pick<CreateBatchRequestOptions, "idempotencyKey" | "batchValidation">;
    }
  | { kind: "abort"; id: number; reason: ErrorShape }
  | { kind: "granted"; id: number; at: number }
  | { kind: "grant-failed"; id: number; message: string }
  | { kind: "close" };
export type FromThread =
  | { kind: "result"; id: number; result: BatchResult }
  | { kind: "thrown"; id: number; error: ErrorShape };

export type ResendThreadOptions = {
  apiKey: string;
  /** unset: Resend's own API */
  baseUrl?: string;
  from: string;
  /** the provider's requests a second: the thread keeps its own requests' window at it */
  perSecond: number;
  /** the turns every worker shares (rate-bucket.ts's createDbGrants) */
  grants: TurnGrants;
};

export type ResendThread = ResendClient & {
  /** ends the thread once what it was asked is answered; a later call starts a new one */
  close(): Promise<void>;
};

/**
 * The SDK's batch calls on a thread of their own, whose event loop does nothing else. Each
 * request must reach the provider at its turn, and the turns after it are kept from the moments
 * the thread sees it go out and its answer come back (request-window.ts). On the thread that
 * also plans, fixes and records, whose event loop runs 10-50 ms late while a run is prepared,
 * the answers were heard late: traced in the send bench during the preparation, an answer
 * reached that thread 15 ms after the provider wrote it on average (sd 26, up to 127), each
 * such delay held the request five turns on, and a request five turns on came 48-60 ms later
 * than one second after its predecessor on average. On this thread: 1-2 ms (sd 5-11), and
 * 23-31 ms (traced, three runs each).
 *
 * The turns themselves come from `grants`, asked for in this (the calling) thread, where the
 * database connection is, as the call is made: asked for by the thread once the payload was
 * bytes, the question waited for this thread's event loop (a run's first turn 124 ms, while a
 * slice of patrons was planned). A call's AbortSignal is followed: its abort reaches the thread. A
 * thread that fails fails what it was asked with its error (the batch is retried with its key);
 * the next call starts a new one.
 */
export function startResendThread(options: ResendThreadOptions): ResendThread {
  const thread = restartableThread((gone) => spawn(options, gone));
  return {
    sdk: { batch: { send: (payload, requestOptions) => thread.current().send(payload, requestOptions) } },
    from: options.from,
    limiter: { refused: options.grants.refused },
    close: thread.close,
  };
}

/**
 * The thread's first module, in the project's root (where npm's scripts run). Only scripts
 * (npm run worker, the send bench) and tests start the thread: the app's bundler would follow
 * this path into tsx, so nothing the app imports imports this module.
 */
const ENTRY = join(process.cwd(), "lib", "delivery", "resend-thread-entry.mjs");

type Spawned = { send: BatchSend; close(): Promise<void> };

function spawn({ apiKey, baseUrl, perSecond, grants }: ResendThreadOptions, onGone: () => void): Spawned {
  const worker = new Worker(ENTRY, { workerData: { apiKey, baseUrl, perSecond } satisfies ResendThreadData });
  // an idle thread does not keep the process alive
  worker.unref();
  const post = (message: ToThread) => worker.postMessage(message);
  const calls = threadCalls<BatchResult>(onGone);
  worker.on("message", (message: FromThread) => calls.answer(message.id, message));
  worker.on("error", (error) => calls.end(new Error(`the delivery thread failed: ${error.message}`)));
  worker.on("exit", (code) => calls.end(new Error(`the delivery thread ended (exit code ${code})`)));
  return {
    send(payload, requestOptions = {}) {
      const { idempotencyKey, batchValidation, signal } = requestOptions;
      let abort = () => {};
      return calls
        .call((id) => {
          abort = () => {
            const reason = signal?.reason as { name?: string; message?: string } | undefined;
            post({
              kind: "abort",
              id,
              reason: { name: reason?.name ?? "AbortError", message: reason?.message ?? "aborted" },
            });
          };
          post({ kind: "send", id, payload, options: { idempotencyKey, batchValidation } });
          // the turn is asked for now, while the thread makes the payload into bytes: asked by
          // the thread when it was ready, the question waited for this thread's event loop
          grants.grant().then(
            (at) => post({ kind: "granted", id, at }),
            (error: unknown) =>
              post({
                kind: "grant-failed",
                id,
                message: error instanceof Error ? error.message : String(error),
              }),
          );
          if (signal?.aborted) abort();
          else signal?.addEventListener("abort", abort, { once: true });
        })
        .finally(() => signal?.removeEventListener("abort", abort));
    },
    async close() {
      if (calls.gone()) return;
      const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
      post({ kind: "close" });
      await exited;
    },
  };
}
