import "server-only";
import type { RawTx } from "./raw-tx";

/**
 * A column of a set-based upsert. Values travel as one text[] (or int[]/boolean[]) parameter
 * per column; `cast` turns the unnested value (`v`) into the column's type.
 */
export type UpsertColumn<Row> = {
  name: string;
  array: "text" | "int" | "boolean";
  value: (row: Row) => unknown;
  cast?: (v: string) => string;
  /** false: written on insert only (the row's identity) */
  update?: boolean;
};

export type UpsertSpec<Row> = {
  table: string;
  /** the unique key besides libraryId, e.g. "cardNumber" */
  key: string;
  columns: UpsertColumn<Row>[];
  /** more SET clauses for a changed row, e.g. `"updatedAt" = now()` */
  alsoOnChange?: string[];
  /** more columns written on insert: name -> SQL */
  alsoOnInsert?: Record<string, string>;
};

export const asMoment = (v: string) =>
  `(CASE WHEN right(${v}, 1) = 'Z' THEN ${v}::timestamptz ELSE ${v}::timestamp AT TIME ZONE $2::text END)`;

/**
 * Inserts new rows and updates changed ones in one statement (INSERT ... SELECT FROM unnest
 * ... ON CONFLICT DO UPDATE ... WHERE something differs): an unchanged row is not written at
 * all, so importing the same file twice changes nothing and counts it as unchanged. The rows
 * must have distinct keys. `xmax = 0` tells a fresh insert from an update.
 */
export async function upsertRows<Row>(
  tx: RawTx,
  spec: UpsertSpec<Row>,
  scope: { libraryId: number; timeZone: string },
  rows: readonly Row[],
): Promise<{ inserted: number; updated: number }> {
  if (rows.length === 0) return { inserted: 0, updated: 0 };
  const table = `"${spec.table}"`;
  const aliases = spec.columns.map((_, i) => `c${i}`);
  const params = spec.columns.map((c, i) => `$${i + 3}::${c.array}[]`);
  const selects = spec.columns.map((c, i) => (c.cast ? c.cast(aliases[i]) : aliases[i]));
  const extraInsert = Object.entries(spec.alsoOnInsert ?? {});
  const names = [
    '"libraryId"',
    ...spec.columns.map((c) => `"${c.name}"`),
    ...extraInsert.map(([n]) => `"${n}"`),
  ];
  const updatable = spec.columns.filter((c) => c.update !== false).map((c) => `"${c.name}"`);
  const set = [...updatable.map((n) => `${n} = EXCLUDED.${n}`), ...(spec.alsoOnChange ?? [])];
  const sql = `WITH written AS (
      INSERT INTO ${table} (${names.join(", ")})
      SELECT $1::int, ${[...selects, ...extraInsert.map(([, v]) => v)].join(", ")}
      FROM unnest(${params.join(", ")}) AS t(${aliases.join(", ")})
      WHERE $2::text IS NOT NULL
      ON CONFLICT ("libraryId", "${spec.key}") DO UPDATE SET ${set.join(", ")}
      WHERE (${updatable.map((n) => `${table}.${n}`).join(", ")}, NULL) IS DISTINCT FROM (${updatable.map((n) => `EXCLUDED.${n}`).join(", ")}, NULL)
      RETURNING (xmax = 0) AS fresh
    )
    SELECT count(*) FILTER (WHERE fresh)::int AS inserted, count(*) FILTER (WHERE NOT fresh)::int AS updated FROM written`;
  const values = spec.columns.map((c) => rows.map(c.value));
  const [result] = await tx.$queryRawUnsafe<{ inserted: number; updated: number }[]>(
    sql,
    scope.libraryId,
    scope.timeZone,
    ...values,
  );
  return result;
}
