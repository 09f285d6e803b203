// npx tsx scripts/bench-planner.ts [--date=YYYY-MM-DD] [--runs=N] [--library=bench] [--all-open] [--database=rappel_bench]
// Plans one day (dry run) for the bench library in the database "rappel_bench" (made by
// `npm run bench:data`) and times it next to one plain SQL scan that selects the same
// overdue loans, the floor no planner can beat. Both run in the same process, alternately,
// several times; the medians and their ratio are printed.
import { pathToFileURL } from "node:url";
import { loadBranchCalendars } from "../lib/calendar/load-branch-calendars";
import { type LocalDate, localToday, parseLocalDate } from "../lib/dates";
import { createDbClient, type Db } from "../lib/db-client";
import { buildPlanInputs } from "../lib/planning/plan-inputs";
import { planNotices } from "../lib/planning/plan-notices";
import { loadLibrarySettings } from "../lib/settings/load-settings";
import { benchConnectionUrl, type CpuSeconds, cpuMeter } from "./lib/cpu-meter";

export type PlannerBenchResult = {
  libraryCode: string;
  date: LocalDate;
  openLoans: number;
  patrons: number;
  /** loans the planner must look at: open, due on or before the latest day any stage reaches */
  candidateLoans: number;
  notices: number;
  plannedLoans: number;
  /** medians over `runs` alternating runs, in milliseconds */
  plannerMs: number;
  floorMs: number;
  /** the median of each run's planner/floor ratio: steadier than a ratio of medians on a busy machine */
  ratio: number;
  /** the fastest run of each: less disturbed by other work on a shared machine */
  bestPlannerMs: number;
  bestFloorMs: number;
  bestRatio: number;
  runs: number;
  /** the planner's aim: at most this many times the floor */
  aim: number;
  /** median CPU seconds per run, of this process and of the database backends (null: not on this machine) */
  plannerCpu: CpuSeconds;
  floorCpu: CpuSeconds;
  /** the median of each run's planner/floor ratio of CPU seconds (process + database): steadier than wall time under load */
  cpuRatio: number | null;
  /** the peak resident memory of this process after the first planner run, before any floor run, in MB */
  plannerPeakMemoryMb: number;
};

/**
 * The planner against its floor on one database. `db` is any client on a database holding
 * the library; the date defaults to the library's today.
 */
export async function benchPlanner(
  db: Db,
  options: { libraryCode?: string; date?: LocalDate; runs?: number; aim?: number } = {},
): Promise<PlannerBenchResult> {
  const libraryCode = options.libraryCode ?? "bench";
  const runs = options.runs ?? 5;
  const library = await db.library.findUnique({ where: { code: libraryCode } });
  if (!library)
    throw new Error(`No library "${libraryCode}" in this database: run npm run bench:data first.`);
  const date = options.date ?? localToday(library.timeZone);

  // The floor: one plain scan that reads the loans the planner's scan reads (open, due on or
  // before the last day any stage reaches) with the columns it reads, and hands them to this
  // process; no settings, no patrons, no notice history, no grouping.
  const settings = await loadLibrarySettings(db, library.id);
  const { maxReachDue } = buildPlanInputs(settings, await loadBranchCalendars(db, library.id), date);
  const floor = () =>
    db.$queryRaw<{ id: number; itemId: number; patronId: number; branchId: number; dueDate: Date }[]>`
      SELECT l.id, l."itemId", l."patronId", l."branchId", l."dueDate"
      FROM "Loan" l
      WHERE l."libraryId" = ${library.id} AND l."returnedAt" IS NULL AND l."dueDate" <= ${maxReachDue}::date`;
  const plan = () => planNotices(db, { libraryId: library.id, date, dryRun: true });

  // One warm-up of each (caches, JIT), the planner first so that the process's peak memory
  // so far is the planner's; then alternate so both see the same conditions. Only counts are
  // kept: holding the rows would count them against the memory of every later run.
  const { totals } = await plan();
  const plannerPeakMemoryMb = process.resourceUsage().maxRSS / 1024; // maxRSS is in kilobytes
  const candidateLoans = (await floor()).length;
  const plannerTimes: number[] = [];
  const floorTimes: number[] = [];
  const plannerCpu: CpuSeconds[] = [];
  const floorCpu: CpuSeconds[] = [];
  const startMeter = cpuMeter(db);
  const measure = async (work: () => Promise<unknown>, times: number[], cpu: CpuSeconds[]) => {
    const stopMeter = await startMeter();
    times.push(await time(work));
    cpu.push(stopMeter());
  };
  for (let run = 0; run < runs; run++) {
    await measure(floor, floorTimes, floorCpu);
    await measure(plan, plannerTimes, plannerCpu);
  }

  const [counts] = await db.$queryRaw<{ openLoans: number; patrons: number }[]>`
    SELECT (SELECT count(*)::int FROM "Loan" WHERE "libraryId" = ${library.id} AND "returnedAt" IS NULL) AS "openLoans",
           (SELECT count(*)::int FROM "Patron" WHERE "libraryId" = ${library.id}) AS patrons`;
  const plannerMs = median(plannerTimes);
  const floorMs = median(floorTimes);
  return {
    libraryCode,
    date,
    openLoans: counts.openLoans,
    patrons: counts.patrons,
    candidateLoans,
    notices: totals.notices,
    plannedLoans: totals.loans,
    plannerMs,
    floorMs,
    ratio: median(plannerTimes.map((planner, run) => planner / floorTimes[run])),
    bestPlannerMs: Math.min(...plannerTimes),
    bestFloorMs: Math.min(...floorTimes),
    bestRatio: Math.min(...plannerTimes) / Math.min(...floorTimes),
    plannerCpu: medianCpu(plannerCpu),
    floorCpu: medianCpu(floorCpu),
    cpuRatio: plannerCpu.every((cpu) => cpu.database != null)
      ? median(plannerCpu.map((planner, run) => totalCpu(planner) / totalCpu(floorCpu[run])))
      : null,
    runs,
    aim: options.aim ?? 1.5,
    plannerPeakMemoryMb,
  };
}

