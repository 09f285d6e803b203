/**
 * The patrons the patron-search spec looks for (e2e/patron-search.spec.ts): two with a last
 * name no other spec or demo patron has, so a search for it lists exactly them; the first
 * has an item on loan, so its barcode finds them. Fixed ids, so the spec knows where Enter
 * must lead. Created by e2e/serve.ts; no Playwright imports here.
 */
import { addDays, toDbDate } from "../lib/dates";
import type { Db } from "../lib/db-client";

export const SEARCH_PATRONS = {
  quirijn: { id: 990_301, firstName: "Quirijn", lastName: "Zoekvenster", cardNumber: "27699000000017" },
  quirina: { id: 990_302, firstName: "Quirina", lastName: "Zoekvenster", cardNumber: "27699000000025" },
} as const;

/** On loan to Quirijn, overdue on the e2e today (2026-11-30). */
export const SEARCH_ITEM = { barcode: "37699000000013", title: "Het zoekvenster" } as const;

export async function createPatronSearchData(db: Db, libraryId: number): Promise<void> {
  if (await db.patron.findUnique({ where: { id: SEARCH_PATRONS.quirijn.id } })) return;
  const branch = await db.branch.findFirstOrThrow({ where: { libraryId }, orderBy: { id: "asc" } });
  for (const [n, patron] of [SEARCH_PATRONS.quirijn, SEARCH_PATRONS.quirina].entries()) {
    await db.patron.create({
      data: {
        ...patron,
        libraryId,
        email: `${patron.firstName.toLowerCase()}@zoek.e2e.rappel.be`,
        emailStatus: n === 0 ? "ok" : "bounced",
        homeBranchId: branch.id,
      },
    });
  }
  const item = await db.item.create({ data: { libraryId, ...SEARCH_ITEM, author: "Zoë Zoeker" } });
  await db.loan.create({
    data: {
      libraryId,
      ilsLoanId: "e2e-zoekvenster-1",
      patronId: SEARCH_PATRONS.quirijn.id,
      itemId: item.id,
      branchId: branch.id,
      loanedAt: new Date("2026-10-20T10:00:00Z"),
      dueDate: toDbDate(addDays("2026-11-30", -5)),
    },
  });
}
