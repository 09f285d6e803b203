// Runs inside the render thread (render-thread.ts): renders what the send run asks for, on
// connections of its own, and answers with the outcome or the error's name, message and code.
import { readlinkSync } from "node:fs";
import { getPriority, setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { createDbClient } from "@/lib/db-client";
import {
  type RenderPlannedNoticesOptions,
  renderPlannedNotices,
  warmUpRendering,
} from "./render-planned-notices";
import type { RenderRequest, RenderResponse } from "./render-thread";

const { databaseUrl, nice } = workerData as { databaseUrl: string; nice: number };
// lower than the rest of the process (render-thread.ts says why)
lowerThreadPriority(nice);

/** Linux keeps a nice value per thread, set by its thread id; elsewhere the thread keeps its priority. */
function lowerThreadPriority(by: number): void {
  try {
    const threadId = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(threadId) && threadId > 0)
      setPriority(threadId, Math.min(19, getPriority(threadId) + by));
  } catch {
    // no /proc (macOS, Windows): the same priority as the rest
  }
}

const port = parentPort;
if (!port) throw new Error("render-thread-serve runs only as a worker thread");
const db = createDbClient(databaseUrl, 4);
// connected and warmed up before the first request comes (a failure here shows on that request)
const ready = warmUpRendering(db).catch(() => undefined);

const inFlight = new Set<Promise<void>>();

port.on("message", (message: RenderRequest | "close") => {
  if (message === "close") {
    // what was asked before is answered first
    void Promise.all(inFlight).then(async () => {
      await db.$disconnect();
      port.close();
    });
    return;
  }
  const answering = answer(message).finally(() => inFlight.delete(answering));
  inFlight.add(answering);
});

async function answer({ id, options }: RenderRequest): Promise<void> {
  let response: RenderResponse;
  await ready;
  try {
    response = { id, result: await renderPlannedNotices(db, options as RenderPlannedNoticesOptions) };
  } catch (error) {
    const { name, message: text, code } = error as { name?: string; message?: string; code?: unknown };
    response = {
      id,
      error: {
        name: name ?? "Error",
        message: text ?? String(error),
        code: typeof code === "string" ? code : undefined,
      },
    };
  }
  port?.postMessage(response);
}
