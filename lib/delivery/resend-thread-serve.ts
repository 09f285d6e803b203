// Runs inside the delivery thread (resend-thread.ts): makes the SDK's batch calls it is asked
// for, each at the turn the process's thread hands it (the shared grants) and when it fits the
// provider's window on this thread's own requests (request-window.ts), and answers with the
// SDK's outcome, or the error a call threw.
import { parentPort, workerData } from "node:worker_threads";
import { createRequestWindow, sleepUntil } from "./request-window";
import { buildResendClient } from "./resend-client";
import type { FromThread, ResendThreadData, ToThread } from "./resend-thread";

const port = parentPort;
if (!port) throw new Error("resend-thread-serve runs only as a worker thread");
const { apiKey, baseUrl, perSecond } = workerData as ResendThreadData;
const post = (message: FromThread) => port.postMessage(message);

const window = createRequestWindow({ perSecond });
const granting = new Map<number, { resolve: (at: number) => void; reject: (error: Error) => void }>();
let nextGrant = 1;
const turn = () =>
  new Promise<number>((resolve, reject) => {
    const id = nextGrant++;
    granting.set(id, { resolve, reject });
    post({ kind: "grant", id });
  });

const client = buildResendClient({
  apiKey,
  baseUrl,
  // every email names its sender
  from: "",
  limiter: {
    async acquire(idempotencyKey) {
      await sleepUntil(await turn());
      await window.fit(idempotencyKey);
    },
    // the process's thread is told of refusals (deliver-batch.ts)
    refused: () => undefined,
  },
});

const calls = new Map<number, AbortController>();
const inFlight = new Set<Promise<void>>();

port.on("message", (message: ToThread) => {
  switch (message.kind) {
    case "send": {
      const controller = new AbortController();
      calls.set(message.id, controller);
      const call = send(message, controller.signal).finally(() => {
        calls.delete(message.id);
        inFlight.delete(call);
      });
      inFlight.add(call);
      return;
    }
    case "abort":
      calls.get(message.id)?.abort(Object.assign(new Error(message.reason.message), message.reason));
      return;
    case "granted":
      granting.get(message.id)?.resolve(message.at);
      granting.delete(message.id);
      return;
    case "grant-failed":
      granting.get(message.id)?.reject(new Error(message.message));
      granting.delete(message.id);
      return;
    case "close":
      // what was asked before is answered first
      // (the connections fetch keeps open would hold the thread a few seconds more)
      void Promise.all(inFlight).then(() => {
        port.close();
        process.exit(0);
      });
      return;
  }
});

async function send(message: Extract<ToThread, { kind: "send" }>, signal: AbortSignal): Promise<void> {
  try {
    const result = await client.sdk.batch.send(message.payload, { ...message.options, signal });
    post({ kind: "result", id: message.id, result });
  } catch (error) {
    const { name, message: text } = error as { name?: string; message?: string };
    post({
      kind: "thrown",
      id: message.id,
      error: { name: name ?? "Error", message: text ?? String(error) },
    });
  }
}
