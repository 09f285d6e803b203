import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { useTestDb } from "@/test/db";

const run = promisify(execFile);
const db = useTestDb();

type CatalogRow = { kind: string; name: string; def: string | null };

/** Tables, columns, indexes and constraints of one schema, with the schema name removed. */
async function describeSchema(schema: string): Promise<CatalogRow[]> {
  const columns = await db.$queryRawUnsafe<CatalogRow[]>(
    `SELECT 'column' AS kind, table_name || '.' || column_name AS name,
            udt_name || ' null=' || is_nullable || ' default=' || coalesce(column_default, '') AS def
       FROM information_schema.columns WHERE table_schema = $1 AND table_name <> '_prisma_migrations'`,
    schema,
  );
  const indexes = await db.$queryRawUnsafe<CatalogRow[]>(
    `SELECT 'index' AS kind, indexname AS name, indexdef AS def
       FROM pg_indexes WHERE schemaname = $1 AND tablename <> '_prisma_migrations'`,
    schema,
  );
  const constraints = await db.$queryRawUnsafe<CatalogRow[]>(
    `SELECT 'constraint' AS kind, c.conname AS name, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = $1 AND c.conname NOT LIKE '_prisma_migrations%'`,
    schema,
  );
  const enums = await db.$queryRawUnsafe<CatalogRow[]>(
    `SELECT 'enum' AS kind, t.typname AS name, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS def
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 GROUP BY t.typname`,
    schema,
  );
  return [...columns, ...indexes, ...constraints, ...enums]
    .map((row) => ({
      ...row,
      def: row.def?.replaceAll(`"${schema}".`, "").replaceAll(`${schema}.`, "") ?? null,
    }))
    .sort((a, b) => `${a.kind}${a.name}`.localeCompare(`${b.kind}${b.name}`));
}

describe("database schema", () => {
  it("the applied migrations match prisma/schema.prisma exactly (no drift)", async () => {
    const { stdout: expectedSql } = await run(
      "npx",
      [
        "prisma",
        "migrate",
        "diff",
        "--from-empty",
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--script",
      ],
      { env: { ...process.env, DATABASE_URL: inject("databaseUrl") }, maxBuffer: 16 * 1024 * 1024 },
    );
    await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS drift_expected CASCADE`);
    await db.$executeRawUnsafe(`CREATE SCHEMA drift_expected`);
    const statements = expectedSql
      .replace(/CREATE SCHEMA IF NOT EXISTS "public";/, "")
      .split(/;\s*\n/)
      .map((s) => s.trim())
      .filter((s) => s && !/^(--[^\n]*\n?)*$/.test(s));
    await db.$transaction(async (tx) => {
      // public stays on the path for the extensions' objects (pg_trgm's gin_trgm_ops);
      // new tables and types still land in drift_expected, the first schema on the path
      await tx.$executeRawUnsafe(`SET LOCAL search_path TO drift_expected, public`);
      for (const statement of statements) await tx.$executeRawUnsafe(statement);
    });

    const [fromMigrations, fromSchema] = [
      await describeSchema("public"),
      await describeSchema("drift_expected"),
    ];
    await db.$executeRawUnsafe(`DROP SCHEMA drift_expected CASCADE`);

    expect(fromSchema.length).toBeGreaterThan(50);
    expect(fromMigrations).toEqual(fromSchema);
  });
});
