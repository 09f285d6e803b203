import type { Channel } from "@/lib/generated/prisma/enums";
import { bulkInsert } from "./bulk-insert";
import type { DemoBranch } from "./create-demo-branches";
import type { DbTx } from "./db-tx";
import type { DemoClock } from "./demo-clock";
import type { DemoPatron } from "./demo-patrons";
import { createRandom, createWeightedIndex, type Random } from "./random";
import { showcaseVisits } from "./showcase-visits";

export const LOAN_PERIOD_DAYS = 28;

/** A loan as the generator draws it: days are offsets from today, the rest are indexes. */
export type DemoLoan = {
  patron: number;
  item: number;
  branch: number;
  loanDay: number;
  loanMinute: number;
  dueDay: number;
  /** null while the item is still out */
  returnDay: number | null;
  returnMinute: number;
  renewalCount: number;
  reserved: boolean;
};

export type DemoPatronSetting = { patron: number; stage: string; enabled?: boolean; channel?: Channel };

/**
 * The generator's days before the shift to an open day. They depend only on the seed, so items
 * and the order of the loans come out the same whatever day `today` is.
 */
type DraftLoan = DemoLoan & { order: number; drawnLoanDay: number; drawnReturnDay: number | null };

// biome-ignore format: a table
const BASKET_SIZES = [[1, 35], [2, 25], [3, 17], [4, 10], [5, 7], [6, 3], [7, 2], [8, 1]] as const;
const PUNCTUAL = 0;
const SLOPPY = 1;
const CHRONIC = 2;

/**
 * Draws `count` loans as visits to a branch: a patron takes one to eight items home, due four
 * weeks later, renews some online and returns them on time, late or not at all. Recent visits
 * are denser, so that today there are items due in the coming days and overdue by every number
 * of days; the showcase visits make sure each notice stage has work on `today`.
 */
