// npx tsx --tsconfig scripts/tsconfig.json scripts/bench-import.ts [--rows=1000000]
// The CSV import (lib/import/run-import.ts) on a scratch database beside DATABASE_URL: a
// 200,000-patron file, then a loans file of --rows rows (1,000,000 by default, generated here,
// items made set-based first), then the same loans file again (everything unchanged). Prints
// rows per second, the process's peak memory, and the desk's name search right after the load.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createDbClient, type Db } from "../lib/db-client";
import { searchPatrons } from "../lib/desk/search-patrons";
import { queueImport } from "../lib/import/queue-import";
import { runImport } from "../lib/import/run-import";
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
  const started = performance.now();
  await runImport(db, run.id, { databaseUrl });
  const seconds = (performance.now() - started) / 1000;
  const done = await db.importRun.findUniqueOrThrow({ where: { id: run.id } });
  if (done.status !== "succeeded") throw new Error(`import ${kind} ${done.status}: ${done.error}`);
  return { seconds, rowsPerSecond: Math.round(done.rowsRead / seconds), run: done };
}

export type ImportBenchResult = {
  loans: number;
  patrons: { seconds: number; rowsPerSecond: number };
  loansFirst: { seconds: number; rowsPerSecond: number; inserted: number };
  loansAgain: { seconds: number; rowsPerSecond: number; unchanged: number };
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
      patrons: { seconds: patrons.seconds, rowsPerSecond: patrons.rowsPerSecond },
      loansFirst: {
        seconds: first.seconds,
        rowsPerSecond: first.rowsPerSecond,
        inserted: first.run.inserted,
      },
      loansAgain: {
        seconds: again.seconds,
        rowsPerSecond: again.rowsPerSecond,
        unchanged: again.run.unchanged,
      },
      peakMemoryMb: Math.round(process.resourceUsage().maxRSS / 1024),
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
  const ok = (good: boolean) => (good ? "ok" : "BELOW AIM");
  return [
    `CSV import (${n(r.loans)} loans, streamed, chunks of 5,000 rows per transaction):`,
    `  patrons  ${n(PATRONS)} rows  ${r.patrons.seconds.toFixed(1)} s  ${n(r.patrons.rowsPerSecond)} rows/s`,
    `  loans    ${n(r.loansFirst.inserted)} new  ${r.loansFirst.seconds.toFixed(1)} s  ${n(r.loansFirst.rowsPerSecond)} rows/s  (aim >= ${n(TARGET_ROWS_PER_SECOND)}: ${ok(r.loansFirst.rowsPerSecond >= TARGET_ROWS_PER_SECOND)})`,
    `  again    ${n(r.loansAgain.unchanged)} unchanged  ${r.loansAgain.seconds.toFixed(1)} s  ${n(r.loansAgain.rowsPerSecond)} rows/s`,
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
