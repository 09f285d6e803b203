import "server-only";
import type { Db } from "@/lib/db-client";
import type { ImportKind } from "@/lib/generated/prisma/client";
import { applyChunk } from "./apply-chunk";
import { REJECTION_REASONS, type RowRejection } from "./rejection-reasons";
import { type ImportRow, presentFields, rowKey, validateRow } from "./validate-row";

export { MAX_BATCH_ROWS } from "./import-batch-limits";

export type BatchResult = {
  importRunId: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: {
    index: number;
    field: string | null;
    reason: string;
    message: string;
    value: string | null;
  }[];
};

function asText(value: unknown): string | undefined {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/**
 * The JSON API's write: a batch of rows of one kind, checked like CSV rows (the same field
 * names, see docs/import.md) and applied in one transaction, recorded as an ImportRun for the
 * import history. A row's "line" is its position in the batch, from 1.
 */
export async function importBatch(
  db: Db,
  input: {
    libraryId: number;
    timeZone: string;
    kind: ImportKind;
    rows: unknown[];
    apiToken: { id: number; name: string };
  },
): Promise<BatchResult> {
  const started = new Date();
  const rejections: RowRejection[] = [];
  const rows: ImportRow[] = [];
  const seen = new Set<string>();
  const fieldsSeen = new Set<string>();
  for (const [index, item] of input.rows.entries()) {
    const line = index + 1;
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      rejections.push({ line, column: null, reason: "notAnObject", value: null });
      continue;
    }
    const raw: Record<string, string> = {};
    const notAValue = Object.entries(item).find(([, value]) => asText(value) === undefined);
    if (notAValue) {
      rejections.push({ line, column: notAValue[0], reason: "badValue", value: null });
      continue;
    }
    for (const [field, value] of Object.entries(item)) {
      raw[field] = asText(value) as string;
      fieldsSeen.add(field);
    }
    const checked = validateRow(input.kind, raw, line);
    if (checked.rejection) {
      rejections.push(checked.rejection);
      continue;
    }
    const key = rowKey(input.kind, checked.row);
    if (seen.has(key.value)) {
      rejections.push({ line, column: key.field, reason: "duplicateId", value: key.value });
      continue;
    }
    seen.add(key.value);
    rows.push(checked.row);
  }
  const present = presentFields(input.kind, fieldsSeen);

  const branches = await db.branch.findMany({
    where: { libraryId: input.libraryId },
    select: { id: true, ilsCode: true },
  });
  const scope = {
    libraryId: input.libraryId,
    timeZone: input.timeZone,
    branchIds: new Map(branches.map((b) => [b.ilsCode, b.id])),
  };
  return db.$transaction(
    async (tx) => {
      const outcome = await applyChunk(tx, input.kind, scope, rows, present);
      const all = [...rejections, ...outcome.rejections].sort((a, b) => a.line - b.line);
      const run = await tx.importRun.create({
        data: {
          libraryId: input.libraryId,
          kind: input.kind,
          status: "succeeded",
          fileName: "JSON API",
          actorLabel: `API: ${input.apiToken.name}`,
          apiTokenId: input.apiToken.id,
          rowsRead: input.rows.length,
          committedLine: input.rows.length,
          inserted: outcome.inserted,
          updated: outcome.updated,
          unchanged: outcome.unchanged,
          rejected: all.length,
          createdAt: started,
          startedAt: started,
          finishedAt: new Date(),
        },
      });
      if (all.length > 0) {
        await tx.importRejection.createMany({
          data: all.map((r) => ({
            importRunId: run.id,
            line: r.line,
            column: r.column,
            reason: r.reason,
            value: r.value,
          })),
        });
      }
      return {
        importRunId: run.id,
        inserted: outcome.inserted,
        updated: outcome.updated,
        unchanged: outcome.unchanged,
        rejected: all.length,
        rejections: all.map((r) => ({
          index: r.line - 1,
          field: r.column,
          reason: r.reason,
          message: REJECTION_REASONS[r.reason],
          value: r.value,
        })),
      };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
