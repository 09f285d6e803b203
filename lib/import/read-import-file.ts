import type { ImportKind } from "@/lib/generated/prisma/client";
import { mapHeaders } from "./column-aliases";
import type { IdSet } from "./id-set";
import { readCsv } from "./parse-csv";
import type { RowRejection } from "./rejection-reasons";
import { type ImportRow, presentFields, validateRow } from "./validate-row";

/** A problem that stops a file, as a code staff read in their language (messages importProblems.*). */
export class ImportProblem extends Error {
  constructor(
    readonly code: "emptyFile" | "missingColumns" | "fileGone" | "unexpected",
    readonly detail = "",
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

export type ImportFileEvent =
  /** the file's header: the optional fields it carries */
  | { type: "columns"; present: Set<string> }
  /** a checked row, and how far into the file it reaches (bytes) */
  | { type: "row"; line: number; bytes: number; row: ImportRow }
  | { type: "rejection"; line: number; bytes: number | null; rejection: RowRejection };

const KEY_FIELD: Record<ImportKind, string> = {
  patrons: "cardNumber",
  items: "barcode",
  loans: "loanId",
  returns: "loanId",
};

/**
 * A CSV file as checked rows and refused lines (in batches), everything but the database: the header mapped
 * to fields (refused without a required column), each record checked (column count, every
 * field, an id already seen in the file). Lines up to `skipThrough` (committed by an earlier
 * attempt) only add their id to `seen`, which ends holding every id of the file (the full sync
 * needs them).
 */
export async function* readImportFile(
  path: string,
  kind: ImportKind,
  options: { skipThrough: number; seen: IdSet },
): AsyncGenerator<ImportFileEvent[]> {
  const { skipThrough, seen } = options;
  const keyField = KEY_FIELD[kind];
  let fields: (string | null)[] | null = null;
  let headerCount = 0;
  let keyIndex = -1;
  for await (const batch of readCsv(path)) {
    const out: ImportFileEvent[] = [];
    for (const event of batch) {
      if (event.type === "header") {
        const mapping = mapHeaders(kind, event.headers);
        if (mapping.missing.length > 0) throw new ImportProblem("missingColumns", mapping.missing.join(", "));
        fields = mapping.fields;
        headerCount = event.headers.length;
        keyIndex = fields.indexOf(KEY_FIELD[kind]);
        out.push({ type: "columns", present: presentFields(kind, fields) });
        continue;
      }
      if (!fields) continue;
      if (event.line <= skipThrough) {
        if (event.type === "record") seen.add((event.values[keyIndex] ?? "").trim());
        continue;
      }
      if (event.type === "broken") {
        const rejection: RowRejection = { line: event.line, column: null, reason: "unreadable", value: null };
        out.push({ type: "rejection", line: event.line, bytes: null, rejection });
        continue;
      }
      const { line, values, bytes } = event;
      let extraFilled = false;
      for (let i = headerCount; i < values.length && !extraFilled; i++) extraFilled = values[i].trim() !== "";
      if (values.length < headerCount || extraFilled) {
        const key = (values[keyIndex] ?? "").trim();
        if (key) seen.add(key);
        const rejection: RowRejection = {
          line,
          column: null,
          reason: "columnCount",
          value: `${values.length}`,
        };
        out.push({ type: "rejection", line, bytes, rejection });
        continue;
      }
      const raw: Record<string, string> = {};
      for (let i = 0; i < fields.length; i++) {
        const field = fields[i];
        if (field) raw[field] = values[i];
      }
      const checked = validateRow(kind, raw, line);
      if (checked.rejection) {
        const key = (values[keyIndex] ?? "").trim();
        if (key) seen.add(key);
        out.push({ type: "rejection", line, bytes, rejection: checked.rejection });
        continue;
      }
      const key = (checked.row as unknown as Record<string, string>)[keyField];
      if (!seen.add(key)) {
        const rejection: RowRejection = { line, column: keyField, reason: "duplicateId", value: key };
        out.push({ type: "rejection", line, bytes, rejection });
        continue;
      }
      out.push({ type: "row", line, bytes, row: checked.row });
    }
    yield out;
  }
  if (!fields) throw new ImportProblem("emptyFile");
}
