import { readFileSync } from "node:fs";
import pg from "pg";

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
