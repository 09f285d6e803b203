import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/**
 * What the import's set-based statements need from a transaction: raw SQL with parameters,
 * and (on a pg connection) COPY. A Prisma transaction client has the first; `withPgTransaction`,
 * which the CSV import uses for its chunks, has both: Prisma passes parameters through its
 * WebAssembly query compiler, which cost about 3 times the statement itself for 5,000-row
 * arrays (measured: 198 ms against 70 ms per chunk) and grew the process's memory.
 */
export type RawTx = {
  $queryRawUnsafe<T = unknown>(sql: string, ...values: unknown[]): PromiseLike<T>;
  $executeRawUnsafe(sql: string, ...values: unknown[]): PromiseLike<number>;
  /** `COPY ... FROM STDIN` with rows in PostgreSQL's text format; absent on a Prisma client */
  copyIn?(sql: string, text: Iterable<string>): Promise<void>;
};

/**
 * pg connections for an import's chunks (never on the embedded database: it is one session).
 * Two, so that one chunk's statements run while the next chunk's are sent (run-import.ts).
 */
export function openImportConnection(databaseUrl: string, connections = 2): pg.Pool {
  return new pg.Pool({ connectionString: databaseUrl, max: connections, idleTimeoutMillis: 1_000 });
}

/** A RawTx over one pg client. */
export function pgRawTx(client: pg.PoolClient | pg.Client): RawTx {
  return {
    $queryRawUnsafe: async <R>(sql: string, ...values: unknown[]) =>
      (await client.query(sql, values)).rows as R,
    $executeRawUnsafe: async (sql: string, ...values: unknown[]) =>
      (await client.query(sql, values)).rowCount ?? 0,
    copyIn: (sql, text) => pipeline(Readable.from(text), client.query(copyFrom(sql))),
  };
}

/**
 * Runs `work` in a transaction on one of the pool's connections; rolled back if it throws.
 * Commits do not wait for the disk (`synchronous_commit = off`): a chunk and its run's progress
 * commit together or not at all either way, so a machine crash can only lose the last chunks,
 * which the resumed import redoes.
 */
export async function withPgTransaction<T>(pool: pg.Pool, work: (tx: RawTx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL synchronous_commit = off");
    const result = await work(pgRawTx(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
