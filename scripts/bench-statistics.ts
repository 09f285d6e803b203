import { addDays, localToday } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import { getDeadAddressTrend, getEmailReach } from "@/lib/statistics/email-reach";
import { getNoticeStatistics } from "@/lib/statistics/notice-statistics";
import {
  noticeFiguresFromRaw,
  refreshNoticeFigures,
  SEND_RUN_REFRESH_DAYS,
} from "@/lib/statistics/refresh-notice-figures";
import { getStatisticsReport } from "@/lib/statistics/statistics-report";

type Timing = { name: string; ms: number; cpuMs: number };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(name: string, work: () => Promise<unknown>, runs: number): Promise<Timing> {
  await work(); // warm
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let run = 0; run < runs; run++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    await work();
    walls.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  return { name, ms: median(walls), cpuMs: median(cpus) };
}

export type StatisticsBenchResult = {
  days: number;
  notices: number;
  timings: Timing[];
  total: Timing;
  baseline: Timing;
  refresh: Timing[];
};

/**
 * The Statistics page for a year and every branch on the bench library: each figure (from the
 * daily table NoticeDayFigure) and the whole page, against the baseline of the same notice
 * figures summed from the raw tables (Notice, NoticeLoan, Loan, Letter, DeliveryEvent, outbox)
 * without the daily table, and the send run's refresh of its last 35 days (rolled back).
 */
export async function benchStatistics(
  db: Db,
  libraryCode = "bench",
  runs = 5,
): Promise<StatisticsBenchResult> {
  const library = await db.library.findUnique({ where: { code: libraryCode } });
  if (!library)
    throw new Error(`No library "${libraryCode}" in this database: run npm run bench:data first.`);
  const [latest] = await db.$queryRaw<{ day: Date | null }[]>`
    SELECT max("planDate") AS day FROM "Notice" WHERE "libraryId" = ${library.id}`;
  const to = latest.day ? latest.day.toISOString().slice(0, 10) : localToday(library.timeZone);
  const from = addDays(to, -364);
  const libraryId = library.id;
  const query = { libraryId, from, to };
  const notices = await db.notice.count({ where: { libraryId } });

  const timings = [
    await time(
      "notices, postage, rates, outcomes, fees (daily table)",
      () => getNoticeStatistics(db, query),
      runs,
    ),
    await time("reachable by email, opted in, dead now", () => getEmailReach(db, { libraryId }), runs),
    await time(
      "dead addresses over time",
      () => getDeadAddressTrend(db, { ...query, bucket: "month" }),
      runs,
    ),
  ];
  const total = await time("the whole page (every figure)", () => getStatisticsReport(db, query), runs);
  const baseline = await time(
    "baseline: notice figures from the raw tables",
    () => db.$queryRaw`SELECT count(*) FROM (${noticeFiguresFromRaw(libraryId, from, to)}) f`,
    runs,
  );
  const rolledBack = (from: string) => () =>
    db
      .$transaction(async (tx) => {
        await refreshNoticeFigures(tx, { libraryId, from, to });
        throw new RolledBack();
      })
      .catch((error) => {
        if (!(error instanceof RolledBack)) throw error;
      });
  const refresh = [
    await time(
      `send run's refresh of ${SEND_RUN_REFRESH_DAYS + 1} days (rolled back)`,
      rolledBack(addDays(to, -SEND_RUN_REFRESH_DAYS)),
      runs,
    ),
    await time("feedback's refresh of one day (rolled back)", rolledBack(to), runs),
  ];
  return { days: 365, notices, timings, total, baseline, refresh };
}

class RolledBack extends Error {}

export function formatStatisticsBench(result: StatisticsBenchResult): string {
  const line = (t: Timing) =>
    `  ${t.name.padEnd(58)} ${t.ms.toFixed(1).padStart(8)} ms  (node CPU ${t.cpuMs.toFixed(1)} ms)  ` +
    `${(t.ms / result.baseline.ms).toFixed(3)}x baseline`;
  return [
    `Statistics page, ${result.days} days, all branches, ${result.notices.toLocaleString("en")} notices:`,
    ...result.timings.map(line),
    line(result.total),
    line(result.baseline),
    ...result.refresh.map(line),
  ].join("\n");
}
