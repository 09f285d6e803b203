/** A worker thread's handle: what it was asked is answered before `close` resolves. */
export type ThreadHandle = { close(): Promise<void> };

/**
 * One thread at a time, started now (loading a thread's modules takes a moment its first
 * caller should not wait for), and started again on the next `current()` after it ended or
 * failed (`spawn` calls `gone` then) or was closed.
 */
export function restartableThread<T extends ThreadHandle>(
  spawn: (gone: () => void) => T,
): { current(): T; close(): Promise<void> } {
  const start = (): T => {
    const started = spawn(() => {
      if (running === started) running = null;
    });
    return started;
  };
  let running: T | null = start();
  return {
    current: () => {
      running ??= start();
      return running;
    },
    async close() {
      const closing = running;
      running = null;
      await closing?.close();
    },
  };
}

/**
 * The calls a thread was asked and has not answered, by id: each answer settles its call, and a
 * thread that ends fails them all (and every later call) with its error.
 */
export function threadCalls<T>(onGone: () => void) {
  type Waiting = { resolve: (result: T) => void; reject: (error: Error) => void };
  const waiting = new Map<number, Waiting>();
  let nextId = 1;
  let gone: Error | null = null;
  return {
    gone: () => gone,
    /** a new call: `ask` posts it to the thread under its id */
    call(ask: (id: number) => void): Promise<T> {
      if (gone) return Promise.reject(gone);
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        ask(id);
      });
    },
    /** the thread's answer: a result, or the error's name, message (and code) */
    answer(id: number, answer: { result: T } | { error: { name: string; message: string } }) {
      const entry = waiting.get(id);
      if (!entry) return;
      waiting.delete(id);
      if ("result" in answer) entry.resolve(answer.result);
      else entry.reject(Object.assign(new Error(answer.error.message), answer.error));
    },
    end(error: Error) {
      gone ??= error;
      for (const { reject } of waiting.values()) reject(gone);
      waiting.clear();
      onGone();
    },
  };
}
