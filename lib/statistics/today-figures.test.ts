import { beforeEach, describe, expect, it } from "vitest";
import { addDays, type LocalDate, toDbDate } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import type { EmailStatus } from "@/lib/generated/prisma/client";
import { getTodayFigures, overdueBucketStarts } from "@/lib/statistics/today-figures";
import { resetDatabase, useTestDb } from "@/test/db";

const db = useTestDb();
const today: LocalDate = "2026-03-10";

async function createLibrary(db: Db, code: string) {
  const library = await db.library.create({ data: { code, name: `Bibliotheek ${code}` } });
  const branch = await db.branch.create({
    data: {
      libraryId: library.id,
      ilsCode: `${code}-HB`,
      name: "Hoofdbibliotheek",
      street: "Markt 1",
      postalCode: "9000",
      city: "Gent",
    },
  });
  let serial = 0;
  async function patron(email: string | null, emailStatus: EmailStatus = "ok") {
    serial += 1;
    return db.patron.create({
      data: {
        libraryId: library.id,
        cardNumber: `${code}-P${serial}`,
        firstName: "Lener",
        lastName: `${serial}`,
        email,
        emailStatus,
        homeBranchId: branch.id,
      },
    });
  }
  async function loan(patronId: number, dueInDays: number, returned = false) {
    serial += 1;
    const item = await db.item.create({
      data: { libraryId: library.id, barcode: `${code}-I${serial}`, title: `Boek ${serial}` },
    });
    return db.loan.create({
      data: {
        libraryId: library.id,
        ilsLoanId: `${code}-L${serial}`,
        patronId,
        itemId: item.id,
        branchId: branch.id,
        loanedAt: new Date("2026-01-01T10:00:00Z"),
        dueDate: toDbDate(addDays(today, dueInDays)),
        returnedAt: returned ? new Date("2026-03-09T15:00:00Z") : null,
      },
    });
  }
  return { library, patron, loan };
}

describe("getTodayFigures", () => {
  beforeEach(() => resetDatabase(db));

  it("counts open loans coming due, overdue loans by bucket and patrons email cannot reach", async () => {
    const { library, patron, loan } = await createLibrary(db, "A");
    const reachable = await patron("an@example.be", "ok");
    const noEmail = await patron(null, "unknown");
    const bounced = await patron("dood@example.be", "bounced");
    const complained = await patron("spam@example.be", "complained");
    await patron("   ", "unknown"); // blank address: no email, no loans
    await patron("zacht@example.be", "soft_bouncing"); // still usable
    await patron("geen-apenstaart", "invalid");

    await loan(reachable.id, 0); // due today
    await loan(reachable.id, 2); // due in 2 days
    await loan(noEmail.id, 2); // due in 2 days, another patron
    await loan(reachable.id, 7); // last day of the window
    await loan(reachable.id, 8); // beyond the window
    await loan(complained.id, -6); // 6 days overdue
    await loan(complained.id, -7); // 7 days overdue: first notice
    await loan(noEmail.id, -28); // 28 days overdue
    await loan(noEmail.id, -100); // long overdue, same patron
    await loan(bounced.id, -7, true); // returned: never counts
    await loan(reachable.id, 2, true); // returned: never counts

    // Another library's loans and patrons stay out of this library's figures.
    const other = await createLibrary(db, "B");
    const stranger = await other.patron(null);
    await other.loan(stranger.id, -7);
    await other.loan(stranger.id, 2);

    const figures = await getTodayFigures(db, { libraryId: library.id, today });

    expect(figures.headline).toEqual({
      openLoans: 9,
      overdueLoans: 4,
      patrons: 7,
      patronsWithOpenLoans: 3,
      patronsWithoutUsableEmail: 5,
    });
    expect(figures.dueSoon).toEqual([
      { date: "2026-03-10", daysFromToday: 0, loans: 1, patrons: 1 },
      { date: "2026-03-11", daysFromToday: 1, loans: 0, patrons: 0 },
      { date: "2026-03-12", daysFromToday: 2, loans: 2, patrons: 2 },
      { date: "2026-03-13", daysFromToday: 3, loans: 0, patrons: 0 },
      { date: "2026-03-14", daysFromToday: 4, loans: 0, patrons: 0 },
      { date: "2026-03-15", daysFromToday: 5, loans: 0, patrons: 0 },
      { date: "2026-03-16", daysFromToday: 6, loans: 0, patrons: 0 },
      { date: "2026-03-17", daysFromToday: 7, loans: 1, patrons: 1 },
    ]);
    expect(figures.overdue).toEqual([
      { fromDays: 1, toDays: 6, loans: 1, patrons: 1 },
      { fromDays: 7, toDays: 13, loans: 1, patrons: 1 },
      { fromDays: 14, toDays: 20, loans: 0, patrons: 0 },
      { fromDays: 21, toDays: 27, loans: 0, patrons: 0 },
      { fromDays: 28, toDays: null, loans: 2, patrons: 1 },
    ]);
    expect(figures.unusableEmail).toEqual([
      { reason: "no_email", patrons: 2, withOpenLoans: 1 },
      { reason: "invalid", patrons: 1, withOpenLoans: 0 },
      { reason: "bounced", patrons: 1, withOpenLoans: 0 },
      { reason: "complained", patrons: 1, withOpenLoans: 1 },
    ]);
  });

  it("gives zero figures for a library without patrons or loans", async () => {
    const { library } = await createLibrary(db, "C");

    const figures = await getTodayFigures(db, { libraryId: library.id, today });

    expect(figures.headline).toEqual({
      openLoans: 0,
      overdueLoans: 0,
      patrons: 0,
      patronsWithOpenLoans: 0,
      patronsWithoutUsableEmail: 0,
    });
    expect(figures.dueSoon).toHaveLength(8);
    expect(figures.dueSoon.every((day) => day.loans === 0)).toBe(true);
    expect(figures.overdue.map((bucket) => bucket.loans)).toEqual([0, 0, 0, 0, 0]);
    expect(figures.unusableEmail.map((row) => row.patrons)).toEqual([0, 0, 0, 0]);
  });

  it("lines the overdue buckets up with the library's own stage offsets", async () => {
    const { library, patron, loan } = await createLibrary(db, "D");
    const reader = await patron("lezer@example.be");
    await loan(reader.id, -5);
    await loan(reader.id, -12);
    await loan(reader.id, -30);

    const figures = await getTodayFigures(db, {
      libraryId: library.id,
      today,
      overdueStageOffsets: [20, 10],
    });

    expect(figures.overdue).toEqual([
      { fromDays: 1, toDays: 9, loans: 1, patrons: 1 },
      { fromDays: 10, toDays: 19, loans: 1, patrons: 1 },
      { fromDays: 20, toDays: null, loans: 1, patrons: 1 },
    ]);
  });
});

describe("overdueBucketStarts", () => {
  it("starts at day 1 and adds each stage offset once, in order", () => {
    expect(overdueBucketStarts([28, 7, 14, 21, 14])).toEqual([1, 7, 14, 21, 28]);
  });

  it("ignores offsets of a day or less (already the first bucket)", () => {
    expect(overdueBucketStarts([1, 0, 5])).toEqual([1, 5]);
  });
});
