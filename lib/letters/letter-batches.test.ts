import { beforeEach, describe, expect, it } from "vitest";
import { addDays, type LocalDate } from "@/lib/dates";
import type { Patron } from "@/lib/generated/prisma/client";
import { planNotices } from "@/lib/planning/plan-notices";
import { resetDatabase, useTestDb } from "@/test/db";
import { readPdf } from "@/test/read-pdf";
import { createTestLibrary, type TestLibrary } from "@/test/test-fixtures";
import { createLetterBatch } from "./create-letter-batch";
import { listPrintQueue } from "./list-print-queue";
import { markBatchPosted } from "./mark-batch-posted";
import { markBatchPrinted } from "./mark-batch-printed";
import { streamBatchPdf } from "./render-batch-pdf";
import { streamToBuffer } from "./stream-letters";

const db = useTestDb();
const today: LocalDate = "2026-03-10";
const baseUrl = "https://rappel.example.be";

beforeEach(() => resetDatabase(db));

async function withAddress(t: TestLibrary, street: string, postalCode: string | null, city = "Tielt") {
  const patron = await t.patron({ email: null });
  return db.patron.update({ where: { id: patron.id }, data: { street, postalCode, city } });
}

/** A first overdue notice by letter (the patrons have no email) for each patron, `items` loans each. */
async function planLetters(t: TestLibrary, patrons: Patron[], items = 2) {
  const loans = [];
  for (const patron of patrons) {
    for (let i = 0; i < items; i++) loans.push(await t.loan(patron, { dueDate: addDays(today, -21) }));
  }
  await planNotices(db, { libraryId: t.library.id, date: today });
  return loans;
}

function batch(t: TestLibrary, extra: { registered?: boolean; letterIds?: number[] } = {}) {
  return db.$transaction((tx) =>
    createLetterBatch(tx, {
      libraryId: t.library.id,
      branchId: t.branch.id,
      registered: extra.registered ?? false,
      letterIds: extra.letterIds,
      today,
      baseUrl,
    }),
  );
}

async function pdfOf(t: TestLibrary, batchId: number) {
  const made = await streamBatchPdf(db, { libraryId: t.library.id, batchId, title: "Brieven" });
  if (!made) throw new Error("no batch");
  const pdf = await streamToBuffer(made.stream);
  return { pdf, summary: await made.done };
}

describe("the print queue", () => {
  it("lists every waiting letter of a branch with its items, drops settled ones and flags unusable addresses", async () => {
    const t = await createTestLibrary(db);
    const good = await withAddress(t, "Kerkstraat 1", "8700");
    const noPostalCode = await withAddress(t, "Markt 2", null);
    const returned = await withAddress(t, "Stationsstraat 3", "8700");
    const loans = await planLetters(t, [good, noPostalCode, returned]);
    await t.returnLoan(loans[4].id);
    await t.renew(loans[5].id, addDays(today, 14));

    const queue = await listPrintQueue(db, { libraryId: t.library.id, branchId: t.branch.id });
    expect(queue.branches).toMatchObject([{ id: t.branch.id, ordinary: 3, registered: 0 }]);
    const byPatron = new Map(queue.letters.map((letter) => [letter.notice.patron.id, letter]));
    expect(byPatron.get(good.id)).toMatchObject({ state: "printable", reason: "no_email", problems: [] });
    expect(byPatron.get(good.id)?.items.map((item) => item.state)).toEqual(["open", "open"]);
    expect(byPatron.get(noPostalCode.id)).toMatchObject({
      state: "problem",
      problems: ["missing_postal_code"],
    });
    expect(byPatron.get(returned.id)?.state).toBe("settled");
    expect(byPatron.get(returned.id)?.items.map((item) => item.state)).toEqual(["returned", "renewed"]);

    const result = await batch(t);
    expect(result).toMatchObject({ letters: 1, problems: 1 });
    expect(result.droppedOut).toHaveLength(1);
    const dropped = await db.letter.findUniqueOrThrow({ where: { id: result.droppedOut[0].letterId } });
    expect(dropped).toMatchObject({ status: "cancelled", cancelReason: "loans_settled", batchId: null });
    // the problem letter still waits, the others left the queue
    const after = await listPrintQueue(db, { libraryId: t.library.id, branchId: t.branch.id });
    expect(after.letters.map((letter) => letter.notice.patron.id)).toEqual([noPostalCode.id]);
  });

  it("shows nothing of another library", async () => {
    const t = await createTestLibrary(db);
    const other = await createTestLibrary(db, { code: "O" });
    await planLetters(t, [await withAddress(t, "Kerkstraat 1", "8700")]);
    const queue = await listPrintQueue(db, { libraryId: other.library.id, branchId: t.branch.id });
    expect(queue.letters).toEqual([]);
    expect(queue.branches.map((branch) => branch.id)).toEqual([other.branch.id]);
    const result = await db.$transaction((tx) =>
      createLetterBatch(tx, {
        libraryId: other.library.id,
        branchId: t.branch.id,
        registered: false,
        today,
        baseUrl,
      }),
    );
    expect(result.batchId).toBeNull();
  });
});

