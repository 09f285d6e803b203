import { readFileSync } from "node:fs";
import type { Db } from "../../lib/db-client";

/**
 * CPU seconds of one benchmark step: this process's (process.cpuUsage) and, when the database
 * server runs on this machine, its backends' for this client's connections (their
 * /proc/<pid>/stat). On a shared machine wall time swings with other work; CPU time much less.
 */
export type CpuSeconds = { node: number; database: number | null };

/** The application name this process's benchmark connections carry (see benchConnectionUrl). */
export const BENCH_APPLICATION_NAME = `rappel-bench-${process.pid}`;

/** The bench database's URL with this process's application name, so its backends can be found. */
export function benchConnectionUrl(url: string | URL): string {
  const withName = new URL(url);
  withName.searchParams.set("application_name", BENCH_APPLICATION_NAME);
  return withName.toString();
}

const TICKS_PER_SECOND = 100; // USER_HZ: getconf CLK_TCK on Linux

/**
 * A meter over this process and its connections' backends: call it before a step, and the
 * function it returns after. The backends are looked up on each start (a query, outside the
 * step), so connections the pool opened since are counted.
 */
export function cpuMeter(db: Db): () => Promise<() => CpuSeconds> {
  return async () => {
    const rows = await db.$queryRaw<{ pid: number }[]>`
      SELECT pid FROM pg_stat_activity
      WHERE application_name = ${BENCH_APPLICATION_NAME} AND datname = current_database()`;
    const pids = rows.map((row) => row.pid);
    const node = process.cpuUsage();
    const ticks = databaseTicks(pids);
    return () => {
      const nodeUsed = process.cpuUsage(node);
      const ticksNow = databaseTicks(pids);
      return {
        node: (nodeUsed.user + nodeUsed.system) / 1e6,
        database: ticks == null || ticksNow == null ? null : (ticksNow - ticks) / TICKS_PER_SECOND,
      };
    };
  };
}

function databaseTicks(pids: number[]): number | null {
  if (pids.length === 0) return null;
  try {
    return pids.reduce((sum, pid) => {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // the fields after the command name: state is field 3, utime 14, stime 15
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return sum + Number(fields[11]) + Number(fields[12]);
    }, 0);
  } catch {
    return null; // the database server is not on this machine
  }
}
