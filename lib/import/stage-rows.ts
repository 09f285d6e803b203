import "server-only";
import type { RawTx } from "./raw-tx";

/**
 * A column of the staging table: its type and how a row gives its value. A `timestamptz` value
 * without an offset is read in the session's time zone (upsert-rows.ts sets the library's).
 */
export type StageColumn<Row> = {
  array: "text" | "int" | "boolean" | "date" | "timestamptz";
  value: (row: Row) => unknown;
};

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
const SPECIAL = /[\\\t\n\r]/;

/** A value in COPY's text format: `\N` for null, backslash, tab and line breaks escaped. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  const text = String(value);
  return SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : text;
}

function* copyLines<Row extends { line: number }>(
  columns: readonly StageColumn<Row>[],
  rows: readonly Row[],
): Generator<string> {
  const piece: string[] = [];
  for (const row of rows) {
    let line = String(row.line);
    for (const column of columns) line += `\t${copyValue(column.value(row))}`;
    piece.push(line);
    if (piece.length === 2_000) {
      yield `${piece.join("\n")}\n`;
      piece.length = 0;
    }
  }
  if (piece.length > 0) yield `${piece.join("\n")}\n`;
}

/**
 * Puts a chunk's rows into `import_stage` (a temporary table dropped at commit: line, c0, c1,
 * ...), so that what follows is plain set-based SQL over a table. On a pg connection by COPY
 * (the rows stream as text, no parameter arrays); on a Prisma client (the JSON API, the
 * embedded database) as parameter arrays through unnest.
 */
export async function stageRows<Row extends { line: number }>(
  tx: RawTx,
  columns: readonly StageColumn<Row>[],
  rows: readonly Row[],
): Promise<void> {
  const definitions = columns.map((c, i) => `c${i} ${c.array}`);
  await tx.$executeRawUnsafe(
    `CREATE TEMP TABLE import_stage (line int, ${definitions.join(", ")}) ON COMMIT DROP`,
  );
  if (tx.copyIn) {
    await tx.copyIn("COPY import_stage FROM STDIN", copyLines(columns, rows));
    return;
  }
  const params = ["$1::int[]", ...columns.map((c, i) => `$${i + 2}::${c.array}[]`)];
  await tx.$executeRawUnsafe(
    `INSERT INTO import_stage SELECT * FROM unnest(${params.join(", ")})`,
    rows.map((r) => r.line),
    ...columns.map((c) => rows.map(c.value)),
  );
}
