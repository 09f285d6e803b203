import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = ReturnType<typeof createDbClient>;

/**
 * A Prisma client over the pg driver adapter. The app uses the one in lib/db.ts; scripts
 * and tests make their own with this, since they run outside Next's server bundle.
 */
export function createDbClient(
  connectionString: string,
  poolMax = 10,
  // On the embedded database (one session, pool of 1) other clients such as the prisma CLI
  // wait until this pool's idle connection closes: scripts and tests keep it short there.
  idleTimeoutMillis = poolMax === 1 ? 1_000 : 10_000,
) {
  // On the embedded database the pool is made here and kept, so that the job queue can share
  // its one connection (poolOf); elsewhere the adapter owns its pool.
  const pool = poolMax === 1 ? new pg.Pool({ connectionString, max: 1, idleTimeoutMillis }) : undefined;
  const adapter = new PrismaPg(pool ?? { connectionString, max: poolMax, idleTimeoutMillis });
  const client = new PrismaClient({ adapter, omit: { staffUser: { passwordHash: true } } });
  if (pool) pools.set(client, pool);
  connectionStrings.set(client, connectionString);
  return client;
}

const connectionStrings = new WeakMap<object, string>();
const rawPools = new WeakMap<object, pg.Pool>();

/**
 * A pg pool beside a client made here, for the few statements that move megabytes (a send
 * run's rendered emails and batches): Prisma's raw queries cost about ten times pg's CPU per
 * megabyte of parameters or results. Undefined for a transaction's client: its statements
 * must stay in its transaction. On the embedded database it is the client's own one
 * connection. Idle connections do not keep the process alive.
 */
export function rawPoolOf(client: object): pg.Pool | undefined {
  const own = pools.get(client);
  if (own) return own;
  let pool = rawPools.get(client);
  const connectionString = connectionStrings.get(client);
  if (!pool && connectionString) {
    pool = new pg.Pool({ connectionString, max: 2, idleTimeoutMillis: 5_000, allowExitOnIdle: true });
    // a connection dropped while idle (the database went away): the next query reconnects
    pool.on("error", () => undefined);
    rawPools.set(client, pool);
  }
  return pool;
}

const pools = new WeakMap<object, pg.Pool>();

/** The pg pool of one connection under a client made for the embedded database (else undefined). */
export function poolOf(client: object): pg.Pool | undefined {
  return pools.get(client);
}

/** The client handed to `db.$transaction(async (tx) => ...)`. */
export type DbTx = Parameters<Extract<Parameters<Db["$transaction"]>[0], (...args: never[]) => unknown>>[0];

/**
 * Runs `work` in a transaction: the caller's, when given a transaction client (so a domain
 * function called inside a server action's transaction joins it), or a new one.
 */
export function inTransaction<T>(
  db: Db | DbTx,
  work: (tx: DbTx) => Promise<T>,
  options?: { timeout?: number; maxWait?: number },
): Promise<T> {
  return "$transaction" in db ? db.$transaction(work, options) : work(db);
}
