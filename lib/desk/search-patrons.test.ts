import { beforeAll, describe, expect, it } from "vitest";
import { addDays, type LocalDate, toDbDate } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import { MAX_SEARCH_LENGTH, type PatronMatchField, searchPatrons } from "@/lib/desk/search-patrons";
import { DomainError } from "@/lib/errors/domain-error";
import type { EmailStatus } from "@/lib/generated/prisma/client";
import { resetDatabase, useTestDb } from "@/test/db";

const db = useTestDb();
const today: LocalDate = "2026-03-10";

type PatronSeed = {
  card: string;
  first: string;
  last: string;
  email?: string;
  emailStatus?: EmailStatus;
};

const PATRONS: PatronSeed[] = [
  {
    card: "27600123456781",
    first: "An",
    last: "Janssens",
    email: "an.janssens@telenet.be",
    emailStatus: "ok",
  },
  {
    card: "27600123456799",
    first: "Marc",
    last: "Peeters",
    email: "marc.peeters@skynet.be",
    emailStatus: "bounced",
  },
  { card: "27600123999990", first: "Lotte", last: "Van den Bossche", email: "lotte@example.be" },
  { card: "9001234567", first: "Jan", last: "Peters", email: "jan.peters@gmail.com" },
  { card: "27600555000001", first: "Élodie", last: "Dupré" },
  { card: "27600123", first: "Kort", last: "Kaartnummer" },
];

async function createLibrary(code: string) {
  const library = await db.library.create({ data: { code, name: `Bibliotheek ${code}` } });
  const branch = await db.branch.create({
    data: {
      libraryId: library.id,
      ilsCode: `${code}-HB`,
      name: `Hoofdbibliotheek ${code}`,
      street: "Markt 1",
      postalCode: "9000",
      city: "Gent",
    },
  });
  return { library, branch };
}

let libraryId: number;
let otherLibraryId: number;
const ids = new Map<string, number>();

async function seed(database: Db) {
  await resetDatabase(database);
  const { library, branch } = await createLibrary("home");
  libraryId = library.id;
  for (const p of PATRONS) {
    const patron = await database.patron.create({
      data: {
        libraryId,
        cardNumber: p.card,
        firstName: p.first,
        lastName: p.last,
        email: p.email ?? null,
        emailStatus: p.emailStatus ?? "unknown",
        homeBranchId: branch.id,
      },
    });
    ids.set(`${p.first} ${p.last}`, patron.id);
  }
  let serial = 0;
  const loan = async (
    patron: string,
    barcode: string,
    dueInDays: number,
    returned: boolean,
    loanedDay: number,
  ) => {
    serial += 1;
    const item =
      (await database.item.findUnique({ where: { libraryId_barcode: { libraryId, barcode } } })) ??
      (await database.item.create({ data: { libraryId, barcode, title: `Boek ${barcode}` } }));
    await database.loan.create({
      data: {
        libraryId,
        ilsLoanId: `L${serial}`,
        patronId: ids.get(patron) as number,
        itemId: item.id,
        branchId: branch.id,
        loanedAt: new Date(`${addDays(today, loanedDay)}T10:00:00Z`),
        dueDate: toDbDate(addDays(today, dueInDays)),
        returnedAt: returned ? new Date(`${addDays(today, loanedDay + 10)}T10:00:00Z`) : null,
      },
    });
  };
  // An has one item now and one overdue; Marc returned the item An has now
  await loan("Marc Peeters", "37600000000011", -20, true, -40);
  await loan("An Janssens", "37600000000011", 5, false, -16);
  await loan("An Janssens", "37600000000029", -3, false, -30);
  // nobody has this one now: its last borrower is Jan
  await loan("Lotte Van den Bossche", "37600000000037", -60, true, -80);
  await loan("Jan Peters", "37600000000037", -30, true, -50);
  await database.patronFlag.create({
    data: { patronId: ids.get("Marc Peeters") as number, kind: "email_bounced", message: "Bounced" },
  });
  await database.patronFlag.create({
    data: {
      patronId: ids.get("Marc Peeters") as number,
      kind: "postal_returned",
      message: "Returned",
      resolvedAt: new Date("2026-03-01T10:00:00Z"),
    },
  });

  // Another library with a same-named patron, the same card number and the same barcode
  const other = await createLibrary("other");
  otherLibraryId = other.library.id;
  const stranger = await database.patron.create({
    data: {
      libraryId: otherLibraryId,
      cardNumber: "27600123456781",
      firstName: "An",
      lastName: "Janssens",
      email: "an.janssens@telenet.be",
      homeBranchId: other.branch.id,
    },
  });
  const item = await database.item.create({
    data: { libraryId: otherLibraryId, barcode: "37600000000029", title: "Ander boek" },
  });
  await database.loan.create({
    data: {
      libraryId: otherLibraryId,
      ilsLoanId: "O1",
      patronId: stranger.id,
      itemId: item.id,
      branchId: other.branch.id,
      loanedAt: new Date("2026-03-01T10:00:00Z"),
      dueDate: toDbDate(addDays(today, 10)),
    },
  });
}

const search = (query: string, limit?: number) => searchPatrons(db, { libraryId, query, limit, today });
const names = (results: { firstName: string; lastName: string }[]) =>
  results.map((r) => `${r.firstName} ${r.lastName}`);

