import { beforeAll, describe, expect, it } from "vitest";
import { addDays, type LocalDate, toDbDate } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import { editDistanceAtMostOne, type NameMatchReason, searchPatrons } from "@/lib/desk/search-patrons";
import { resetDatabase, useTestDb } from "@/test/db";

const db = useTestDb();
const today: LocalDate = "2026-03-10";

/**
 * Names as desk staff type them (what they heard) and as the library system stores them:
 * every row must find its patron, and say how it matched.
 */
// biome-ignore format: a table reads best one pair a line
const FINDS: [typed: string, stored: string, reason: NameMatchReason][] = [
  // the examples of issue #19
  ["Jana Smit", "Jana Smet", "typo"],
  ["Micheils", "Michiels", "typo"],
  ["desmet", "De Smet", "exact"],
  ["vandenbroucke", "Van den Broucke", "exact"],
  ["wyns", "Wijns", "variant"],
  ["claes", "Claeys", "variant"],
  ["peters", "Peeters", "variant"],
  ["verhaege", "Verhaeghe", "variant"],
  ["dupre", "Duprés", "prefix"],
  // particles joined or split alike
  ["de smet", "Desmet", "exact"],
  ["van den broucke", "Vandenbroucke", "exact"],
  ["vandamme", "Van Damme", "exact"],
  ["van de velde", "Vandevelde", "exact"],
  ["vandevelde", "Van de Velde", "exact"],
  ["dhondt", "D'Hondt", "exact"],
  ["d'hondt", "Dhondt", "exact"],
  ["delacroix", "De la Croix", "exact"],
  ["van houte", "Vanhoutte", "variant"],
  ["vanthof", "Van 't Hof", "exact"],
  ["bossche", "Van den Bossche", "variant"],
  ["de backer", "Debacker", "exact"],
  ["deconinck", "De Coninck", "exact"],
  // accents
  ["francois", "François", "exact"],
  ["ozturk", "Öztürk", "exact"],
  ["lefevre", "Lefèvre", "exact"],
  ["noel", "Noël", "exact"],
  // ij = y, ei/ey = y, ae/ay = a
  ["huysmans", "Huijsmans", "variant"],
  ["meyer", "Meijer", "variant"],
  ["wuyts", "Wuijts", "variant"],
  ["maes", "Maas", "variant"],
  ["baeyens", "Bayens", "variant"],
  ["seynave", "Seynaeve", "variant"],
  ["tijs", "Thijs", "variant"],
  // doubled vowels and consonants
  ["mertens", "Meertens", "variant"],
  ["goosens", "Goossens", "variant"],
  ["vercruyse", "Vercruysse", "variant"],
  ["calewaert", "Callewaert", "variant"],
  ["mathys", "Matthijs", "variant"],
  // ck/k, c/k, cq, x, gh/g, ph/f
  ["hendriks", "Hendrickx", "variant"],
  ["debakker", "De Backer", "variant"],
  ["kuypers", "Cuypers", "variant"],
  ["koppens", "Coppens", "variant"],
  ["declerck", "De Clercq", "variant"],
  ["vandekerkhove", "Vandekerckhove", "variant"],
  ["verbrugge", "Verbrugghe", "variant"],
  ["filips", "Philips", "variant"],
  // dt, d and t at the end
  ["desmedt", "De Smet", "variant"],
  ["dhont", "D'Hondt", "variant"],
  ["devrient", "De Vriendt", "variant"],
  // typos: one letter wrong, missing, extra or swapped
  ["janssen", "Janssens", "prefix"],
  ["jansen an", "An Janssens", "typo"],
  ["lenaers", "Lenaerts", "typo"],
  ["verstraeten", "Verstraete", "typo"],
  ["cuipers", "Cuypers", "typo"],
  ["vermuelen", "Vermeulen", "typo"],
  ["pauwles", "Pauwels", "typo"],
  // first and last name in either order, names still being typed
  ["wouters an", "An Wouters", "exact"],
  ["an wouters", "An Wouters", "exact"],
  ["verha", "Verhaeghe", "prefix"],
  ["lien verm", "Lien Vermeulen", "prefix"],
  ["amrani", "Yasmina El Amrani", "exact"],
];

