import "server-only";
import pg from "pg";

/**
 * What the import's set-based statements need from a transaction: raw SQL with parameters.
 * A Prisma transaction client has it; so does `withPgTransaction`, which the CSV import uses
 * for its chunks: Prisma passes parameters through its WebAssembly query compiler, which cost
 * about 3 times the statement itself for 5,000-row arrays (measured: 198 ms against 70 ms per
 * chunk) and grew the process's memory.
 */
export type RawTx = {
  $queryRawUnsafe<T = unknown>(sql: string, ...values: unknown[]): PromiseLike<T>;
  $executeRawUnsafe(sql: string, ...values: unknown[]): PromiseLike<number>;
};

/** One pg connection for an import's chunks (never on the embedded database: it is one session). */
export function openImportConnection(databaseUrl: string): pg.Pool {
  return new pg.Pool({ connectionString: databaseUrl, max: 1, idleTimeoutMillis: 1_000 });
}

/** Runs `work` in a transaction on the pool's connection; rolled back if it throws. */
export async function withPgTransaction<T>(pool: pg.Pool, work: (tx: RawTx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const tx: RawTx = {
    $queryRawUnsafe: async <R>(sql: string, ...values: unknown[]) =>
      (await client.query(sql, values)).rows as R,
    $executeRawUnsafe: async (sql: string, ...values: unknown[]) =>
      (await client.query(sql, values)).rowCount ?? 0,
  };
  try {
    await client.query("BEGIN");
    const result = await work(tx);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
