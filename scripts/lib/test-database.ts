import pg from "pg";
import { freePort, startEmbeddedPostgres } from "./embedded-postgres";
import { migrateDeploy } from "./migrate";

export type TestDatabase = { url: string; embedded: boolean; drop(): Promise<void> };

/**
 * A fresh, migrated database for a test run. With DATABASE_URL set (CI: the machine's
 * PostgreSQL) a new database is created beside it and dropped afterwards; without it an
 * in-memory PGlite is served on a free port, so `npm test` needs nothing installed.
 */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ port: await freePort() });
    await migrateDeploy(embedded.url);
    return { url: embedded.url, embedded: true, drop: () => embedded.stop() };
  }
  const name = `rappel_${label}_${process.pid}_${Date.now().toString(36)}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrateDeploy(url.toString());
  return {
    url: url.toString(),
    embedded: false,
    drop: async () => {
      await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

export async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
