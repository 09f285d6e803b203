import { localToday } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import { getTodayFigures } from "@/lib/statistics/today-figures";

export type TodayBenchResult = { openLoans: number; figuresMs: number; floorMs: number; ratio: number };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The Today page's figures against their floor: one plain count of the library's open loans,
 * the least any figure over open loans must read. Both measured alternately in one run.
 */
export async function benchTodayFigures(db: Db, libraryCode = "bench", runs = 5): Promise<TodayBenchResult> {
  const library = await db.library.findUnique({ where: { code: libraryCode } });
  if (!library)
    throw new Error(`No library "${libraryCode}" in this database: run npm run bench:data first.`);
  const today = localToday(library.timeZone);
  const floor = () =>
    db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Loan" WHERE "libraryId" = ${library.id} AND "returnedAt" IS NULL`;
  const figures = () => getTodayFigures(db, { libraryId: library.id, today });

  const [warm] = await floor();
  await figures();
  const figuresTimes: number[] = [];
  const floorTimes: number[] = [];
  for (let run = 0; run < runs; run++) {
    let start = performance.now();
    await floor();
    floorTimes.push(performance.now() - start);
    start = performance.now();
    await figures();
    figuresTimes.push(performance.now() - start);
  }
  const figuresMs = median(figuresTimes);
  const floorMs = median(floorTimes);
  return { openLoans: Number(warm.n), figuresMs, floorMs, ratio: figuresMs / floorMs };
}

export function formatTodayBench(result: TodayBenchResult): string {
  return (
    `Today page figures over ${result.openLoans.toLocaleString("en")} open loans: ` +
    `${result.figuresMs.toFixed(1)} ms vs floor (count of open loans) ${result.floorMs.toFixed(1)} ms ` +
    `= ${result.ratio.toFixed(2)}x`
  );
}
