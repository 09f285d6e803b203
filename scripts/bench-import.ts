// npx tsx --tsconfig scripts/tsconfig.json scripts/bench-import.ts [--rows=1000000]
// The CSV import (lib/import/run-import.ts) on a scratch database beside DATABASE_URL: a
// 200,000-patron file, then a loans file of --rows rows (1,000,000 by default, generated here,
// items made set-based first), then the same loans file again (everything unchanged). Prints
// rows per second, the process's peak memory, and the desk's name search right after the load.
// The loans import is broken down, each part measured in the same run over the same file:
// csv-parse alone (the floor), csv-parse + checking every row (no database), and the whole
// import with the time its chunks spent in the database; CPU seconds of this process and of
// the database server's backends (read from /proc: the server must run on this machine) beside
// the wall time, and the load average, since these machines are shared.
import { createWriteStream, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { createDbClient, type Db } from "../lib/db-client";
import { searchPatrons } from "../lib/desk/search-patrons";
import { IdSet } from "../lib/import/id-set";
import { readCsv } from "../lib/import/parse-csv";
import { queueImport } from "../lib/import/queue-import";
import { readImportFile } from "../lib/import/read-import-file";
import { IMPORT_CHUNK_SIZE, type ImportStats, runImport } from "../lib/import/run-import";
import { createTestDatabase } from "./lib/test-database";

/** The aim for a 1,000,000-loan file. */
export const TARGET_ROWS_PER_SECOND = 50_000;
/** The memory budget for the whole process. */
export const MEMORY_BUDGET_MB = 512;

const PATRONS = 200_000;
const FIRST = [
  "Els",
  "Jan",
  "An",
  "Pieter",
  "Sofie",
  "Lotte",
  "Wout",
  "Noor",
  "Lucas",
  "Emma",
  "Hélène",
  "Sven",
];
const LAST = [
  "Peeters",
  "Janssens",
  "Maes",
  "Jacobs",
  "Mertens",
  "Willems",
  "Claes",
  "Goossens",
  "Wouters",
  "De Smet",
  "Verstraete",
  "Dubois",
];

async function writeLines(file: string, header: string, count: number, line: (i: number) => string) {
  async function* lines() {
    yield `${header}\n`;
    const batch: string[] = [];
    for (let i = 1; i <= count; i++) {
      batch.push(line(i));
      if (batch.length === 10_000) {
        yield `${batch.join("\n")}\n`;
        batch.length = 0;
      }
    }
    if (batch.length > 0) yield `${batch.join("\n")}\n`;
  }
  await pipeline(Readable.from(lines()), createWriteStream(file));
}

async function timedImport(
  db: Db,
  databaseUrl: string,
  libraryId: number,
  kind: "patrons" | "loans",
  file: string,
) {
  const { createReadStream } = await import("node:fs");
  const run = await queueImport(db, {
    libraryId,
    kind,
    fileName: path.basename(file),
    body: createReadStream(file),
    folder: path.join(path.dirname(file), "queued"),
    actorLabel: "bench",
  });
  const stats: ImportStats = { databaseMs: 0, waitedMs: 0, chunks: 0 };
  const server = await watchServerCpu(databaseUrl);
  const cpu = processCpuSeconds();
  const started = performance.now();
  await runImport(db, run.id, { databaseUrl, stats });
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = processCpuSeconds() - cpu;
  const serverCpuSeconds = await server.stop();
  const done = await db.importRun.findUniqueOrThrow({ where: { id: run.id } });
  if (done.status !== "succeeded") throw new Error(`import ${kind} ${done.status}: ${done.error}`);
  return {
    seconds,
    rowsPerSecond: Math.round(done.rowsRead / seconds),
    cpuSeconds,
    serverCpuSeconds,
    stats,
    load: loadavg()[0],
    peakMb: peakMemoryMb(),
    run: done,
  };
}

/** The process's peak memory so far (it only grows: printed after each step, it shows which step raised it). */
const peakMemoryMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

const processCpuSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

/** CPU seconds of a server process, or null when it is not on this machine. */
function serverProcessCpu(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * Samples the CPU time of every server process working on the database (the import's
 * connections, its VACUUM, autovacuum) every 200 ms; stop() gives the sum, or null when the
 * server is not on this machine. A process's last 200 ms before it ends can be missed.
 */
async function watchServerCpu(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const own = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const local = serverProcessCpu(own) !== null;
  const sample = async () => {
    const { rows } = await client.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> $1",
      [own],
    );
    for (const { pid } of rows) {
      const cpu = serverProcessCpu(pid);
      if (cpu === null) continue; // ended meanwhile
      if (!first.has(pid)) first.set(pid, 0);
      last.set(pid, cpu);
    }
  };
  await sample();
  // processes already there count from now, new ones from their start
  for (const [pid, cpu] of last) first.set(pid, cpu);
  let running = sample();
  const timer = setInterval(() => {
    running = running.then(sample, sample);
  }, 200);
  return {
    async stop(): Promise<number | null> {
      clearInterval(timer);
      await running.catch(() => {});
      await sample().catch(() => {});
      await client.end();
      if (!local) return null;
      let total = 0;
      for (const [pid, cpu] of last) total += cpu - (first.get(pid) ?? 0);
      return total;
    },
  };
}

/** Reads the file without the database: csv-parse alone, then csv-parse and every row checked. */
async function readOnly(file: string) {
  let cpu = processCpuSeconds();
  let started = performance.now();
  let records = 0;
  for await (const batch of readCsv(file))
    for (const event of batch) if (event.type === "record") records += 1;
  const parse = {
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: processCpuSeconds() - cpu,
    records,
  };
  cpu = processCpuSeconds();
  started = performance.now();
  let rows = 0;
  for await (const batch of readImportFile(file, "loans", { skipThrough: 0, seen: new IdSet() }))
    for (const event of batch) if (event.type === "row") rows += 1;
  const check = {
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: processCpuSeconds() - cpu,
    rows,
    peakMb: peakMemoryMb(),
  };
  return { parse, check };
}

type Timed = Awaited<ReturnType<typeof timedImport>>;

export type ImportBenchResult = {
  loans: number;
  patrons: Timed;
  alone: Awaited<ReturnType<typeof readOnly>>;
  loansFirst: Timed;
  loansAgain: Timed;
  peakMemoryMb: number;
  searchAfterImport: { p50: number; p95: number };
};

export async function benchImport(serverUrl: string, loans = 1_000_000): Promise<ImportBenchResult> {
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = serverUrl;
  const database = await createTestDatabase("bench_import");
  process.env.DATABASE_URL = previous;
  const folder = await mkdtemp(path.join(tmpdir(), "rappel-bench-import-"));
  const db = createDbClient(database.url, 4);
  try {
    const library = await db.library.create({ data: { code: "bench-import", name: "Bench import" } });
    const address = { street: "Markt 1", postalCode: "8760", city: "Meulebeke" };
    await db.branch.createMany({
      data: ["MEU", "ING", "HAR"].map((ilsCode) => ({
        libraryId: library.id,
        ilsCode,
        name: ilsCode,
        ...address,
      })),
    });
    const patronsFile = path.join(folder, "patrons.csv");
    await writeLines(patronsFile, "cardNumber;firstName;lastName;email;homeBranch;language", PATRONS, (i) => {
      const first = FIRST[i % FIRST.length];
      const last = `${LAST[(i * 7) % LAST.length]}${i % 97 === 0 ? "" : i % 1000}`;
      return `P${i};${first};${last};p${i}@voorbeeld.be;${["MEU", "ING", "HAR"][i % 3]};${["nl", "fr", "en"][i % 3]}`;
    });
    const patrons = await timedImport(db, database.url, library.id, "patrons", patronsFile);

    // items set-based: the loans file names them by barcode
    await db.$executeRawUnsafe(
      `INSERT INTO "Item" ("libraryId", barcode, title) SELECT $1, 'I' || g, 'Titel ' || g FROM generate_series(1, $2::int) g`,
      library.id,
      loans,
    );
    const loansFile = path.join(folder, "loans.csv");
    await writeLines(loansFile, "loanId,cardNumber,barcode,branch,loanedAt,dueDate,renewals", loans, (i) => {
      const day = 1 + (i % 28);
      return `L${i},P${1 + (i % PATRONS)},I${i},${["MEU", "ING", "HAR"][i % 3]},2026-10-${String(day).padStart(2, "0")} 14:${String(i % 60).padStart(2, "0")},2026-11-${String(day).padStart(2, "0")},${i % 3}`;
    });
    const alone = await readOnly(loansFile);
    const first = await timedImport(db, database.url, library.id, "loans", loansFile);
    const again = await timedImport(db, database.url, library.id, "loans", loansFile);

    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      const query = `${LAST[i % LAST.length]}${(i * 37) % 1000}`;
      const started = performance.now();
      await searchPatrons(db, { libraryId: library.id, query, today: "2026-11-30" });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return {
      loans,
      patrons,
      alone,
      loansFirst: first,
      loansAgain: again,
      peakMemoryMb: peakMemoryMb(),
      searchAfterImport: {
        p50: times[Math.floor(times.length / 2)],
        p95: times[Math.ceil(times.length * 0.95) - 1],
      },
    };
  } finally {
    await db.$disconnect();
    await rm(folder, { recursive: true, force: true });
    await database.drop();
  }
}

export function formatImportBench(r: ImportBenchResult): string {
  const n = (v: number) => v.toLocaleString("en");
  const s = (v: number) => `${v.toFixed(1)} s`;
  const ok = (good: boolean) => (good ? "ok" : "BELOW AIM");
  const cpu = (t: Timed) =>
    `CPU: this process ${s(t.cpuSeconds)}, database server ${t.serverCpuSeconds === null ? "not on this machine" : s(t.serverCpuSeconds)}; load ${t.load.toFixed(1)}; peak memory so far ${t.peakMb} MB`;
  const at = (ms: number | undefined) => (ms === undefined ? "-" : s(ms / 1000));
  const breakdown = (t: Timed) =>
    `    in the database ${s(t.stats.databaseMs / 1000)} over ${t.stats.chunks} chunks (two at once), reading waited for it ${s(t.stats.waitedMs / 1000)}; file read at ${at(t.stats.readEndMs)}, chunks committed at ${at(t.stats.chunksEndMs)}, VACUUM ANALYZE done at ${at(t.stats.vacuumEndMs)}`;
  const { parse, check } = r.alone;
  const first = r.loansFirst;
  return [
    `CSV import (${n(r.loans)} loans, streamed, chunks of ${n(IMPORT_CHUNK_SIZE)} rows, COPY into a staging table, two chunks in flight):`,
    `  patrons  ${n(r.patrons.run.inserted)} new  ${s(r.patrons.seconds)}  ${n(r.patrons.rowsPerSecond)} rows/s  (${cpu(r.patrons)})`,
    `  loans, the same file read three ways in this run:`,
    `    csv-parse alone (the floor)         ${s(parse.seconds)}  ${n(Math.round(parse.records / parse.seconds))} rows/s  CPU ${s(parse.cpuSeconds)}`,
    `    csv-parse + every row checked       ${s(check.seconds)}  ${n(Math.round(check.rows / check.seconds))} rows/s  CPU ${s(check.cpuSeconds)}  (peak memory so far ${check.peakMb} MB)`,
    `    the import (${n(first.run.inserted)} new)          ${s(first.seconds)}  ${n(first.rowsPerSecond)} rows/s  (aim >= ${n(TARGET_ROWS_PER_SECOND)}: ${ok(first.rowsPerSecond >= TARGET_ROWS_PER_SECOND)}); ${(first.seconds / parse.seconds).toFixed(1)}x the floor`,
    breakdown(first),
    `    ${cpu(first)}`,
    `    rows per CPU second (process + server): ${first.serverCpuSeconds === null ? "-" : n(Math.round(first.run.rowsRead / (first.cpuSeconds + first.serverCpuSeconds)))}`,
    `  again    ${n(r.loansAgain.run.unchanged)} unchanged  ${s(r.loansAgain.seconds)}  ${n(r.loansAgain.rowsPerSecond)} rows/s  (${cpu(r.loansAgain)})`,
    breakdown(r.loansAgain),
    `  peak memory of the process ${r.peakMemoryMb} MB (budget ${MEMORY_BUDGET_MB} MB: ${r.peakMemoryMb <= MEMORY_BUDGET_MB ? "ok" : "OVER BUDGET"})`,
    `  name search right after the import (VACUUM ANALYZE done by the import): p50 ${r.searchAfterImport.p50.toFixed(1)} ms, p95 ${r.searchAfterImport.p95.toFixed(1)} ms`,
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rowsArg = process.argv.find((a) => a.startsWith("--rows="));
  const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  benchImport(serverUrl, rowsArg ? Number(rowsArg.slice(7)) : undefined)
    .then((r) => console.log(formatImportBench(r)))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