export function buildDemoLoans(options: {
  count: number;
  itemCount: number;
  seed: number;
  patrons: readonly DemoPatron[];
  branches: readonly DemoBranch[];
  clock: Pick<DemoClock, "weekday">;
}): { loans: DemoLoan[]; patronSettings: DemoPatronSetting[] } {
  const { patrons, branches, clock } = options;
  const random = createRandom(options.seed, "loans");
  const branchCount = branches.length;
  const openWeekdays = branches.map((b) => new Set(b.openWeekdays));
  // Items go out on days the branch is open: a visit drawn on a closed day moves back to the
  // last open day before it, and its due and return dates with it.
  const closedDaysBefore = (branch: number, day: number) => {
    let shift = 0;
    while (shift < 7 && !openWeekdays[branch].has(clock.weekday(day - shift))) shift++;
    return shift;
  };

  const activity = new Float64Array(patrons.length);
  const punctuality = new Uint8Array(patrons.length);
  for (let i = 0; i < patrons.length; i++) {
    activity[i] = random.weighted([
      [0, 20],
      [1, 40],
      [3, 25],
      [8, 12],
      [20, 3],
    ]);
    punctuality[i] = random.weighted([
      [PUNCTUAL, 75],
      [SLOPPY, 20],
      [CHRONIC, 5],
    ]);
  }

  const drafts: DraftLoan[] = [];
  // Every draft is built by this one literal: a million objects of one shape keep V8 fast.
  const add = (loan: Omit<DraftLoan, "item" | "order">) =>
    drafts.push({
      patron: loan.patron,
      item: -1,
      branch: loan.branch,
      loanDay: loan.loanDay,
      loanMinute: loan.loanMinute,
      dueDay: loan.dueDay,
      returnDay: loan.returnDay,
      returnMinute: loan.returnMinute,
      renewalCount: loan.renewalCount,
      reserved: loan.reserved,
      order: drafts.length,
      drawnLoanDay: loan.drawnLoanDay,
      drawnReturnDay: loan.drawnReturnDay,
    });

  const patronSettings: DemoPatronSetting[] = [];
  const used = new Set<number>();
  for (const visit of showcaseVisits()) {
    if (drafts.length + visit.items * 2 > options.count) break;
    const patron = findPatron(patrons, branches, used, visit.patron, random);
    if (patron < 0) continue;
    const home = patrons[patron].homeBranch;
    const visitBranches =
      visit.alsoAtAnotherBranch && branchCount > 1
        ? [home, (home + random.int(1, branchCount - 1)) % branchCount]
        : [home];
    const renewals = visit.renewals ?? 0;
    // A renewal three days before each due date, four weeks each time.
    const drawnLoanDay = visit.dueDay - LOAN_PERIOD_DAYS * (renewals + 1) + 3 * renewals;
    for (const branch of visitBranches) {
      const loanMinute = random.int(570, 1170);
      for (let k = 0; k < visit.items; k++) {
        add({
          patron,
          branch,
          loanDay: drawnLoanDay - closedDaysBefore(branch, drawnLoanDay),
          loanMinute,
          dueDay: visit.dueDay,
          returnDay: null,
          returnMinute: 0,
          renewalCount: renewals,
          reserved: visit.reserved === true && k === 0,
          drawnLoanDay,
          drawnReturnDay: null,
        });
      }
    }
    if (visit.patronSetting) patronSettings.push({ patron, ...visit.patronSetting });
  }

  const pickPatron = patrons.length > 0 ? weightedOrUniform(activity) : null;
  while (pickPatron && drafts.length < options.count) {
    const patron = pickPatron(random);
    const home = patrons[patron].homeBranch;
    const branch =
      branchCount > 1 && random.chance(0.12) ? (home + random.int(1, branchCount - 1)) % branchCount : home;
    const drawnLoanDay = random.chance(0.5) ? -random.int(1, 50) : -random.int(51, 400);
    const size = random.weighted(BASKET_SIZES);
    const loanMinute = random.int(570, 1170);
    const renewalsWanted = random.weighted([
      [0, 78],
      [1, 15],
      [2, 7],
    ]);
    const renewedEarlyBy = [random.int(0, 7), random.int(0, 7)];
    const basketReturn = random.chance(0.8) ? drawReturnOffset(punctuality[patron], random) : undefined;

    let drawnDue = drawnLoanDay + LOAN_PERIOD_DAYS;
    let renewalCount = 0;
    while (renewalCount < renewalsWanted) {
      const renewalDay = drawnDue - renewedEarlyBy[renewalCount];
      if (renewalDay >= 0) break; // not renewed yet
      drawnDue = renewalDay + LOAN_PERIOD_DAYS;
      renewalCount++;
    }

    const shift = closedDaysBefore(branch, drawnLoanDay);
    for (let k = 0; k < size && drafts.length < options.count; k++) {
      const returnOffset =
        basketReturn === undefined ? drawReturnOffset(punctuality[patron], random) : basketReturn;
      const reserved = random.chance(0.05);
      const returnMinute = random.int(540, 1200);
      const drawnReturn = returnOffset === null ? null : Math.max(drawnLoanDay + 1, drawnDue + returnOffset);
      const returned = drawnReturn !== null && drawnReturn < 0;
      add({
        patron,
        branch,
        loanDay: drawnLoanDay - shift,
        loanMinute,
        dueDay: drawnDue - shift,
        returnDay: returned ? drawnReturn - shift : null,
        returnMinute,
        renewalCount,
        reserved: !returned && reserved,
        drawnLoanDay,
        drawnReturnDay: returned ? drawnReturn : null,
      });
    }
  }

  assignItems(drafts, options.itemCount, random);
  drafts.sort((a, b) => a.drawnLoanDay - b.drawnLoanDay || a.loanMinute - b.loanMinute || a.order - b.order);
  return { loans: drafts, patronSettings };
}

/** Days after the due date the item comes back (negative: before); null: never. */
function drawReturnOffset(kind: number, random: Random): number | null {
  if (kind === PUNCTUAL) return -random.int(0, 20);
  if (kind === SLOPPY) return random.chance(0.6) ? -random.int(0, 14) : random.int(1, 20);
  const roll = random.next();
  if (roll < 0.35) return -random.int(0, 7);
  if (roll < 0.8) return random.int(1, 30);
  if (roll < 0.95) return random.int(31, 90);
  return null;
}

