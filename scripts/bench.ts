/**
 * `npm run bench`: the benchmarks, each printed as a ratio against a baseline measured in the
 * same run (these machines are noisy; absolute times alone say little).
 * Needs a PostgreSQL for the data benchmarks: DATABASE_URL's server, or the machine's
 * default 127.0.0.1:5432. The benchmark library is generated on first use (npm run bench:data).
 *   --only today,planner,search,render,self-service,letters,send,import,statistics   run some of them
 *   --database NAME                                   the bench database (default rappel_bench)
 */
import { spawnSync } from "node:child_process";
import { checkDatabase } from "./lib/database-url";
import { ensurePrismaClient } from "./lib/prisma-client";

const args = process.argv.slice(2);
const onlyArg = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
const selected = (name: string) => !onlyArg || onlyArg.split(",").includes(name);
const database = args.includes("--database") ? args[args.indexOf("--database") + 1] : "rappel_bench";

const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const benchUrl = new URL(serverUrl);
benchUrl.pathname = `/${database}`;

async function main() {
  await ensurePrismaClient();
  if (
    selected("today") ||
    selected("planner") ||
    selected("search") ||
    selected("self-service") ||
    selected("statistics")
  ) {
    await checkDatabase(serverUrl);
    // creates and fills rappel_bench once; a no-op when the bench library is there
    const data = spawnSync(
      "npx",
      ["tsx", "--tsconfig", "scripts/tsconfig.json", "scripts/bench-data.ts", `--database=${database}`],
      {
        stdio: "inherit",
        env: { ...process.env, DATABASE_URL: serverUrl },
      },
    );
    if (data.status !== 0) throw new Error("npm run bench:data failed");

    const { createDbClient } = await import("../lib/db-client");
    const { benchConnectionUrl } = await import("./lib/cpu-meter");
    const db = createDbClient(benchConnectionUrl(benchUrl), 2);
    try {
      if (selected("today")) {
        const { benchTodayFigures, formatTodayBench } = await import("./bench-today");
        console.log(formatTodayBench(await benchTodayFigures(db)));
      }
      if (selected("planner")) {
        const { benchPlanner, benchPlannerAllOpen, formatPlannerBench } = await import("./bench-planner");
        console.log(formatPlannerBench(await benchPlanner(db)));
        console.log("Every loan open (returned loans made open in a rolled-back transaction):");
        console.log(formatPlannerBench(await benchPlannerAllOpen(db)));
      }
      if (selected("search")) {
        const { benchSearch, formatSearchBench } = await import("./bench-search");
        console.log(formatSearchBench(await benchSearch(db)));
      }
      if (selected("statistics")) {
        const { benchStatistics, formatStatisticsBench } = await import("./bench-statistics");
        console.log(formatStatisticsBench(await benchStatistics(db)));
      }
      if (selected("self-service")) {
        const { benchSelfService, formatSelfServiceBench } = await import("./bench-self-service");
        console.log(formatSelfServiceBench(await benchSelfService(db)));
      }
    } finally {
      await db.$disconnect();
    }
  }
  if (selected("import")) {
    await checkDatabase(serverUrl);
    const { benchImport, formatImportBench } = await import("./bench-import");
    console.log(formatImportBench(await benchImport(serverUrl)));
  }
  if (selected("render")) {
    const { benchRender, formatRenderBench } = await import("./bench-render");
    console.log(formatRenderBench(await benchRender()));
  }
  if (selected("letters")) {
    const { benchLetterBatch, formatLetterBatchBench } = await import("./bench-letters");
    console.log(formatLetterBatchBench(await benchLetterBatch()));
  }
  if (selected("send")) {
    await checkDatabase(serverUrl);
    // the send bench makes a scratch database beside it (scripts/lib/test-database.ts)
    process.env.DATABASE_URL = serverUrl;
    const { benchSend, formatSendBench } = await import("./bench-send");
    console.log(formatSendBench(await benchSend()));
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
