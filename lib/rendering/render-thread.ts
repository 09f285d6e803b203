import { join } from "node:path";
import { Worker } from "node:worker_threads";
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
  const thread = () => {
    const started = spawn(databaseUrl, () => {
      if (current === started) current = null;
    });
    return started;
  };
  // started now: loading the app's modules and connecting take a moment a run's first render should not wait for
  let current: RenderThread | null = thread();
  return {
    render: (options) => {
      current ??= thread();
      return current.render(options);
    },
    async close() {
      const closing = current;
      current = null;
      await closing?.close();
    },
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
  type Waiting = { resolve: (result: RenderPlannedNoticesResult) => void; reject: (error: Error) => void };
  const waiting = new Map<number, Waiting>();
  let nextId = 1;
  let gone: Error | null = null;
  const end = (error: Error) => {
    gone ??= error;
    for (const { reject } of waiting.values()) reject(gone);
    waiting.clear();
    onGone();
  };
  worker.on("message", (response: RenderResponse) => {
    const entry = waiting.get(response.id);
    if (!entry) return;
    waiting.delete(response.id);
    if ("result" in response) entry.resolve(response.result);
    else entry.reject(Object.assign(new Error(response.error.message), response.error));
  });
  worker.on("error", (error) => end(new RenderThreadError(`the render thread failed: ${error.message}`)));
  worker.on("exit", (code) => end(new RenderThreadError(`the render thread ended (exit code ${code})`)));
  return {
    render(options) {
      if (gone) return Promise.reject(gone);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, options } satisfies RenderRequest);
      });
    },
    async close() {
      if (gone) return;
      const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
      worker.postMessage("close");
      await exited;
    },
  };
}
