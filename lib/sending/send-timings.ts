/**
 * Where a send run's time goes, per step, in this process: summed wall time and count of each
 * step (steps of concurrent jobs overlap, so the sums can exceed the run's duration). Always
 * on (a clock read per step); `npm run bench -- --only send` prints it.
 */
export type SendStep =
  | "plan"
  | "render"
  | "fix"
  | "enqueue"
  | "claim"
  | "wait for token"
  | "grant"
  | "http"
  | "record results";

const totals = new Map<SendStep, { ms: number; count: number }>();

export async function timed<T>(step: SendStep, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const total = totals.get(step) ?? { ms: 0, count: 0 };
    total.ms += performance.now() - started;
    total.count += 1;
    totals.set(step, total);
  }
}

export function sendTimings(): { step: SendStep; ms: number; count: number }[] {
  return [...totals].map(([step, { ms, count }]) => ({ step, ms, count }));
}

export function resetSendTimings(): void {
  totals.clear();
}
