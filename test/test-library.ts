import { addDays, type LocalDate, toDbDate } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import { createTestLibrary } from "@/test/test-fixtures";

/**
 * A library with `patrons` patrons, each with one loan 7 days overdue on `date` (so each gets
 * one overdue-1 email), written set-based so that thousands take a moment. Tests and the bench.
 */
export async function createOverdueLibrary(
  db: Db,
  { code = "S", patrons, date }: { code?: string; patrons: number; date: LocalDate },
) {
  const t = await createTestLibrary(db, { code });
  const libraryId = t.library.id;
  const branchId = t.branch.id;
  await db.$executeRaw`
    INSERT INTO "Patron" ("libraryId", "cardNumber", "firstName", "lastName", email, "emailStatus", language, "homeBranchId", "updatedAt")
    SELECT ${libraryId}, ${code} || '-C' || i, 'Lener', 'Nummer ' || i, 'lener' || i || '@example.be', 'ok',
           (ARRAY['nl','fr','en'])[1 + i % 3]::"Language", ${branchId}, now()
    FROM generate_series(1, ${patrons}) i`;
  await db.$executeRaw`
    INSERT INTO "Item" ("libraryId", barcode, title)
    SELECT ${libraryId}, ${code} || '-X' || i, 'Boek ' || i FROM generate_series(1, ${patrons}) i`;
  await db.$executeRaw`
    INSERT INTO "Loan" ("libraryId", "ilsLoanId", "patronId", "itemId", "branchId", "loanedAt", "dueDate")
    SELECT ${libraryId}, ${code} || '-L' || i, p.id, it.id, ${branchId},
           ${new Date(`${addDays(date, -28)}T10:00:00Z`)}, ${toDbDate(addDays(date, -7))}
    FROM generate_series(1, ${patrons}) i
    JOIN "Patron" p ON p."libraryId" = ${libraryId} AND p."cardNumber" = ${code} || '-C' || i
    JOIN "Item" it ON it."libraryId" = ${libraryId} AND it.barcode = ${code} || '-X' || i`;
  return t;
}
