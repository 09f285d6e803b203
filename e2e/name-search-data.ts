/**
 * The patrons the name-search spec looks for (e2e/name-search.spec.ts): one Flemish family
 * name written two ways, a name no demo patron has. Fien Van Zwijnsvoorde has a book and a
 * letter that came back (address unknown); Fien Zwynsvoorde's email bounced. Created by
 * e2e/serve.ts; no Playwright imports here.
 */
import { addDays, toDbDate } from "../lib/dates";
import type { Db } from "../lib/db-client";

export const NAME_SEARCH_PATRONS = {
  split: { id: 990_1901, firstName: "Fien", lastName: "Van Zwijnsvoorde", cardNumber: "27699000000413" },
  joined: { id: 990_1902, firstName: "Fien", lastName: "Zwynsvoorde", cardNumber: "27699000000421" },
} as const;

export async function createNameSearchData(db: Db, libraryId: number): Promise<void> {
  if (await db.patron.findUnique({ where: { id: NAME_SEARCH_PATRONS.split.id } })) return;
  const branches = await db.branch.findMany({ where: { libraryId }, orderBy: { id: "asc" }, take: 2 });
  const { split, joined } = NAME_SEARCH_PATRONS;
  await db.patron.create({
    data: { ...split, libraryId, email: "fien@zwijnsvoorde.e2e.rappel.be", homeBranchId: branches[0].id },
  });
  await db.patron.create({
    data: {
      ...joined,
      libraryId,
      email: "fien@zwynsvoorde.e2e.rappel.be",
      emailStatus: "bounced",
      homeBranchId: branches.at(-1)?.id ?? branches[0].id,
    },
  });
  await db.patronFlag.createMany({
    data: [
      { patronId: split.id, kind: "postal_returned", message: "Brief kwam terug: adres onbekend." },
      { patronId: joined.id, kind: "email_bounced", message: "E-mail kon niet worden afgeleverd." },
    ],
  });
  const item = await db.item.create({
    data: { libraryId, barcode: "37699000000419", title: "De Witte", author: "Ernest Claes" },
  });
  await db.loan.create({
    data: {
      libraryId,
      ilsLoanId: "e2e-zwijnsvoorde-1",
      patronId: split.id,
      itemId: item.id,
      branchId: branches[0].id,
      loanedAt: new Date("2026-11-10T10:00:00Z"),
      dueDate: toDbDate(addDays("2026-11-30", 10)),
    },
  });
}
