import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";

/**
 * The app's durable job queue: pg-boss 10 on the app's PostgreSQL (its tables live in the
 * schema `pgboss`). Jobs survive restarts; several worker processes share them with
 * `SKIP LOCKED`. pg-boss 10 is the last line that runs on Node 20.
 *
 * For other modules (webhook processing, imports):
 *
 *   registerJob("feedback-event", async (data) => { ... }, { concurrency: 2 });  // before the worker starts
 *   await enqueue("feedback-event", { eventId: 12 });                           // from anywhere in the server
 *
 * A handler must be safe to run twice for the same data: a worker that dies mid-job leaves
 * the job to be retried by another.
 */

/** pg-boss's own pool (3 connections by default), or a `db` whose `executeSql` it uses instead */
export type QueueConnection = { connectionString: string; max?: number } | { db: PgBoss.Db };

export type JobHandler<T = unknown> = (data: T, job: { id: string; name: string }) => Promise<void>;

export type JobOptions = {
  /** jobs of this queue handled at once by one worker process (default 1) */
  concurrency?: number;
  /** how long a job may stay active before pg-boss fails it for a retry (default 60 s) */
  expireInSeconds?: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** "short": at most one waiting job per singletonKey, so re-enqueueing is free */
  policy?: "standard" | "short";
  /** how often an idle worker looks for new jobs (default 1 s; jobs sent from the same process wake it at once) */
  pollingIntervalSeconds?: number;
};

type Registered = { handler: JobHandler<never>; options: JobOptions };
type QueueState = {
  boss?: Promise<PgBoss>;
  connection?: QueueConnection;
  jobs: Map<string, Registered>;
  /** this process's workers per job name, woken in turn when a job is sent from here */
  workers?: Map<string, { ids: string[]; next: number }>;
  /** handlers running in this process, awaited by `stopJobWorkers` */
  running?: Set<Promise<void>>;
};

const globalForQueue = globalThis as unknown as { rappelQueue?: QueueState };
globalForQueue.rappelQueue ??= { jobs: new Map() };
const state: QueueState = globalForQueue.rappelQueue;

/** Tells the queue which database to use; call once per process before the first `getQueue`. */
export function configureQueue(connection: QueueConnection): void {
  state.connection = connection;
}

/** The process's started pg-boss, creating its tables on first use. */
export function getQueue(connection?: QueueConnection): Promise<PgBoss> {
  if (connection) state.connection = connection;
  state.boss ??= (async () => {
    // The web server enqueues through a small pool of its own; on the embedded database (one
    // session) the in-process worker configures the queue over the app's connection instead.
    const chosen =
      state.connection ??
      (env.DATABASE_POOL_MAX > 1 ? { connectionString: env.DATABASE_URL, max: 2 } : undefined);
    if (!chosen) {
      state.boss = undefined;
      throw new Error("the job queue has no database: call configureQueue first");
    }
    const boss = new PgBoss({
      ...("connectionString" in chosen ? { max: 3, ...chosen } : chosen),
      schema: "pgboss",
      // a short maintenance interval: expired jobs of a dead worker come back within seconds
      maintenanceIntervalSeconds: 30,
      monitorStateIntervalSeconds: 60,
    });
    boss.on("error", (error) => console.error("job queue:", error instanceof Error ? error.message : error));
    await boss.start();
    for (const [name, { options }] of state.jobs) await ensureQueue(boss, name, options);
    return boss;
  })();
  return state.boss;
}

async function ensureQueue(boss: PgBoss, name: string, options: JobOptions): Promise<void> {
  const settings = {
    name,
    policy: options.policy ?? "standard",
    expireInSeconds: options.expireInSeconds ?? 60,
    retryLimit: options.retryLimit ?? 5,
    retryDelay: options.retryDelaySeconds ?? 5,
    retryBackoff: true,
  } as const;
  if (await boss.getQueue(name)) await boss.updateQueue(name, settings);
  else await boss.createQueue(name, settings);
}

/** Registers the handler of a job name; the worker (`startJobWorkers`) runs it. */
export function registerJob<T>(name: string, handler: JobHandler<T>, options: JobOptions = {}): void {
  state.jobs.set(name, { handler: handler as JobHandler<never>, options });
}

/** Puts a job on the queue; null when a "short" queue already holds one with this singletonKey. */
export async function enqueue(
  name: string,
  data: object,
  options: { singletonKey?: string; startAfterSeconds?: number } = {},
): Promise<string | null> {
  const boss = await getQueue();
  if (!state.jobs.has(name) && !(await boss.getQueue(name))) await boss.createQueue(name);
  const id = await boss.send(name, data, {
    ...(options.singletonKey && { singletonKey: options.singletonKey }),
    ...(options.startAfterSeconds && { startAfter: options.startAfterSeconds }),
  });
  // A worker of this process takes it at once instead of at its next poll (one worker: a busy
  // one fetches again as soon as it is done; the others keep their pace of polling).
  const local = state.workers?.get(name);
  if (id && local && local.ids.length > 0 && !options.startAfterSeconds) {
    boss.notifyWorker(local.ids[local.next++ % local.ids.length]);
  }
  return id;
}

/** Starts this process's workers for every registered job. */
export async function startJobWorkers(): Promise<void> {
  const boss = await getQueue();
  for (const [name, { handler, options }] of state.jobs) {
    await ensureQueue(boss, name, options);
    const local = { ids: [] as string[], next: 0 };
    state.workers ??= new Map();
    state.workers.set(name, local);
    for (let i = 0; i < (options.concurrency ?? 1); i++) {
      const id = await boss.work(
        name,
        { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
        async ([job]) => {
          const run = (handler as JobHandler<unknown>)(job.data, { id: job.id, name });
          state.running ??= new Set();
          const tracked = run.then(
            () => undefined,
            () => undefined,
          );
          state.running.add(tracked);
          try {
            await run;
          } finally {
            state.running.delete(tracked);
          }
        },
      );
      local.ids.push(id);
    }
  }
}

/**
 * Stops this process's workers and waits for the jobs they hold to end (what a job does after
 * its main work, such as the statistics refresh at the end of a send run, is not cut off by a
 * closing connection); the queue stays usable for `enqueue`.
 */
export async function stopJobWorkers(): Promise<void> {
  if (!state.boss) return;
  const boss = await state.boss;
  for (const name of state.jobs.keys()) await boss.offWork(name);
  state.workers?.clear();
  await Promise.all(state.running ?? []);
}

/** Stops the workers and closes the queue's connections (tests, shutdown). */
export async function stopQueue(): Promise<void> {
  const boss = state.boss;
  state.boss = undefined;
  state.workers?.clear();
  if (boss) await (await boss).stop({ graceful: false, wait: true, close: true });
}