describe("letter batches", () => {
  it("two staff members batching the same letters at once put each letter in one batch only", async () => {
    const t = await createTestLibrary(db);
    const patrons = [];
    for (let i = 0; i < 12; i++) patrons.push(await withAddress(t, `Kerkstraat ${i + 1}`, "8700"));
    await planLetters(t, patrons, 1);
    const [a, b] = await Promise.all([batch(t), batch(t)]);
    expect(a.letters + b.letters).toBe(12);
    const letters = await db.letter.findMany({ select: { batchId: true } });
    expect(letters.every((letter) => letter.batchId !== null)).toBe(true);
    expect(await db.letterBatch.count()).toBe([a, b].filter((r) => r.batchId !== null).length);
  });

  it("prints one PDF: address block in order, every item of every letter, a blank back where a letter has an odd page count", async () => {
    const t = await createTestLibrary(db);
    const first = await withAddress(t, "Kerkstraat 1", "8700");
    const second = await withAddress(t, "Ringlaan 203", "8500", "Kortrijk");
    const loans = await planLetters(t, [first, second], 3);
    // one item of the first patron was returned after the notice: the letter leaves it out
    await t.returnLoan(loans[0].id);
    const result = await batch(t);
    expect(result.letters).toBe(2);

    const { pdf, summary } = await pdfOf(t, result.batchId!);
    expect(summary.letters).toBe(2);
    const pages = await readPdf(pdf);
    expect(pages.length).toBe(summary.pages);
    expect(summary.pages % 2).toBe(0);
    // ordered by postal code: Kortrijk (8500) before Tielt (8700)
    const starts = pages
      .map((page, i) => ({ page, i }))
      .filter(({ page }) => page.text.includes("Pagina 1 van"));
    expect(starts).toHaveLength(2);
    for (const { i } of starts) expect(i % 2).toBe(0);
    const letterTexts = starts.map(({ i }, n) =>
      pages
        .slice(i, starts[n + 1]?.i ?? pages.length)
        .map((page) => page.text)
        .join("\n"),
    );
    const address = (text: string, lines: string[]) => lines.map((line) => text.indexOf(line));
    const kortrijk = address(letterTexts[0], ["Lener Nummer", "Ringlaan 203", "8500 Kortrijk"]);
    expect(kortrijk.every((index) => index >= 0)).toBe(true);
    expect(kortrijk).toEqual([...kortrijk].sort((x, y) => x - y));
    expect(letterTexts[1]).toContain("8700 Tielt");

    const items = await db.loan.findMany({ include: { item: true }, orderBy: { id: "asc" } });
    for (const loan of items.slice(3)) expect(letterTexts[0]).toContain(loan.item.barcode);
    for (const loan of items.slice(1, 3)) expect(letterTexts[1]).toContain(loan.item.barcode);
    expect(letterTexts[1]).not.toContain(items[0].item.barcode);
    // a blank back page carries nothing at all
    for (const page of pages) {
      if (page.lines.length === 0) continue;
      expect(page.text).toMatch(/Pagina \d van \d/);
    }
  });

  it("reprints a batch identical to its first print, whatever happened to the patron since", async () => {
    const t = await createTestLibrary(db);
    const patron = await withAddress(t, "Kerkstraat 1", "8700");
    await planLetters(t, [patron], 2);
    const result = await batch(t);
    const first = await readPdf((await pdfOf(t, result.batchId!)).pdf);
    await db.patron.update({ where: { id: patron.id }, data: { street: "Nieuwe straat 9" } });
    await db.noticeText.deleteMany();
    const again = await readPdf((await pdfOf(t, result.batchId!)).pdf);
    expect(again.map((page) => page.text)).toEqual(first.map((page) => page.text));
    expect(again[0].text).toContain("Kerkstraat 1");
  });

  it("a batch whose PDF failed cannot be marked printed; a good one is printed, then posted with its date", async () => {
    const t = await createTestLibrary(db);
    await db.library.update({ where: { id: t.library.id }, data: { letterPostageCents: 140 } });
    await planLetters(t, [await withAddress(t, "Kerkstraat 1", "8700")], 1);
    const result = await batch(t);
    const batchId = result.batchId!;
    expect(await db.letter.findFirstOrThrow()).toMatchObject({
      postageCents: 140,
      status: "queued",
      batchId,
    });

    const printed = () => db.$transaction((tx) => markBatchPrinted(tx, { libraryId: t.library.id, batchId }));
    expect(await printed()).toEqual({ ok: false, error: "no_pdf" });

    // break the stored content: the PDF fails, the batch records why and stays unprinted
    await db.$executeRaw`UPDATE "Letter" SET content = jsonb_set(content, '{links,preferences}', '"not a link"')`;
    const made = await streamBatchPdf(db, { libraryId: t.library.id, batchId, title: "x" });
    await expect(streamToBuffer(made!.stream)).rejects.toThrow(/absolute URL/);
    await expect(made!.done).rejects.toThrow();
    expect(await db.letterBatch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({
      pdfAt: null,
      pdfError: expect.stringContaining("absolute URL"),
    });
    expect(await printed()).toEqual({ ok: false, error: "no_pdf" });

    await db.$executeRaw`UPDATE "Letter" SET content = jsonb_set(content, '{links,preferences}', '"https://rappel.example.be/p"')`;
    await pdfOf(t, batchId);
    const posted = () =>
      db.$transaction((tx) => markBatchPosted(tx, { libraryId: t.library.id, batchId, postedOn: today }));
    expect(await posted()).toEqual({ ok: false, error: "not_printed" });
    expect(await printed()).toEqual({ ok: true, letters: 1 });
    expect(await printed()).toEqual({ ok: false, error: "already_printed" });
    expect(await posted()).toEqual({ ok: true, letters: 1 });
    const letter = await db.letter.findFirstOrThrow();
    expect(letter.status).toBe("posted");
    expect(letter.postedOn?.toISOString().slice(0, 10)).toBe(today);
  });

  it("puts registered letters in a batch of their own", async () => {
    const t = await createTestLibrary(db);
    const patron = await withAddress(t, "Kerkstraat 1", "8700");
    const registeredPatron = await withAddress(t, "Ringlaan 2", "8700");
    await t.overridePatron(registeredPatron, "overdue-1", { channel: "registered_letter" });
    await planLetters(t, [patron, registeredPatron], 1);
    const ordinary = await batch(t);
    const registered = await batch(t, { registered: true });
    expect(ordinary.letters).toBe(1);
    expect(registered.letters).toBe(1);
    expect(await db.letterBatch.findUniqueOrThrow({ where: { id: registered.batchId! } })).toMatchObject({
      registered: true,
    });
    const text = (await readPdf((await pdfOf(t, registered.batchId!)).pdf)).map((p) => p.text).join("\n");
    expect(text).toContain("AANGETEKEND");
  });
});
