import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { restartableThread, threadCalls } from "@/lib/restartable-thread";
import type { RenderPlannedNoticesOptions, RenderPlannedNoticesResult } from "./render-planned-notices";
import { RenderThreadError } from "./render-thread-error";

export type RenderRequest = { id: number; options: RenderPlannedNoticesOptions };
export type RenderResponse =
  | { id: number; result: RenderPlannedNoticesResult }
  | { id: number; error: { name: string; message: string; code?: string } };

export type RenderThread = {
  render(options: RenderPlannedNoticesOptions): Promise<RenderPlannedNoticesResult>;
  /** ends the thread once what it was asked is answered; a later `render` starts a new one */
  close(): Promise<void>;
};

/**
 * `renderPlannedNotices` on a thread of its own, with its own connections to `databaseUrl`.
 * A send run's rendering is CPU-bound (the layouts filled in per patron, megabytes of HTML to
 * store): on the thread that also delivers, it held up every request behind it, and the
 * requests reached Resend late and unevenly. An error comes back with its name, message and
 * code, so the caller tells the database's errors from a notice's as before. A thread that
 * fails fails what it was asked with a RenderThreadError; the next `render` starts a new one.
 */
export function startRenderThread(databaseUrl: string): RenderThread {
  const thread = restartableThread((gone) => spawn(databaseUrl, gone));
  return {
    render: (options) => thread.current().render(options),
    close: thread.close,
  };
}

/**
 * The thread's first module, in the project's root (where npm's scripts run). Only scripts
 * (npm run worker, the send bench) and tests start the thread: the app's bundler would follow
 * this path into tsx, so nothing the app imports imports this module.
 */
const ENTRY = join(process.cwd(), "lib", "rendering", "render-thread-entry.mjs");

function spawn(databaseUrl: string, onGone: () => void): RenderThread {
  const worker = new Worker(ENTRY, {
    workerData: { databaseUrl },
  });
  // an idle thread does not keep the process alive
  worker.unref();
  const calls = threadCalls<RenderPlannedNoticesResult>(onGone);
  worker.on("message", (response: RenderResponse) => calls.answer(response.id, response));
  worker.on("error", (error) =>
    calls.end(new RenderThreadError(`the render thread failed: ${error.message}`)),
  );
  worker.on("exit", (code) =>
    calls.end(new RenderThreadError(`the render thread ended (exit code ${code})`)),
  );
  return {
    render: (options) => calls.call((id) => worker.postMessage({ id, options } satisfies RenderRequest)),
    async close() {
      if (calls.gone()) return;
      const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
      worker.postMessage("close");
      await exited;
    },
  };
}
