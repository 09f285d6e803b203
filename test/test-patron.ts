import { toDbDate } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import { createTestStaff } from "@/test/test-staff";

/**
 * Test fixture: a library with a branch, an overdue stage, a desk account and a patron whose
 * email bounced, with three open loans (renewable, reserved, at the renewal limit) and one
 * returned loan. Returns the ids the tests need.
 */
export async function createTestPatron(db: Db, code = "lib") {
  const library = await db.library.create({ data: { code, name: `Bibliotheek ${code}` } });
  const branch = await db.branch.create({
    data: {
      libraryId: library.id,
      ilsCode: `${code}-main`,
      name: "Hoofdbib",
      street: "Markt 1",
      postalCode: "8760",
      city: "Meulebeke",
    },
  });
  const stage = await db.noticeStage.create({
    data: {
      libraryId: library.id,
      key: "overdue-1",
      position: 1,
      kind: "overdue",
      labels: { nl: "Eerste aanmaning", en: "First reminder", fr: "Premier rappel" },
      offsetDays: 7,
      channel: "email",
      fallback: "letter",
    },
  });
  const staff = await createTestStaff(db, {
    email: `desk-${code}@bib.be`,
    role: "desk",
    name: "Lotte Balie",
    libraryId: library.id,
  });
  const patron = await db.patron.create({
    data: {
      libraryId: library.id,
      cardNumber: `${code}-0001`,
      firstName: "Els",
      lastName: "Verstraete",
      email: "els@dood.be",
      emailStatus: "bounced",
      emailStatusAt: new Date("2026-10-02T08:00:00Z"),
      street: "Oude straat 1",
      postalCode: "8760",
      city: "Meulebeke",
      homeBranchId: branch.id,
    },
  });
  await db.patronFlag.createMany({
    data: [
      { patronId: patron.id, kind: "email_bounced", message: "Hard bounce" },
      { patronId: patron.id, kind: "postal_returned", message: "Letter returned" },
    ],
  });
  const loan = async (
    n: number,
    fields: { dueDate: string; renewalCount?: number; reserved?: boolean; returnedAt?: Date },
  ) => {
    const item = await db.item.create({
      data: { libraryId: library.id, barcode: `${code}-item-${n}`, title: `Boek ${n}`, author: "Auteur" },
    });
    return db.loan.create({
      data: {
        libraryId: library.id,
        ilsLoanId: `${code}-loan-${n}`,
        patronId: patron.id,
        itemId: item.id,
        branchId: branch.id,
        loanedAt: new Date("2026-10-01T10:00:00Z"),
        dueDate: toDbDate(fields.dueDate),
        renewalCount: fields.renewalCount ?? 0,
        reserved: fields.reserved ?? false,
        returnedAt: fields.returnedAt ?? null,
      },
    });
  };
  const renewable = await loan(1, { dueDate: "2026-11-10" });
  const reserved = await loan(2, { dueDate: "2026-11-20", reserved: true });
  const maxed = await loan(3, { dueDate: "2026-12-05", renewalCount: 3 });
  const returned = await loan(4, { dueDate: "2026-11-01", returnedAt: new Date("2026-11-15T10:00:00Z") });
  return { library, branch, stage, staff, patron, loans: { renewable, reserved, maxed, returned } };
}