function weightedOrUniform(weights: Float64Array): (random: Random) => number {
  return weights.some((w) => w > 0)
    ? createWeightedIndex(weights)
    : createWeightedIndex(weights.map(() => 1));
}

function findPatron(
  patrons: readonly DemoPatron[],
  branches: readonly DemoBranch[],
  used: Set<number>,
  test: (patron: DemoPatron, homeBranchCode: string) => boolean,
  random: Random,
): number {
  if (patrons.length === 0) return -1;
  const start = random.int(0, patrons.length - 1);
  for (let k = 0; k < patrons.length; k++) {
    const index = (start + k) % patrons.length;
    if (!used.has(index) && test(patrons[index], branches[patrons[index].homeBranch].ilsCode)) {
      used.add(index);
      return index;
    }
  }
  return -1;
}

/**
 * Gives each loan a copy, so that no copy is out twice at the same time: every open loan its
 * own item, then the returned loans, latest first, each to a copy that was back on the shelf
 * (with two days to spare for the shift to open days) before its next loan.
 */
function assignItems(drafts: DraftLoan[], itemCount: number, random: Random): void {
  const open = drafts.filter((d) => d.drawnReturnDay === null);
  if (open.length > itemCount) {
    throw new Error(
      `${open.length} loans are open but there are only ${itemCount} items: ask for more items.`,
    );
  }
  const shelf = random.shuffle(Array.from({ length: itemCount }, (_, i) => i));
  const freeUntil = new Float64Array(itemCount).fill(Number.POSITIVE_INFINITY);
  open.forEach((loan, k) => {
    loan.item = shelf[k];
    freeUntil[shelf[k]] = loan.drawnLoanDay;
  });

  const returned = drafts
    .filter((d) => d.drawnReturnDay !== null)
    .sort((a, b) => (b.drawnReturnDay ?? 0) - (a.drawnReturnDay ?? 0) || a.order - b.order);
  let cursor = open.length;
  for (const loan of returned) {
    const returnDay = loan.drawnReturnDay ?? 0;
    let item = shelf[cursor % itemCount];
    for (let attempt = 0; attempt < 64; attempt++) {
      item = shelf[cursor % itemCount];
      cursor++;
      if (freeUntil[item] > returnDay + 2) break;
    }
    loan.item = item;
    freeUntil[item] = loan.drawnLoanDay;
  }
}

/** Writes the loans in the order given: ILS loan numbers rise with the loan date. */
export async function insertDemoLoans(
  tx: DbTx,
  ids: {
    libraryId: number;
    patronIds: readonly number[];
    itemIds: readonly number[];
    branchIds: readonly number[];
  },
  loans: readonly DemoLoan[],
  clock: DemoClock,
  chunkSize?: number,
): Promise<void> {
  const rows = loans.map((loan, index) => ({ loan, ilsLoanId: String(10_000_001 + index) }));
  await bulkInsert<(typeof rows)[number]>(
    tx,
    "Loan",
    [
      { name: "libraryId", type: "int", value: () => ids.libraryId },
      { name: "ilsLoanId", type: "text", value: (r) => r.ilsLoanId },
      { name: "patronId", type: "int", value: (r) => ids.patronIds[r.loan.patron] },
      { name: "itemId", type: "int", value: (r) => ids.itemIds[r.loan.item] },
      { name: "branchId", type: "int", value: (r) => ids.branchIds[r.loan.branch] },
      {
        name: "loanedAt",
        type: "timestamptz",
        value: (r) => clock.instant(r.loan.loanDay, r.loan.loanMinute),
      },
      { name: "dueDate", type: "date", value: (r) => clock.day(r.loan.dueDay) },
      {
        name: "returnedAt",
        type: "timestamptz",
        value: (r) =>
          r.loan.returnDay === null ? null : clock.instant(r.loan.returnDay, r.loan.returnMinute),
      },
      { name: "renewalCount", type: "int", value: (r) => r.loan.renewalCount },
      { name: "reserved", type: "boolean", value: (r) => r.loan.reserved },
    ],
    rows,
    { chunkSize },
  );
}
