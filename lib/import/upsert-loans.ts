import "server-only";
import type { RawTx } from "./raw-tx";
import type { RowRejection } from "./rejection-reasons";
import { type UpsertColumn, upsertRows } from "./upsert-rows";
import type { LoanRow } from "./validate-row";

type Scope = { libraryId: number; timeZone: string; branchIds: ReadonlyMap<string, number> };
const OPTIONAL: UpsertColumn<LoanRow>[] = [
  { name: "returnedAt", array: "timestamptz", value: (r) => r.returnedAt },
  { name: "renewalCount", array: "int", value: (r) => r.renewals ?? 0 },
  { name: "reserved", array: "boolean", value: (r) => r.reserved ?? false },
];
/** the file's field behind each optional column */
const FIELD: Record<string, string> = {
  returnedAt: "returnedAt",
  renewalCount: "renewals",
  reserved: "reserved",
};

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
  const rejections: RowRejection[] = [];
  // the rows themselves, not copies: a chunk is held once
  const branched: LoanRow[] = [];
  for (const row of rows) {
    if (scope.branchIds.has(row.branch)) branched.push(row);
    else rejections.push({ line: row.line, column: "branch", reason: "unknownBranch", value: row.branch });
  }
  const written = await upsertRows(
    tx,
    {
      table: "Loan",
      key: "ilsLoanId",
      columns: [
        { name: "ilsLoanId", array: "text", value: (r) => r.loanId, update: false },
        {
          name: "patronId",
          array: "text",
          value: (r) => r.cardNumber,
          lookup: { table: "Patron", key: "cardNumber" },
        },
        { name: "itemId", array: "text", value: (r) => r.barcode, lookup: { table: "Item", key: "barcode" } },
        { name: "branchId", array: "int", value: (r) => scope.branchIds.get(r.branch) },
        { name: "loanedAt", array: "timestamptz", value: (r) => r.loanedAt },
        { name: "dueDate", array: "date", value: (r) => r.dueDate },
        ...OPTIONAL.filter((c) => present.has(FIELD[c.name])),
      ],
    },
    scope,
    branched,
  );
  if (written.unknown.length > 0) {
    const byLine = new Map(branched.map((r) => [r.line, r]));
    for (const { line, column } of written.unknown) {
      const row = byLine.get(line) as LoanRow;
      rejections.push(
        column === "patronId"
          ? { line, column: "cardNumber", reason: "unknownPatron", value: row.cardNumber }
          : { line, column: "barcode", reason: "unknownItem", value: row.barcode },
      );
    }
  }
  return { inserted: written.inserted, updated: written.updated, rejections };
}
