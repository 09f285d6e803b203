import "server-only";
import type { RawTx } from "./raw-tx";
import type { RowRejection } from "./rejection-reasons";
import type { ReturnRow } from "./validate-row";

/**
 * Marks loans returned, named by their ILS loan id. A loan already returned at that moment is
 * unchanged; an unknown loan id is refused. One statement for the look-up, one for the update.
 */
export async function applyReturns(
  tx: RawTx,
  scope: { libraryId: number; timeZone: string },
  rows: readonly ReturnRow[],
): Promise<{ updated: number; rejections: RowRejection[] }> {
  if (rows.length === 0) return { updated: 0, rejections: [] };
  // the unique index, not a scan of every loan, for thousands of ids (see upsert-loans.ts)
  await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
  const known = await tx.$queryRawUnsafe<{ k: string }[]>(
    `SELECT "ilsLoanId" AS k FROM "Loan" WHERE "libraryId" = $1 AND "ilsLoanId" = ANY($2::text[])`,
    scope.libraryId,
    rows.map((r) => r.loanId),
  );
  const knownIds = new Set(known.map((k) => k.k));
  const rejections: RowRejection[] = [];
  const found: ReturnRow[] = [];
  for (const row of rows) {
    if (knownIds.has(row.loanId)) found.push(row);
    else rejections.push({ line: row.line, column: "loanId", reason: "unknownLoan", value: row.loanId });
  }
  if (found.length === 0) return { updated: 0, rejections };
  const updated = await tx.$executeRawUnsafe(
    `UPDATE "Loan" AS l SET "returnedAt" = t.at
     FROM (SELECT id, (CASE WHEN right(m, 1) = 'Z' THEN m::timestamptz ELSE m::timestamp AT TIME ZONE $2 END) AS at
           FROM unnest($3::text[], $4::text[]) AS u(id, m)) AS t
     WHERE l."libraryId" = $1 AND l."ilsLoanId" = t.id AND l."returnedAt" IS DISTINCT FROM t.at`,
    scope.libraryId,
    scope.timeZone,
    found.map((r) => r.loanId),
    found.map((r) => r.returnedAt),
  );
  return { updated, rejections };
}
