import pg from "pg";

/** The URL with its password replaced, safe to print. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ":***@");
  }
}

export class DatabaseUnreachableError extends Error {}

/** Connects once to `url`; throws DatabaseUnreachableError naming the URL and the reason. */
export async function checkDatabase(url: string): Promise<void> {
  const shown = redactUrl(url);
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new DatabaseUnreachableError(
      `DATABASE_URL ${shown} is not a PostgreSQL URL (expected postgresql://user:password@host:port/database).`,
    );
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new DatabaseUnreachableError(`Cannot connect to the database at ${shown}: ${reason}`);
  } finally {
    await client.end().catch(() => {});
  }
}
