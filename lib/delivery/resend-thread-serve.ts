// Runs inside the delivery thread (resend-thread.ts): makes the SDK's batch calls it is asked
// for, each at the turn the process's thread got for it (the shared grants) and when it fits
// the provider's window on this thread's own requests (request-window.ts), and answers with the
// SDK's outcome, or the error a call threw.
import { AsyncLocalStorage } from "node:async_hooks";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parentPort, workerData } from "node:worker_threads";
import { createRequestWindow, sleepUntil } from "./request-window";
import { buildResendClient } from "./resend-client";
import type { FromThread, ResendThreadData, ToThread } from "./resend-thread";

const port = parentPort;
if (!port) throw new Error("resend-thread-serve runs only as a worker thread");
const { apiKey, baseUrl, perSecond } = workerData as ResendThreadData;
const post = (message: FromThread) => port.postMessage(message);

const window = createRequestWindow({ perSecond });
// each call's turn, made when the call comes and settled by the message that follows it with
// the moment, or with why there is none
type Turn = { promise: Promise<number>; resolve: (at: number) => void; reject: (error: Error) => void };
const turns = new Map<number, Turn>();
function newTurn(): Turn {
  let resolve: Turn["resolve"] = () => {};
  let reject: Turn["reject"] = () => {};
  const promise = new Promise<number>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  // a call that ends before its request (aborted) leaves its turn unawaited
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
// the call the SDK's request belongs to, inside the SDK
const currentCall = new AsyncLocalStorage<number>();

const client = buildResendClient({
  apiKey,
  baseUrl,
  // every email names its sender
  from: "",
  limiter: {
    async acquire(idempotencyKey) {
      const turn = turns.get(currentCall.getStore() ?? -1);
      if (!turn) throw new Error("a request of the delivery thread outside a call");
      await sleepUntil(await turn.promise);
      await window.fit(idempotencyKey);
    },
    // the process's thread is told of refusals (deliver-batch.ts)
    refused: () => undefined,
  },
});

// fetch loads its HTTP client and compiles its parser on its first request (a run's first
// request went out 19-70 ms after its turn in the send bench, the next ones 3-12): one request
// to a listener of this thread's own first, never to the provider
void (async () => {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.end("{}"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port: local } = server.address() as AddressInfo;
    await (await fetch(`http://127.0.0.1:${local}/`, { method: "POST", body: Buffer.from("{}") })).text();
  } finally {
    server.closeAllConnections();
    server.close();
  }
})().catch(() => undefined);

const calls = new Map<number, AbortController>();
const inFlight = new Set<Promise<void>>();

port.on("message", (message: ToThread) => {
  switch (message.kind) {
    case "send": {
      const controller = new AbortController();
      calls.set(message.id, controller);
      turns.set(message.id, newTurn());
      const call = send(message, controller.signal).finally(() => {
        calls.delete(message.id);
        turns.delete(message.id);
        inFlight.delete(call);
      });
      inFlight.add(call);
      return;
    }
    case "abort":
      calls.get(message.id)?.abort(Object.assign(new Error(message.reason.message), message.reason));
      return;
    // (a call that has ended, aborted, has no turn any more)
    case "granted":
      turns.get(message.id)?.resolve(message.at);
      return;
    case "grant-failed":
      turns.get(message.id)?.reject(new Error(message.message));
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
    const result = await currentCall.run(message.id, () =>
      client.sdk.batch.send(message.payload, { ...message.options, signal }),
    );
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