describe("searchPatrons", () => {
  beforeAll(() => seed(db));

  const firstHit: [string, string, string, PatronMatchField][] = [
    ["a typo in the last name", "Peetres", "Marc Peeters", "name"],
    ["a last name missing a letter", "Janssen", "An Janssens", "name"],
    ["last name then first name, with a typo", "jansen an", "An Janssens", "name"],
    ["first name then last name", "an janssens", "An Janssens", "name"],
    ["a last name still being typed", "Jans", "An Janssens", "name"],
    ["one word of a last name with several words", "bossche", "Lotte Van den Bossche", "name"],
    ["a name typed without its accents", "elodie dupre", "Élodie Dupré", "name"],
    ["the exact card number", "27600123456781", "An Janssens", "card"],
    ["a card number typed with spaces", "2760 0123 4567 81", "An Janssens", "card"],
    ["an old 10-digit card", "9001234567", "Jan Peters", "card"],
    ["the barcode of an item on loan", "37600000000011", "An Janssens", "barcode"],
    ["the barcode of a returned item (its last borrower)", "37600000000037", "Jan Peters", "barcode"],
    ["an email address", "marc.peeters@skynet.be", "Marc Peeters", "email"],
    ["the start of an email address", "lotte@", "Lotte Van den Bossche", "email"],
    ["an email address with a typo", "an.jansens@telenet.be", "An Janssens", "email"],
  ];
  it.each(firstHit)("finds the patron by %s (%s)", async (_what, query, expected, field) => {
    const [first] = await search(query);
    expect(first && `${first.firstName} ${first.lastName}`).toBe(expected);
    expect(first.match.field).toBe(field);
  });

  it("ranks the exact spelling of a name above a similar one", async () => {
    expect(names(await search("Peeters")).slice(0, 2)).toEqual(["Marc Peeters", "Jan Peters"]);
    expect(names(await search("Peters")).slice(0, 2)).toEqual(["Jan Peters", "Marc Peeters"]);
  });

  it("lists the exact card first, then the cards that start with the digits, in card order", async () => {
    const results = await search("27600123");
    expect(results.map((r) => [r.cardNumber, r.match.field])).toEqual([
      ["27600123", "card"],
      ["27600123456781", "card"],
      ["27600123456799", "card"],
      ["27600123999990", "card"],
    ]);
  });

  it("waits for four digits before listing cards by prefix", async () => {
    expect(await search("276")).toEqual([]);
  });

  it("says which item matched a barcode and whether the patron has it now", async () => {
    const [onLoan] = await search("37600000000011");
    expect(onLoan.match).toEqual({
      field: "barcode",
      item: { barcode: "37600000000011", title: "Boek 37600000000011", onLoan: true },
    });
    const [returned] = await search("37600000000037");
    expect(returned.match.item?.onLoan).toBe(false);
  });

  it("returns the desk's summary: branch, email health, open and overdue loans, open flags", async () => {
    const [an] = await search("27600123456781");
    expect(an).toMatchObject({
      id: ids.get("An Janssens"),
      cardNumber: "27600123456781",
      email: "an.janssens@telenet.be",
      emailStatus: "ok",
      homeBranch: "Hoofdbibliotheek home",
      openLoans: 2,
      overdueLoans: 1,
      openFlags: 0,
    });
    const [marc] = await search("Marc Peeters");
    expect(marc).toMatchObject({ emailStatus: "bounced", openLoans: 0, overdueLoans: 0, openFlags: 1 });
  });

  it.each([
    ["a name nobody has", "Xylofoonbouwer"],
    ["a card number nobody has", "11112222333344"],
    ["an email nobody has", "niemand@nergens.invalid"],
    ["only punctuation", "--- ..."],
    ["only spaces", "   "],
  ])("finds nothing for %s", async (_what, query) => {
    expect(await search(query)).toEqual([]);
  });

  it("never returns another library's patrons, whatever matched", async () => {
    for (const query of ["An Janssens", "27600123456781", "37600000000029", "an.janssens@telenet.be"]) {
      const results = await search(query);
      expect(results.length).toBeGreaterThan(0);
      expect(results.every((r) => r.homeBranch === "Hoofdbibliotheek home")).toBe(true);
    }
    const theirs = await searchPatrons(db, { libraryId: otherLibraryId, query: "Peeters", today });
    expect(theirs).toEqual([]);
  });

  it("honours the limit", async () => {
    expect(await search("2760", 2)).toHaveLength(2);
  });

  it("treats LIKE wildcards in the query as plain characters", async () => {
    expect(await search("%")).toEqual([]);
    expect(await search("_@%")).toEqual([]);
  });

  it("refuses a NUL byte, a control character or an overlong search with a code, before any query", async () => {
    for (const [query, code] of [
      ["Pee\u0000ters", "invalidText"],
      ["\u0000", "invalidText"],
      ["Peeters\u001b", "invalidText"],
      ["a".repeat(MAX_SEARCH_LENGTH + 1), "textTooLong"],
    ] as const) {
      const refused = await search(query).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused, JSON.stringify(query.slice(0, 12))).toBeInstanceOf(DomainError);
      expect((refused as DomainError).problems).toEqual([expect.objectContaining({ code, field: "q" })]);
    }
    // the same search without the bad character still works
    expect(names(await search("Peeters"))).toContain("Marc Peeters");
  });
});
