import "server-only";
import { rm } from "node:fs/promises";
import type { Db } from "@/lib/db-client";
import type { ImportKind } from "@/lib/generated/prisma/client";
import { applyChunk, type ChunkScope } from "./apply-chunk";
import { closeMissingLoans } from "./close-missing-loans";
import { IdSet } from "./id-set";
import { openImportConnection, type RawTx, withPgTransaction } from "./raw-tx";
import { ImportProblem, readImportFile } from "./read-import-file";
import type { RowRejection } from "./rejection-reasons";
import { vacuumAnalyze } from "./vacuum-analyze";
import type { ImportRow } from "./validate-row";

export { ImportProblem };

/** Rows per transaction: big enough for set-based speed, small enough to lose little on a crash. */
export const IMPORT_CHUNK_SIZE = 25_000;
/** Chunks written at once on a pg pool (one connection each), committed in file order. */
const CHUNKS_IN_FLIGHT = 2;

/** The advisory lock class of an import run's chunk transactions (the run's id is the second key). */
const RUN_LOCK = 1616;

/** Where an import's time went (the benchmark prints it). */
export type ImportStats = {
  /** the chunks' transactions, summed (two may overlap) */
  databaseMs: number;
  /** how long reading the file waited for the database */
  waitedMs: number;
  chunks: number;
  /** since the start: the file read to its end, every chunk committed, VACUUM ANALYZE done */
  readEndMs?: number;
  chunksEndMs?: number;
  vacuumEndMs?: number;
};

const TOUCHED_TABLES: Record<ImportKind, string[]> = {
  patrons: ["Patron"],
  items: ["Item"],
  loans: ["Loan"],
  returns: ["Loan"],
};

