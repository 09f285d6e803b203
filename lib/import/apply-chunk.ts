import "server-only";
import type { ImportKind } from "@/lib/generated/prisma/client";
import { applyReturns } from "./apply-returns";
import type { RawTx } from "./raw-tx";
import type { RowRejection } from "./rejection-reasons";
import { upsertItems } from "./upsert-items";
import { upsertLoans } from "./upsert-loans";
import { upsertPatrons } from "./upsert-patrons";
import type { ImportRow, ItemRow, LoanRow, PatronRow, ReturnRow } from "./validate-row";

export type ChunkScope = {
  libraryId: number;
  timeZone: string;
  /** the library's branches by their ILS code */
  branchIds: ReadonlyMap<string, number>;
  /** the rows are probably all new: a plain INSERT is tried first (upsert-rows.ts) */
  expectNew?: boolean;
};

export type ChunkOutcome = {
  inserted: number;
  updated: number;
  unchanged: number;
  rejections: RowRejection[];
};

/**
 * Writes one chunk of valid rows of one kind (inside the caller's transaction) and says what
 * happened to each: inserted, updated, unchanged, or refused because what it names is unknown.
 * Shared by the CSV import and the JSON API.
 */
export async function applyChunk(
  tx: RawTx,
  kind: ImportKind,
  scope: ChunkScope,
  rows: readonly ImportRow[],
  present: ReadonlySet<string>,
): Promise<ChunkOutcome> {
  const rejections: RowRejection[] = [];
  let inserted = 0;
  let updated = 0;
  if (kind === "patrons") {
    const resolved = [];
    for (const row of rows as PatronRow[]) {
      const homeBranchId = scope.branchIds.get(row.homeBranch);
      if (homeBranchId === undefined)
        rejections.push({
          line: row.line,
          column: "homeBranch",
          reason: "unknownBranch",
          value: row.homeBranch,
        });
      else resolved.push({ ...row, homeBranchId });
    }
    ({ inserted, updated } = await upsertPatrons(tx, scope, resolved, present));
  } else if (kind === "items") {
    ({ inserted, updated } = await upsertItems(tx, scope, rows as ItemRow[], present));
  } else if (kind === "loans") {
    const result = await upsertLoans(tx, scope, rows as LoanRow[], present);
    ({ inserted, updated } = result);
    rejections.push(...result.rejections);
  } else {
    const result = await applyReturns(tx, scope, rows as ReturnRow[]);
    updated = result.updated;
    rejections.push(...result.rejections);
  }
  return { inserted, updated, unchanged: rows.length - rejections.length - inserted - updated, rejections };
}
