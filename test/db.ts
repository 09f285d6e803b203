import { afterAll, inject } from "vitest";
import { createDbClient, type Db } from "@/lib/db-client";

/**
 * The test run's database (real PostgreSQL or embedded PGlite, migrated), for one test file.
 * Call at the top level of a test file; the client is closed after the file's tests.
 */
export function useTestDb(): Db {
  const db = createDbClient(inject("databaseUrl"), inject("embeddedDatabase") ? 1 : 4);
  afterAll(() => db.$disconnect());
  return db;
}

/** Empties every table of the domain, so a test starts from a known state. */
export async function resetDatabase(db: Db): Promise<void> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  const list = tables.map((t) => `"public"."${t.tablename}"`).join(", ");
  await db.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
}
