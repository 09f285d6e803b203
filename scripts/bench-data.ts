// npm run bench:data [-- --force] [-- --today=YYYY-MM-DD] [-- --seed=N] [-- --database=NAME]
// Builds the benchmark library (200,000 patrons, 1,000,000 loans) in the database
// "rappel_bench" (or --database) on the PostgreSQL server at DATABASE_URL (default 127.0.0.1:5432). Skips the work when the library is
// already there; --force drops and recreates the database first. What it loaded is vacuumed
// and analyzed before it finishes, so the benchmarks right after it see what production sees
// after autovacuum: fresh statistics, and GIN indexes without a pending list to scan.
import { fromDbDate, type LocalDate, localToday, parseLocalDate } from "../lib/dates";
import { createDbClient } from "../lib/db-client";
import { generateBenchNoticeHistory } from "./bench-notice-history";
import { countDemoLibrary } from "./demo/count-demo-library";
import { generateDemoLibrary } from "./demo/generate-demo-library";
import { migrateDeploy } from "./lib/migrate";
import { withClient } from "./lib/test-database";

const BENCH_LIBRARY = "bench";

const args = process.argv.slice(2);
const force = args.includes("--force");
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const BENCH_DATABASE = option("database") ?? "rappel_bench";
if (!/^[a-z_][a-z0-9_]*$/.test(BENCH_DATABASE)) {
  console.error(`--database=${BENCH_DATABASE}: use lower-case letters, digits and _ only.`);
  process.exit(1);
}

// DATABASE_URL's server, or the local PostgreSQL that `npm run bench` also defaults to
const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const today = parseLocalDate(option("today") ?? process.env.RAPPEL_TODAY ?? localToday());
const seed = option("seed") === undefined ? undefined : Number(option("seed"));
const benchUrl = new URL(serverUrl);
benchUrl.pathname = `/${BENCH_DATABASE}`;
const shownUrl = new URL(benchUrl);
shownUrl.password = shownUrl.password ? "***" : "";

let exists: boolean;
try {
  exists = await withClient(serverUrl, async (client) => {
    const result = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [BENCH_DATABASE]);
    return result.rowCount === 1;
  });
} catch (error) {
  console.error(
    `Cannot reach PostgreSQL at DATABASE_URL (${(error as Error).message}).\n` +
      "Start the server (pg_ctlcluster <version> main start) or point DATABASE_URL at one that runs.",
  );
  process.exit(1);
}
if (exists && force) {
  console.log(`Dropping ${BENCH_DATABASE} (--force).`);
  await withClient(serverUrl, (client) => client.query(`DROP DATABASE "${BENCH_DATABASE}" WITH (FORCE)`));
  exists = false;
}
if (!exists) {
  console.log(`Creating ${BENCH_DATABASE}.`);
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${BENCH_DATABASE}"`));
}
await migrateDeploy(benchUrl.toString());

const db = createDbClient(benchUrl.toString(), 2);

/** The day the bench library was built around: its latest due date is 28 days after it. */
async function benchToday(libraryId: number) {
  const [row] = await db.$queryRaw<{ today: Date }[]>`
    SELECT max("loanedAt")::date + 1 AS today FROM "Loan" WHERE "libraryId" = ${libraryId}`;
  return fromDbDate(row.today);
}

/** A year of notices (scripts/bench-notice-history.ts) and their statistics, then fresh planner statistics. */
async function addNoticeHistory(libraryId: number, day: LocalDate) {
  console.log(`Writing a year of notice history up to ${day} ...`);
  const started = performance.now();
  const written = await generateBenchNoticeHistory(db, { libraryId, today: day });
  await db.$executeRawUnsafe(
    `VACUUM (ANALYZE) "Notice", "NoticeLoan", "DeliveryEvent", "Letter", "IlsOutboxEntry", "NoticeDayFigure"`,
  );
  console.log(`  ${((performance.now() - started) / 1000).toFixed(1)} s:`, written);
}
try {
  const existing = await db.library.findUnique({ where: { code: BENCH_LIBRARY }, select: { id: true } });
  if (existing) {
    console.log(`The bench library is already in ${shownUrl} (use --force to rebuild it):`);
    console.table(await countDemoLibrary(db, existing.id));
    // a bench library made before it had a year of notices gets them now
    if ((await db.notice.count({ where: { libraryId: existing.id } })) === 0) {
      await addNoticeHistory(existing.id, await benchToday(existing.id));
    }
  } else {
    console.log(`Generating the bench library in ${shownUrl}, today = ${today}.`);
    const started = performance.now();
    const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
    const { counts } = await generateDemoLibrary(db, {
      today,
      seed,
      scale: "bench",
      libraryCode: BENCH_LIBRARY,
      libraryName: "Bibliotheek Leiedal (benchmark)",
      onProgress: (step) => console.log(`  ${elapsed()}  ${step}`),
    });
    console.log(`  ${elapsed()}  vacuuming and analyzing`);
    // Fresh statistics, so that the benchmarks' query plans are the ones production would get,
    // and the GIN indexes' pending lists merged (a bulk load leaves every new entry there,
    // and each search would scan them all until autovacuum comes by: 300 ms instead of 10).
    await db.$executeRawUnsafe(
      `VACUUM (ANALYZE) "Patron", "PatronFlag", "Item", "Loan", "Branch", "BranchClosedDay"`,
    );
    console.log(`Done in ${elapsed()}:`);
    console.table(counts);
    const library = await db.library.findUniqueOrThrow({
      where: { code: BENCH_LIBRARY },
      select: { id: true },
    });
    await addNoticeHistory(library.id, today);
  }
} finally {
  await db.$disconnect();
}
