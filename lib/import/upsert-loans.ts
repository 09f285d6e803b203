import "server-only";
import type { RawTx } from "./raw-tx";
import type { RowRejection } from "./rejection-reasons";
import { asMoment, upsertRows } from "./upsert-rows";
import type { LoanRow } from "./validate-row";

type Scope = { libraryId: number; timeZone: string; branchIds: ReadonlyMap<string, number> };
type ResolvedLoanRow = LoanRow & { patronId: number; itemId: number; branchId: number };

async function idsByKey(
  tx: RawTx,
  table: "Patron" | "Item",
  key: string,
  libraryId: number,
  values: string[],
) {
  const found = await tx.$queryRawUnsafe<{ k: string; id: number }[]>(
    `SELECT "${key}" AS k, id FROM "${table}" WHERE "libraryId" = $1 AND "${key}" = ANY($2::text[])`,
    libraryId,
    values,
  );
  return new Map(found.map((f) => [f.k, f.id]));
}

/**
 * Upserts loans on (library, ILS loan id). The patron, item and branch are named by the
 * library system's ids; a row naming one this library does not have is refused (import the
 * patrons and items first). Returned date, renewals and "reserved" only when the file has them.
 */
export async function upsertLoans(
  tx: RawTx,
  scope: Scope,
  rows: readonly LoanRow[],
  present: ReadonlySet<string>,
): Promise<{ inserted: number; updated: number; rejections: RowRejection[] }> {
  const patrons = await idsByKey(tx, "Patron", "cardNumber", scope.libraryId, [
    ...new Set(rows.map((r) => r.cardNumber)),
  ]);
  const items = await idsByKey(tx, "Item", "barcode", scope.libraryId, [
    ...new Set(rows.map((r) => r.barcode)),
  ]);
  const rejections: RowRejection[] = [];
  const resolved: ResolvedLoanRow[] = [];
  for (const row of rows) {
    const branchId = scope.branchIds.get(row.branch);
    const patronId = patrons.get(row.cardNumber);
    const itemId = items.get(row.barcode);
    if (branchId === undefined)
      rejections.push({ line: row.line, column: "branch", reason: "unknownBranch", value: row.branch });
    else if (patronId === undefined)
      rejections.push({
        line: row.line,
        column: "cardNumber",
        reason: "unknownPatron",
        value: row.cardNumber,
      });
    else if (itemId === undefined)
      rejections.push({ line: row.line, column: "barcode", reason: "unknownItem", value: row.barcode });
    else resolved.push({ ...row, branchId, patronId, itemId });
  }
  const written = await upsertRows(
    tx,
    {
      table: "Loan",
      key: "ilsLoanId",
      columns: [
        { name: "ilsLoanId", array: "text", value: (r) => r.loanId, update: false },
        { name: "patronId", array: "int", value: (r) => r.patronId },
        { name: "itemId", array: "int", value: (r) => r.itemId },
        { name: "branchId", array: "int", value: (r) => r.branchId },
        { name: "loanedAt", array: "text", value: (r) => r.loanedAt, cast: asMoment },
        { name: "dueDate", array: "text", value: (r) => r.dueDate, cast: (v) => `${v}::date` },
        ...(present.has("returnedAt")
          ? [
              {
                name: "returnedAt",
                array: "text" as const,
                value: (r: ResolvedLoanRow) => r.returnedAt,
                cast: asMoment,
              },
            ]
          : []),
        ...(present.has("renewals")
          ? [{ name: "renewalCount", array: "int" as const, value: (r: ResolvedLoanRow) => r.renewals ?? 0 }]
          : []),
        ...(present.has("reserved")
          ? [
              {
                name: "reserved",
                array: "boolean" as const,
                value: (r: ResolvedLoanRow) => r.reserved ?? false,
              },
            ]
          : []),
      ],
    },
    scope,
    resolved,
  );
  return { ...written, rejections };
}
