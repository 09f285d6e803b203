// Runs inside the render thread (render-thread.ts): renders what the send run asks for, on
// connections of its own, and answers with the outcome or the error's name, message and code.
import { parentPort, workerData } from "node:worker_threads";
import { createDbClient } from "@/lib/db-client";
import {
  type RenderPlannedNoticesOptions,
  renderPlannedNotices,
  warmUpRendering,
} from "./render-planned-notices";
import type { RenderRequest, RenderResponse } from "./render-thread";

const port = parentPort;
if (!port) throw new Error("render-thread-serve runs only as a worker thread");
const db = createDbClient((workerData as { databaseUrl: string }).databaseUrl, 4);
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
