/**
 * Runs one queued (or interrupted) import outside the web server: the worker's entry for an
 * ImportRun, and what the crash test kills mid-file.
 *   DATABASE_URL=... npx tsx --tsconfig scripts/tsconfig.json scripts/run-import.ts <importRunId> [--chunk-size N]
 */
import { createDbClient } from "../lib/db-client";
import { runImport } from "../lib/import/run-import";

const [idArg, ...rest] = process.argv.slice(2);
const chunkSize = rest.includes("--chunk-size") ? Number(rest[rest.indexOf("--chunk-size") + 1]) : undefined;
const url = process.env.DATABASE_URL;

async function main() {
  if (!url || !idArg || !/^\d+$/.test(idArg))
    throw new Error("usage: DATABASE_URL=... run-import.ts <importRunId>");
  const db = createDbClient(url, 2);
  try {
    await runImport(db, Number(idArg), { chunkSize, databaseUrl: url });
    const run = await db.importRun.findUniqueOrThrow({ where: { id: Number(idArg) } });
    console.log(
      `import ${run.id}: ${run.status}, ${run.inserted} inserted, ${run.updated} updated, ${run.unchanged} unchanged, ${run.rejected} rejected`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