/**
 * The same benchmark with every loan of the library open (1,000,000 on the bench data, the
 * issue's scale, instead of the ~250,000 the generator leaves open): the returned loans are
 * made open inside a transaction that is rolled back afterwards, so the data stays as it is.
 * Long-returned loans become long overdue, which makes this a heavy day: most of them reach
 * a stage for the first time.
 */
export async function benchPlannerAllOpen(
  db: Db,
  options: { libraryCode?: string; date?: LocalDate; runs?: number } = {},
): Promise<PlannerBenchResult> {
  const libraryCode = options.libraryCode ?? "bench";
  let result: PlannerBenchResult | undefined;
  await db
    .$transaction(
      async (tx) => {
        await tx.$executeRaw`
          UPDATE "Loan" SET "returnedAt" = NULL
          WHERE "returnedAt" IS NOT NULL
            AND "libraryId" = (SELECT id FROM "Library" WHERE code = ${libraryCode})`;
        await tx.$executeRaw`ANALYZE "Loan"`;
        result = await benchPlanner(tx as unknown as Db, { aim: 2, ...options });
        throw new RolledBack();
      },
      { maxWait: 60_000, timeout: 30 * 60_000 },
    )
    .catch((error) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  // the statistics again as the data really is, and the rolled-back rows' index entries gone
  await db.$executeRaw`VACUUM ANALYZE "Loan"`;
  if (!result) throw new Error("The all-open planner benchmark ended without a result.");
  return result;
}

class RolledBack extends Error {}

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const totalCpu = (cpu: CpuSeconds) => cpu.node + (cpu.database ?? 0);

function medianCpu(values: CpuSeconds[]): CpuSeconds {
  const database = values.map((cpu) => cpu.database);
  return {
    node: median(values.map((cpu) => cpu.node)),
    database: database.every((seconds) => seconds != null) ? median(database as number[]) : null,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function formatPlannerBench(result: PlannerBenchResult): string {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const cpu = ({ node, database }: CpuSeconds) =>
    `${node.toFixed(2)} s + ${database == null ? "n/a" : `${database.toFixed(2)} s`}`;
  return [
    `Planner benchmark: library "${result.libraryCode}", ${result.date}`,
    `  ${result.openLoans.toLocaleString("en")} open loans, ${result.patrons.toLocaleString("en")} patrons, ` +
      `${result.candidateLoans.toLocaleString("en")} loans due on or before the last stage day`,
    `  plan: ${result.notices.toLocaleString("en")} notices for ${result.plannedLoans.toLocaleString("en")} loans`,
    `                         median     best of ${result.runs}`,
    `  planner (dry run)      ${ms(result.plannerMs).padEnd(11)}${ms(result.bestPlannerMs)}`,
    `  floor (plain scan)     ${ms(result.floorMs).padEnd(11)}${ms(result.bestFloorMs)}`,
    `    (one SELECT of those ${result.candidateLoans.toLocaleString("en")} loans' id, item, patron, branch and due date, as the planner reads them)`,
    `  ratio                  ${`${result.ratio.toFixed(2)}x`.padEnd(11)}${result.bestRatio.toFixed(2)}x   (aim: at most ${result.aim}x)`,
    `  CPU seconds (median; this process + database): planner ${cpu(result.plannerCpu)}, floor ${cpu(result.floorCpu)}` +
      (result.cpuRatio == null ? "" : `, ratio ${result.cpuRatio.toFixed(2)}x`),
    `  peak memory of the planning process: ${result.plannerPeakMemoryMb.toFixed(0)} MB (aim: under 1024 MB)`,
  ].join("\n");
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const url = new URL(serverUrl);
  url.pathname = `/${option("database") ?? "rappel_bench"}`;
  const db = createDbClient(benchConnectionUrl(url), 2);
  try {
    const date = option("date") ?? process.env.RAPPEL_TODAY;
    const options = {
      libraryCode: option("library"),
      date: date ? parseLocalDate(date) : undefined,
      runs: option("runs") ? Number(option("runs")) : undefined,
    };
    const result = args.includes("--all-open")
      ? await benchPlannerAllOpen(db, options)
      : await benchPlanner(db, options);
    console.log(formatPlannerBench(result));
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