/** Names that are someone else: the search must not offer the stored patron for them. */
// biome-ignore format: a table reads best one pair a line
const MISSES: [typed: string, stored: string][] = [
  ["Micheils", "Michel"],
  ["michiels", "Michel"],
  ["smet", "Smits"],
  ["claeys", "Claessens"],
  ["vandenbroucke", "Vandenberghe"],
  ["wijns", "Wouters"],
  ["dupre", "Dupont"],
  ["peeters", "Pauwels"],
  ["dhondt", "Dhaene"],
  ["de smet", "De Meyer"],
  ["vermeulen", "Vermeersch"],
  ["wyns", "Wijnants"],
  ["willems", "Wellens"],
  ["Jana Smet", "Jan Smet"],
  ["maes", "Maertens"],
  ["van den bossche", "Van den Broeck"],
  ["lenaerts", "Lemaire"],
  ["claeys", "Clijsters"],
];

let libraryId: number;
let homeBranchId: number;
let otherBranchId: number;
const ids = new Map<string, number>();

async function addPatron(database: Db, name: string, branchId: number, card: string) {
  // "Jana Smet" is a first and a last name; "De Smet" and "Peeters" only a last name
  const [firstName, ...rest] = name.split(" ");
  const onlyLast = rest.length === 0 || /^(De|Van|D')$/.test(firstName);
  const [first, last] = onlyLast ? ["Sam", name] : [firstName, rest.join(" ")];
  const patron = await database.patron.create({
    data: { libraryId, cardNumber: card, firstName: first, lastName: last, homeBranchId: branchId },
  });
  ids.set(name, patron.id);
  return patron.id;
}

async function seed(database: Db) {
  await resetDatabase(database);
  const library = await database.library.create({ data: { code: "names", name: "Bibliotheek Namen" } });
  libraryId = library.id;
  const branch = (code: string, name: string) =>
    database.branch.create({
      data: { libraryId, ilsCode: code, name, street: "Markt 1", postalCode: "8500", city: "Kortrijk" },
    });
  homeBranchId = (await branch("HB", "Hoofdbibliotheek")).id;
  otherBranchId = (await branch("HE", "Filiaal Heule")).id;
  const stored = new Set([...FINDS.map(([, name]) => name), ...MISSES.map(([, name]) => name)]);
  let card = 1000;
  for (const name of stored) await addPatron(database, name, homeBranchId, `2760000${card++}`);
}

const search = (query: string, limit = 50) =>
  searchPatrons(db, { libraryId, query, limit, today, homeBranchId });

describe("searchPatrons: Flemish names as staff type them", () => {
  beforeAll(() => seed(db));

  it("holds at least 40 pairs that must match and some that must not", () => {
    expect(FINDS.length).toBeGreaterThanOrEqual(40);
    expect(MISSES.length).toBeGreaterThanOrEqual(15);
  });

  it.each(FINDS)('"%s" finds %s (%s)', async (typed, stored, reason) => {
    const results = await search(typed);
    const found = results.find((r) => r.id === ids.get(stored));
    expect(found, `${stored} among ${results.map((r) => `${r.firstName} ${r.lastName}`)}`).toBeDefined();
    expect(found?.match).toEqual({ field: "name", reason });
  });

  it.each(MISSES)('"%s" does not offer %s', async (typed, stored) => {
    const results = await search(typed);
    expect(results.map((r) => r.id)).not.toContain(ids.get(stored));
  });
});

describe("searchPatrons: ranking of names", () => {
  const rankingIds = new Map<string, number>();

  beforeAll(async () => {
    await seed(db);
    let card = 5000;
    const add = async (name: string, branchId = otherBranchId) => {
      const id = await addPatron(db, name, branchId, `2761000${card++}`);
      rankingIds.set(name, id);
      return id;
    };
    await add("Jan Smet");
    await add("Lien Smets");
    await add("Tom De Smedt");
    await add("Eva Smit");
    // four Jana Peeters: one has a book, one has a dead address, one lives near the desk
    const withLoan = await add("Jana Peeters");
    const flagged = await db.patron.create({
      data: {
        libraryId,
        cardNumber: "27620000001",
        firstName: "Jana",
        lastName: "Peeters",
        homeBranchId: otherBranchId,
      },
    });
    const nearby = await db.patron.create({
      data: { libraryId, cardNumber: "27620000002", firstName: "Jana", lastName: "Peeters", homeBranchId },
    });
    const plain = await db.patron.create({
      data: {
        libraryId,
        cardNumber: "27620000003",
        firstName: "Jana",
        lastName: "Peeters",
        homeBranchId: otherBranchId,
      },
    });
    rankingIds.set("flagged", flagged.id);
    rankingIds.set("nearby", nearby.id);
    rankingIds.set("plain", plain.id);
    const item = await db.item.create({ data: { libraryId, barcode: "3760001", title: "De Witte" } });
    await db.loan.create({
      data: {
        libraryId,
        ilsLoanId: "R1",
        patronId: withLoan,
        itemId: item.id,
        branchId: otherBranchId,
        loanedAt: new Date("2026-03-01T10:00:00Z"),
        dueDate: toDbDate(addDays(today, 10)),
      },
    });
    await db.patronFlag.create({
      data: { patronId: flagged.id, kind: "postal_returned", message: "Adres onbekend" },
    });
  });

  it("lists the exact name, then names that start with it, then spelling variants, then typos", async () => {
    const results = await search("smet");
    const order = ["Jan Smet", "Lien Smets", "Tom De Smedt", "Eva Smit"].map((name) => rankingIds.get(name));
    expect(results.map((r) => r.id).filter((id) => order.includes(id))).toEqual(order);
    expect(results.filter((r) => order.includes(r.id)).map((r) => r.match.reason)).toEqual([
      "exact",
      "prefix",
      "variant",
      "typo",
    ]);
  });

  it("puts patrons with open loans or open flags first among equals, then the desk's own branch", async () => {
    const results = await search("Jana Peeters");
    expect(results.map((r) => r.id)).toEqual([
      rankingIds.get("Jana Peeters"),
      rankingIds.get("flagged"),
      rankingIds.get("nearby"),
      rankingIds.get("plain"),
    ]);
    expect(results[1]).toMatchObject({ flagKinds: ["postal_returned"], openFlags: 1 });
    expect(results[0]).toMatchObject({ openLoans: 1, homeBranch: "Filiaal Heule" });
    expect(results[2].homeBranch).toBe("Hoofdbibliotheek");
  });

  it("puts the exact spelling of a name before its spelling variants, whatever their loans", async () => {
    const results = await search("Jana Peters");
    expect(results.every((r) => r.match.reason === "variant")).toBe(true);
    const exact = await search("Peeters");
    expect(exact[0].match.reason).toBe("exact");
  });

  it("finds Michiels for Micheils, and not the Michel family", async () => {
    const results = await search("Micheils");
    expect(results.map((r) => `${r.firstName} ${r.lastName}`)).toEqual(["Sam Michiels"]);
  });
});

describe("editDistanceAtMostOne", () => {
  it.each([
    ["smit", "smet", true],
    ["smet", "smets", true],
    ["smets", "smet", true],
    ["micheils", "michiels", true],
    ["smet", "smet", true],
    ["jana", "jan", false],
    ["michel", "michiels", false],
    ["smet", "mset", true],
    ["smet", "stem", false],
    ["abcd", "abdc", true],
  ])("%s ~ %s: %s", (typed, word, expected) => {
    expect(editDistanceAtMostOne(typed, word)).toBe(expected);
  });
});
