import { readFileSync } from "node:fs";
import pg from "pg";
import type { Db } from "../lib/db-client";

/** Where e2e/serve.ts leaves the address of the scratch database the browser tests run against. */
export const E2E_DATABASE_FILE = ".test-results/e2e-database.json";

/** A connection to that database, for checks and set-ups the pages cannot do. */
export async function withDatabase<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const { url } = JSON.parse(readFileSync(E2E_DATABASE_FILE, "utf8")) as { url: string };
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/**
 * A Prisma client on that database, for a spec that makes or resets its own data with the
 * same code the server's set-up uses (e2e/*-data.ts), and the demo library's id.
 */
export async function withE2eDb<T>(use: (db: Db, demoLibraryId: number) => Promise<T>): Promise<T> {
  const { url } = JSON.parse(readFileSync(E2E_DATABASE_FILE, "utf8")) as { url: string };
  const { createDbClient } = await import("../lib/db-client");
  const db = createDbClient(url, 1);
  try {
    const library = await db.library.findFirstOrThrow({ where: { code: "demo" }, select: { id: true } });
    return await use(db, library.id);
  } finally {
    await db.$disconnect();
  }
}