/** Stores a chunk's refused rows (set-based). */
async function recordRejections(tx: RawTx, runId: number, rejections: RowRejection[]) {
  if (rejections.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "ImportRejection" ("importRunId", line, "column", reason, value)
     SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[])`,
    runId,
    rejections.map((r) => r.line),
    rejections.map((r) => r.column),
    rejections.map((r) => r.reason),
    rejections.map((r) => r.value),
  );
}

/**
 * Imports the file of an ImportRun (status queued, or running after a crash: it resumes after
 * the last committed line). Streams the CSV, checks each row, and applies IMPORT_CHUNK_SIZE
 * rows per transaction together with the chunk's refused rows and the run's counts and
 * progress, so whatever happens the counts match the data. Ends with the full sync (loans),
 * VACUUM ANALYZE of the touched tables, and the run's outcome. Never throws for a bad file:
 * the run says what went wrong.
 */
export async function runImport(
  db: Db,
  importRunId: number,
  options: {
    chunkSize?: number;
    /** the database's URL: chunks then go through a pg connection of their own (never on the embedded database) */
    databaseUrl?: string;
    stats?: ImportStats;
  } = {},
): Promise<void> {
  const chunkSize = options.chunkSize ?? IMPORT_CHUNK_SIZE;
  const startedAt = performance.now();
  const run = await db.importRun.findUniqueOrThrow({
    where: { id: importRunId },
    include: { library: true },
  });
  if (run.status === "succeeded" || run.status === "failed") return;
  // A worker killed mid-file can leave two chunk transactions behind on the server until they
  // notice; wait for them to end, so that this attempt never deadlocks with their rows.
  await db.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${RUN_LOCK}, $1)`, run.id);
  await db.importRun.update({
    where: { id: run.id },
    data: { status: "running", startedAt: run.startedAt ?? new Date(), heartbeatAt: new Date() },
  });
  const branches = await db.branch.findMany({
    where: { libraryId: run.libraryId },
    select: { id: true, ilsCode: true },
  });
  const scope: ChunkScope = {
    libraryId: run.libraryId,
    timeZone: run.library.timeZone,
    branchIds: new Map(branches.map((b) => [b.ilsCode, b.id])),
  };

  // A library's first load of a kind is all new rows: each chunk then tries a plain INSERT
  // (upsert-rows.ts); after that, each chunk guesses from the last one written.
  let expectNew =
    Boolean(options.databaseUrl) &&
    run.kind !== "returns" &&
    !(
      await db.$queryRawUnsafe<{ any: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM "${TOUCHED_TABLES[run.kind][0]}" WHERE "libraryId" = $1) AS any`,
        run.libraryId,
      )
    )[0].any;

  const seen = new IdSet();
  const pool = options.databaseUrl ? openImportConnection(options.databaseUrl, CHUNKS_IN_FLIGHT) : null;
  const inChunkTransaction = <T>(work: (tx: RawTx) => Promise<T>): Promise<T> =>
    pool ? withPgTransaction(pool, work) : db.$transaction(work, { timeout: 300_000, maxWait: 60_000 });
  // Chunks being written, oldest first: on a pg pool the next chunk's statements run while the
  // previous one's do (two connections); on one Prisma client one at a time. One chunk more than
  // the pool's connections is read ahead and waits for a connection, so that a connection
  // starts its next chunk as soon as it is free instead of waiting while the file is read on.
  const inFlight: Promise<void>[] = [];
  const maxInFlight = pool ? CHUNKS_IN_FLIGHT + 1 : 1;
  const stats = options.stats;
  try {
    if (!run.filePath) throw new ImportProblem("fileGone");
    let present = new Set<string>();
    let rows: ImportRow[] = [];
    let rejections: RowRejection[] = [];
    let lastLine = run.committedLine;
    let progressBytes = 0;
    let pending = 0;
    let previous: Promise<void> = Promise.resolve();

    const flush = async () => {
      if (pending === 0) return;
      const chunkRows = rows;
      const chunkRejections = rejections;
      const counted = pending;
      const chunkLastLine = lastLine;
      const chunkBytes = progressBytes;
      rows = [];
      rejections = [];
      pending = 0;
      const prior = previous;
      const chunk = inChunkTransaction(async (tx) => {
        const started = performance.now();
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock_shared(${RUN_LOCK}, $1)`, run.id);
        const outcome = await applyChunk(tx, run.kind, { ...scope, expectNew }, chunkRows, present);
        if (pool && outcome.inserted + outcome.updated + outcome.unchanged > 0)
          expectNew = outcome.updated + outcome.unchanged === 0;
        // Commit in file order: the committed line never passes a chunk that is not committed.
        // An earlier chunk that failed makes this one fail too (and roll back).
        await prior;
        const allRejections = [...chunkRejections, ...outcome.rejections];
        await recordRejections(tx, run.id, allRejections);
        await tx.$executeRawUnsafe(
          `UPDATE "ImportRun" SET "rowsRead" = "rowsRead" + $2, inserted = inserted + $3, updated = updated + $4,
             unchanged = unchanged + $5, rejected = rejected + $6, "committedLine" = $7, "progressBytes" = $8,
             "heartbeatAt" = now()
           WHERE id = $1`,
          run.id,
          counted,
          outcome.inserted,
          outcome.updated,
          outcome.unchanged,
          allRejections.length,
          chunkLastLine,
          chunkBytes,
        );
        if (stats) {
          stats.databaseMs += performance.now() - started;
          stats.chunks += 1;
        }
      });
      chunk.catch(() => {}); // awaited below; this only keeps a failure from going unobserved meanwhile
      previous = chunk;
      inFlight.push(chunk);
      if (inFlight.length >= maxInFlight) await waitFor(inFlight.shift() as Promise<void>);
    };
    const waitFor = async (chunk: Promise<void>) => {
      const started = performance.now();
      await chunk;
      if (stats) stats.waitedMs += performance.now() - started;
    };

    const file = readImportFile(run.filePath, run.kind, { skipThrough: run.committedLine, seen });
    for await (const batch of file) {
      for (const event of batch) {
        if (event.type === "columns") {
          present = event.present;
          continue;
        }
        lastLine = event.line;
        pending += 1;
        if (event.bytes !== null) progressBytes = event.bytes;
        if (event.type === "row") rows.push(event.row);
        else rejections.push(event.rejection);
        if (pending >= chunkSize) await flush();
      }
    }
    await flush();
    if (stats) stats.readEndMs = performance.now() - startedAt;
    while (inFlight.length > 0) await waitFor(inFlight.shift() as Promise<void>);
    if (stats) stats.chunksEndMs = performance.now() - startedAt;

    if (run.kind === "loans" && run.fullSync) {
      await inChunkTransaction(async (tx) => {
        const outcome = await closeMissingLoans(tx, scope, [...seen], run.maxCloseShare);
        await tx.$executeRawUnsafe(
          `UPDATE "ImportRun" SET notice = $2, closed = $3 WHERE id = $1`,
          run.id,
          outcome.refused
            ? `fullSyncRefused|${outcome.wouldClose}|${outcome.openBefore}|${Math.round(run.maxCloseShare * 100)}`
            : null,
          outcome.closed,
        );
      });
    }
    seen.clear();
    await vacuumAnalyze(db, TOUCHED_TABLES[run.kind]);
    if (stats) stats.vacuumEndMs = performance.now() - startedAt;
    await db.importRun.update({
      where: { id: run.id },
      data: { status: "succeeded", finishedAt: new Date(), filePath: null, progressBytes: run.fileBytes },
    });
    await rm(run.filePath, { force: true });
  } catch (error) {
    // nothing may commit after the run is marked failed
    await Promise.allSettled(inFlight);
    const problem = error instanceof ImportProblem ? error : null;
    if (!problem) console.error(`[import ${run.id}]`, error);
    await db.importRun.update({
      where: { id: run.id },
      data: {
        status: "failed",
        finishedAt: new Date(),
        error: problem ? `${problem.code}|${problem.detail}` : "unexpected|",
        filePath: null,
      },
    });
    if (run.filePath) await rm(run.filePath, { force: true });
  } finally {
    await pool?.end();
  }
}
