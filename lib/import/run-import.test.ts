import { existsSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, useTestDb } from "@/test/db";
import { createImportLibrary, importFile } from "@/test/test-import";

const db = useTestDb();

const counts = (run: { inserted: number; updated: number; unchanged: number; rejected: number }) => ({
  inserted: run.inserted,
  updated: run.updated,
  unchanged: run.unchanged,
  rejected: run.rejected,
});

const PATRONS = [
  "\uFEFFKaartnummer;Voornaam;Achternaam;E-mail;Straat;Postcode;Gemeente;Taal;Filiaal",
  '1001;Els;Verstraete;els@voorbeeld.be;"Markt 1; bus 2";8760;Meulebeke;N;HB',
  '1002;"Jan ""Jos""";Peeters;;Kerkstraat 5;8760;Meulebeke;fr;FIL',
  "1003;Anna;De Smet;ANNA@Voorbeeld.BE;;;;en;HB",
].join("\r\n");

describe("importing a CSV file", () => {
  let library: Awaited<ReturnType<typeof createImportLibrary>>;
  beforeEach(async () => {
    await resetDatabase(db);
    library = await createImportLibrary(db);
  });

  it("reads a semicolon file with a BOM, Dutch headers and quoted fields, and the same file twice changes nothing", async () => {
    const first = await importFile(db, library.id, "patrons", PATRONS);
    expect(first.run.status).toBe("succeeded");
    expect(counts(first.run)).toEqual({ inserted: 3, updated: 0, unchanged: 0, rejected: 0 });
    const jan = await db.patron.findFirstOrThrow({ where: { cardNumber: "1002" } });
    expect(jan).toMatchObject({ firstName: 'Jan "Jos"', email: null, language: "fr" });
    const els = await db.patron.findFirstOrThrow({ where: { cardNumber: "1001" } });
    expect(els).toMatchObject({ street: "Markt 1; bus 2", language: "nl" });
    expect((await db.patron.findFirstOrThrow({ where: { cardNumber: "1003" } })).email).toBe(
      "anna@voorbeeld.be",
    );
    expect(existsSync(first.run.filePath ?? "/nonexistent")).toBe(false);

    const before = await db.patron.findMany({ orderBy: { id: "asc" } });
    const second = await importFile(db, library.id, "patrons", PATRONS);
    expect(counts(second.run)).toEqual({ inserted: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(await db.patron.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("updates only what changed, leaves columns the file lacks alone, and a new email starts its health again", async () => {
    await importFile(db, library.id, "patrons", PATRONS);
    await db.patron.updateMany({
      where: { cardNumber: "1001" },
      data: { emailStatus: "bounced", phone: "050 11 22 33" },
    });
    const changed = [
      "cardnumber,firstname,lastname,email,homebranch",
      "1001,Els,Verstraete,els@nieuw.be,HB",
      '1002,Jan "Jos",Peeters,,FIL',
    ].join("\n");
    const { run } = await importFile(db, library.id, "patrons", changed);
    expect(counts(run)).toEqual({ inserted: 0, updated: 1, unchanged: 1, rejected: 0 });
    const els = await db.patron.findFirstOrThrow({ where: { cardNumber: "1001" } });
    expect(els).toMatchObject({
      email: "els@nieuw.be",
      emailStatus: "unknown",
      phone: "050 11 22 33",
      street: "Markt 1; bus 2",
    });
  });

  it("decodes a Windows-1252 export", async () => {
    const latin1 = Buffer.from(
      "cardNumber;firstName;lastName;homeBranch\n2001;Hélène;Dubois-Müller;HB\n",
      "latin1",
    );
    const { run } = await importFile(db, library.id, "patrons", latin1);
    expect(run.inserted).toBe(1);
    expect(await db.patron.findFirstOrThrow({ where: { cardNumber: "2001" } })).toMatchObject({
      firstName: "Hélène",
      lastName: "Dubois-Müller",
    });
  });

  it("reports each bad row with its line, column and reason and keeps the good rows", async () => {
    const file = [
      "cardNumber,firstName,lastName,email,homeBranch,language",
      "3001,Els,Goed,els@goed.be,HB,nl",
      "3002,Piet,Fout,piet@,HB,nl",
      "3003,Kees,Nergens,,XX,nl",
      "3001,Els,Dubbel,,HB,nl",
      ",Geen,Kaart,,HB,nl",
      "3004,Te,Veel,,HB,nl,extra",
      "3005,Te,Weinig",
      '3006,Sta"y,Quote,,HB,nl',
      "3007,Vreemde,Taal,,HB,de",
      "3008,Ook,Goed,,FIL,",
    ].join("\n");
    const { run, rejections } = await importFile(db, library.id, "patrons", file);
    expect(run.status).toBe("succeeded");
    expect(counts(run)).toEqual({ inserted: 3, updated: 0, unchanged: 0, rejected: 7 });
    expect(rejections).toEqual([
      { line: 3, column: "email", reason: "invalidEmail", value: "piet@" },
      { line: 4, column: "homeBranch", reason: "unknownBranch", value: "XX" },
      { line: 5, column: "cardNumber", reason: "duplicateId", value: "3001" },
      { line: 6, column: "cardNumber", reason: "required", value: null },
      { line: 7, column: null, reason: "columnCount", value: "7" },
      { line: 8, column: null, reason: "columnCount", value: "3" },
      { line: 10, column: "language", reason: "badLanguage", value: "de" },
    ]);
    expect((await db.patron.findFirstOrThrow({ where: { cardNumber: "3006" } })).firstName).toBe('Sta"y');
    expect(await db.patron.count()).toBe(3);
  });

  it("a quote opened and never closed makes the rest of the file one unreadable row, reported, and keeps the rows before it", async () => {
    const file = [
      "cardNumber,firstName,lastName,homeBranch",
      "4001,Els,Goed,HB",
      '4002,"Open,Quote,HB',
      "4003,Na,Quote,HB",
    ];
    const { run, rejections } = await importFile(db, library.id, "patrons", file.join("\n"));
    expect(run.status).toBe("succeeded");
    expect(counts(run)).toEqual({ inserted: 1, updated: 0, unchanged: 0, rejected: 1 });
    expect(rejections).toEqual([{ line: 4, column: null, reason: "unreadable", value: null }]);
  });

  it("refuses a 10 MB field as too long and imports the rows around it", async () => {
    const huge = "x".repeat(10 * 1024 * 1024);
    const file = `barcode,title\nB1,Eerste\nB2,"${huge}"\nB3,Derde\n`;
    const { run, rejections } = await importFile(db, library.id, "items", file);
    expect(counts(run)).toEqual({ inserted: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect(rejections[0]).toMatchObject({ line: 3, column: "title", reason: "tooLong" });
    expect(rejections[0].value?.length).toBeLessThanOrEqual(80);
  });

  it("an empty file, or one without a required column, fails with a reason and writes nothing", async () => {
    const empty = await importFile(db, library.id, "patrons", "");
    expect(empty.run).toMatchObject({ status: "failed", error: "emptyFile|" });
    const missing = await importFile(db, library.id, "patrons", "naam;voornaam\nPeeters;Jan\n");
    expect(missing.run).toMatchObject({ status: "failed", error: "missingColumns|cardNumber, homeBranch" });
    expect(await db.patron.count()).toBe(0);
  });

  it("imports items, loans and returns keyed by the library system's ids; unknown patrons and items are refused", async () => {
    await importFile(db, library.id, "patrons", PATRONS);
    const items = await importFile(
      db,
      library.id,
      "items",
      "barcode;titel;auteur;prijs\nI1;Boek een;A;12,50\nI2;Boek twee;;\nI3;Boek drie;B;7\n",
    );
    expect(items.run.inserted).toBe(3);
    expect((await db.item.findFirstOrThrow({ where: { barcode: "I1" } })).priceCents).toBe(1250);
    const loans = [
      "loanId;cardNumber;barcode;branch;loanedAt;dueDate;renewals",
      "L1;1001;I1;HB;02/11/2026 14:30;30/11/2026;0",
      "L2;1002;I2;FIL;2026-11-03;2026-12-01;1",
      "L3;9999;I3;HB;2026-11-03;2026-12-01;0",
      "L4;1003;I9;HB;2026-11-03;2026-12-01;0",
      "L5;1003;I3;HB;2026-11-03;2026-10-01;0",
      "L6;1003;I3;HB;31/02/2026;2026-12-01;0",
    ].join("\n");
    const loaded = await importFile(db, library.id, "loans", loans);
    expect(counts(loaded.run)).toEqual({ inserted: 2, updated: 0, unchanged: 0, rejected: 4 });
    expect(loaded.rejections.map((r) => [r.line, r.column, r.reason])).toEqual([
      [4, "cardNumber", "unknownPatron"],
      [5, "barcode", "unknownItem"],
      [6, "dueDate", "dueBeforeLoan"],
      [7, "loanedAt", "badDateTime"],
    ]);
    const l1 = await db.loan.findFirstOrThrow({ where: { ilsLoanId: "L1" } });
    // 14:30 in Brussels on 2 November (winter time) is 13:30 UTC
    expect(l1.loanedAt.toISOString()).toBe("2026-11-02T13:30:00.000Z");
    expect(l1.dueDate.toISOString().slice(0, 10)).toBe("2026-11-30");

    const returns = await importFile(
      db,
      library.id,
      "returns",
      "loanId,returnedAt\nL1,2026-11-20 10:00\nL404,2026-11-20\n",
    );
    expect(counts(returns.run)).toEqual({ inserted: 0, updated: 1, unchanged: 0, rejected: 1 });
    expect((await db.loan.findFirstOrThrow({ where: { ilsLoanId: "L1" } })).returnedAt?.toISOString()).toBe(
      "2026-11-20T09:00:00.000Z",
    );
    const again = await importFile(db, library.id, "returns", "loanId,returnedAt\nL1,2026-11-20 10:00\n");
    expect(counts(again.run)).toEqual({ inserted: 0, updated: 0, unchanged: 1, rejected: 0 });
  });

  it("reads a loan's moments in the library's time zone, summer and winter time, and keeps the offset of one given with Z or an offset", async () => {
    await importFile(db, library.id, "patrons", PATRONS);
    await importFile(db, library.id, "items", "barcode;titel\nI1;Een\nI2;Twee\nI3;Drie\n");
    const loans = [
      "loanId;cardNumber;barcode;branch;loanedAt;dueDate;returnedAt",
      "L1;1001;I1;HB;2026-07-01 14:30;2026-07-29;2026-07-10 09:15:30",
      "L2;1002;I2;FIL;2026-11-02T13:30:00Z;2026-11-30;",
      "L3;1003;I3;HB;2026-11-02 14:30+02:00;2026-11-30;2026-11-03",
    ].join("\n");
    const first = await importFile(db, library.id, "loans", loans);
    expect(counts(first.run)).toEqual({ inserted: 3, updated: 0, unchanged: 0, rejected: 0 });
    const stored = async (ilsLoanId: string) => {
      const loan = await db.loan.findFirstOrThrow({ where: { ilsLoanId } });
      return [
        loan.loanedAt.toISOString(),
        loan.dueDate.toISOString().slice(0, 10),
        loan.returnedAt?.toISOString(),
      ];
    };
    // Brussels: UTC+2 in summer, UTC+1 in winter; a day alone is local midnight
    expect(await stored("L1")).toEqual([
      "2026-07-01T12:30:00.000Z",
      "2026-07-29",
      "2026-07-10T07:15:30.000Z",
    ]);
    expect(await stored("L2")).toEqual(["2026-11-02T13:30:00.000Z", "2026-11-30", undefined]);
    expect(await stored("L3")).toEqual([
      "2026-11-02T12:30:00.000Z",
      "2026-11-30",
      "2026-11-02T23:00:00.000Z",
    ]);
    const again = await importFile(db, library.id, "loans", loans);
    expect(counts(again.run)).toEqual({ inserted: 0, updated: 0, unchanged: 3, rejected: 0 });
  });

  it("a file in many small chunks, two written at once, gives the same rows, counts and refusals as one chunk", async () => {
    await importFile(db, library.id, "patrons", PATRONS);
    const barcodes = Array.from({ length: 40 }, (_, i) => `I${i + 1}\tTitel ${i + 1}`);
    await importFile(db, library.id, "items", `barcode\ttitle\n${barcodes.join("\n")}\n`);
    const lines = ["loanId;cardNumber;barcode;branch;loanedAt;dueDate"];
    for (let i = 1; i <= 40; i++) {
      // every 7th names an unknown patron, every 11th a bad date: refusals spread over the chunks
      const card = i % 7 === 0 ? "9999" : ["1001", "1002", "1003"][i % 3];
      const due = i % 11 === 0 ? "31/02/2026" : "2026-12-01";
      lines.push(`L${i};${card};I${i};${i % 2 ? "HB" : "FIL"};2026-11-03;${due}`);
    }
    const file = lines.join("\n");
    const chunked = await importFile(db, library.id, "loans", file, { chunkSize: 3 });
    expect(chunked.run).toMatchObject({ status: "succeeded", committedLine: 41, rowsRead: 40 });
    expect(counts(chunked.run)).toEqual({ inserted: 32, updated: 0, unchanged: 0, rejected: 8 });
    expect(chunked.rejections.map((r) => [r.line, r.reason])).toEqual([
      [8, "unknownPatron"],
      [12, "badDate"],
      [15, "unknownPatron"],
      [22, "unknownPatron"],
      [23, "badDate"],
      [29, "unknownPatron"],
      [34, "badDate"],
      [36, "unknownPatron"],
    ]);
    expect(await db.loan.count()).toBe(32);
    const whole = await importFile(db, library.id, "loans", file);
    expect(counts(whole.run)).toEqual({ inserted: 0, updated: 0, unchanged: 32, rejected: 8 });
    expect(whole.rejections).toEqual(chunked.rejections);
  });

  it("a chunk guessed all new but naming loans already there is written as an upsert: the counts and rows stay exact", async () => {
    await importFile(db, library.id, "patrons", PATRONS);
    const barcodes = Array.from({ length: 30 }, (_, i) => `I${i + 1},Titel ${i + 1}`);
    await importFile(db, library.id, "items", `barcode,title\n${barcodes.join("\n")}\n`);
    const header = "loanId,cardNumber,barcode,branch,loanedAt,dueDate";
    const loan = (id: number, due = "2026-12-01") => `L${id},1001,I${id},HB,2026-11-03,${due}`;
    // the library's first loans: every chunk new, written by plain INSERTs
    const first = await importFile(db, library.id, "loans", [header, loan(1), loan(2), loan(3)].join("\n"));
    expect(counts(first.run)).toEqual({ inserted: 3, updated: 0, unchanged: 0, rejected: 0 });
    // four chunks of 3 new loans, then a chunk with a changed, an unchanged and a new loan (the
    // plain INSERT fails on L1 and the chunk is done again as an upsert), then new loans again
    const ids = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21];
    const lines = [
      ...ids.map((id) => loan(id)),
      loan(1, "2026-12-15"),
      loan(2),
      loan(22),
      loan(23),
      loan(24),
    ];
    const mixed = await importFile(db, library.id, "loans", [header, ...lines].join("\n"), { chunkSize: 3 });
    expect(mixed.run).toMatchObject({ status: "succeeded", rowsRead: 17 });
    expect(counts(mixed.run)).toEqual({ inserted: 15, updated: 1, unchanged: 1, rejected: 0 });
    expect(await db.loan.count()).toBe(18);
    const l1 = await db.loan.findFirstOrThrow({ where: { ilsLoanId: "L1" } });
    expect(l1.dueDate.toISOString().slice(0, 10)).toBe("2026-12-15");
    const again = await importFile(db, library.id, "loans", [header, ...lines].join("\n"), { chunkSize: 3 });
    expect(counts(again.run)).toEqual({ inserted: 0, updated: 0, unchanged: 17, rejected: 0 });
  });

  it("a full sync closes open loans missing from the file, but refuses to close more than the allowed share", async () => {
    await importFile(db, library.id, "patrons", PATRONS);
    await importFile(db, library.id, "items", "barcode,title\nI1,A\nI2,B\nI3,C\nI4,D\nI5,E\n");
    const header = "loanId,cardNumber,barcode,branch,loanedAt,dueDate";
    const all = ["L1", "L2", "L3", "L4", "L5"].map(
      (id, i) => `${id},1001,I${i + 1},HB,2026-11-01,2026-11-29`,
    );
    await importFile(db, library.id, "loans", [header, ...all].join("\n"));

    const truncated = await importFile(db, library.id, "loans", [header, all[0]].join("\n"), {
      fullSync: true,
      maxCloseShare: 0.5,
    });
    expect(truncated.run).toMatchObject({ status: "succeeded", closed: 0, notice: "fullSyncRefused|4|5|50" });
    expect(await db.loan.count({ where: { returnedAt: null } })).toBe(5);

    const fourOfFive = await importFile(db, library.id, "loans", [header, ...all.slice(0, 4)].join("\n"), {
      fullSync: true,
      maxCloseShare: 0.5,
    });
    expect(fourOfFive.run).toMatchObject({ closed: 1, unchanged: 4, notice: null });
    expect((await db.loan.findFirstOrThrow({ where: { ilsLoanId: "L5" } })).returnedAt).toBeInstanceOf(Date);
  });

  it("imports into the library it is given only: the same card numbers in another library stay untouched", async () => {
    const other = await createImportLibrary(db, "other");
    await importFile(db, other.id, "patrons", PATRONS);
    const before = await db.patron.findMany({ where: { libraryId: other.id }, orderBy: { id: "asc" } });
    const changed = PATRONS.replace("Verstraete", "Anders");
    const { run } = await importFile(db, library.id, "patrons", changed);
    expect(run.inserted).toBe(3);
    expect(await db.patron.findMany({ where: { libraryId: other.id }, orderBy: { id: "asc" } })).toEqual(
      before,
    );
  });
});
