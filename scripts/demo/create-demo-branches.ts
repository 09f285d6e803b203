import { addDays, type LocalDate, toDbDate } from "@/lib/dates";
import { belgianPublicHolidays } from "./belgian-holidays";
import type { DbTx } from "./db-tx";

export type DemoBranch = {
  ilsCode: string;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  phone: string;
  /** ISO weekdays the branch is open */
  openWeekdays: number[];
  /** share of the library's patrons who have this branch as home branch */
  patronShare: number;
};

export const DEMO_SITE = "https://www.bibliotheekleiedal.be";

export const DEMO_BRANCHES: readonly DemoBranch[] = [
  {
    ilsCode: "MEU",
    name: "Bibliotheek Meulebeke",
    street: "Sint-Amandsplein 12",
    postalCode: "8760",
    city: "Meulebeke",
    phone: "051 48 90 21",
    openWeekdays: [1, 2, 3, 4, 5, 6],
    patronShare: 0.42,
  },
  {
    ilsCode: "ING",
    name: "Bibliotheek Ingelmunster",
    street: "Stationsstraat 52",
    postalCode: "8770",
    city: "Ingelmunster",
    phone: "051 31 44 12",
    openWeekdays: [2, 3, 4, 5, 6],
    patronShare: 0.2,
  },
  {
    ilsCode: "HAR",
    name: "Bibliotheek Harelbeke",
    street: "Marktstraat 29",
    postalCode: "8530",
    city: "Harelbeke",
    phone: "056 73 34 10",
    openWeekdays: [1, 2, 3, 4, 5, 6],
    patronShare: 0.38,
  },
];

/** The branch that closes for two weeks around `today`, so calendars have a closure to show. */
export const RENOVATED_BRANCH = "ING";

export type CreatedBranch = DemoBranch & { id: number };

/**
 * Writes the branches and their closed days: the Belgian public holidays of this year and the
 * next, and a renovation closure around `today`.
 */
export async function createDemoBranches(
  tx: DbTx,
  libraryId: number,
  today: LocalDate,
): Promise<{ branches: CreatedBranch[]; closedDays: number }> {
  const branches: CreatedBranch[] = [];
  for (const branch of DEMO_BRANCHES) {
    const town = branch.city.toLowerCase();
    const created = await tx.branch.create({
      data: {
        libraryId,
        ilsCode: branch.ilsCode,
        name: branch.name,
        street: branch.street,
        postalCode: branch.postalCode,
        city: branch.city,
        email: `${town}@bibliotheekleiedal.be`,
        phone: branch.phone,
        openingHoursUrl: `${DEMO_SITE}/${town}/openingsuren`,
        openWeekdays: branch.openWeekdays,
      },
    });
    branches.push({ ...branch, id: created.id });
  }

  const year = Number(today.slice(0, 4));
  const holidays = [...belgianPublicHolidays(year), ...belgianPublicHolidays(year + 1)];
  const rows = branches.flatMap((branch) => {
    const reasons = new Map<LocalDate, string>(holidays.map((h) => [h.date, h.name]));
    if (branch.ilsCode === RENOVATED_BRANCH) {
      for (let offset = -5; offset <= 8; offset++) {
        reasons.set(addDays(today, offset), "Gesloten wegens verbouwing");
      }
    }
    return [...reasons]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, reason]) => ({ branchId: branch.id, date: toDbDate(date), reason }));
  });
  await tx.branchClosedDay.createMany({ data: rows });
  return { branches, closedDays: rows.length };
}
