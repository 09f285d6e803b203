import { beforeEach, describe, expect, it } from "vitest";
import { addDays, type LocalDate } from "@/lib/dates";
import { planNotices } from "@/lib/planning/plan-notices";
import { storedNoticeContent } from "@/lib/rendering/render-planned-notices";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestLibrary } from "@/test/test-fixtures";
import { printDeskLetter } from "./print-desk-letter";
import { renderLetterPdf } from "./render-letters";

const db = useTestDb();
const today: LocalDate = "2026-03-10";
const baseUrl = "https://rappel.example.be";

beforeEach(() => resetDatabase(db));

describe("printDeskLetter", () => {
  it("renders a notice never rendered, records one desk letter and a reprint moves only printedAt", async () => {
    const t = await createTestLibrary(db);
    await t.loan(await t.patron({ language: "fr" }), { dueDate: addDays(today, -7) });
    await planNotices(db, { libraryId: t.library.id, date: today });
    const notice = await db.notice.findFirstOrThrow();
    expect(notice.renderedAt).toBeNull();

    const first = await printDeskLetter(db, {
      noticeId: notice.id,
      libraryId: t.library.id,
      baseUrl,
      now: new Date("2026-03-10T09:00:00Z"),
    });
    expect(first).toMatchObject({ noticeId: notice.id, patronId: notice.patronId, reprint: false });
    const rendered = await db.notice.findUniqueOrThrow({ where: { id: notice.id } });
    const content = storedNoticeContent(rendered.content);
    expect(content?.language).toBe("fr");
    expect((await renderLetterPdf(content!)).subarray(0, 5).toString()).toBe("%PDF-");

    const again = await printDeskLetter(db, {
      noticeId: notice.id,
      libraryId: t.library.id,
      baseUrl,
      now: new Date("2026-03-11T09:00:00Z"),
    });
    expect(again).toMatchObject({
      letterId: first && "letterId" in first ? first.letterId : -1,
      reprint: true,
    });
    const letters = await db.letter.findMany({ where: { noticeId: notice.id } });
    expect(letters).toMatchObject([
      { reason: "desk", status: "printed", printedAt: new Date("2026-03-11T09:00:00Z") },
    ]);
    // printing again did not render again
    expect((await db.notice.findUniqueOrThrow({ where: { id: notice.id } })).renderedAt).toEqual(
      rendered.renderedAt,
    );
  });

  it("prints what the patron should receive now: a renewed item is left out, and nothing when all are settled", async () => {
    const t = await createTestLibrary(db);
    const patron = await t.patron({ email: null });
    await db.patron.update({
      where: { id: patron.id },
      data: { street: "Kerkstraat 1", postalCode: "8700", city: "Tielt" },
    });
    const renewed = await t.loan(patron, { dueDate: addDays(today, -7) });
    const kept = await t.loan(patron, { dueDate: addDays(today, -7) });
    await planNotices(db, { libraryId: t.library.id, date: today });
    const notice = await db.notice.findFirstOrThrow();
    await t.renew(renewed.id, addDays(today, 21));

    const result = await printDeskLetter(db, {
      noticeId: notice.id,
      libraryId: t.library.id,
      baseUrl,
      today,
    });
    if (!result || result.outdated) throw new Error("expected a letter");
    const letter = await db.letter.findUniqueOrThrow({ where: { id: result.letterId } });
    const content = storedNoticeContent(letter.content);
    expect(content?.items.map((item) => item.loanId)).toEqual([kept.id]);
    expect(content?.date).toBe(today);

    await t.returnLoan(kept.id);
    expect(
      await printDeskLetter(db, { noticeId: notice.id, libraryId: t.library.id, baseUrl, today }),
    ).toMatchObject({ outdated: true, noticeId: notice.id });
  });

  it("finds no notice of another library, nor a cancelled one", async () => {
    const t = await createTestLibrary(db);
    const other = await db.library.create({ data: { code: "O", name: "Andere" } });
    await t.loan(await t.patron(), { dueDate: addDays(today, -7) });
    await planNotices(db, { libraryId: t.library.id, date: today });
    const notice = await db.notice.findFirstOrThrow();
    expect(await printDeskLetter(db, { noticeId: notice.id, libraryId: other.id, baseUrl })).toBeNull();
    await db.notice.update({ where: { id: notice.id }, data: { status: "cancelled" } });
    expect(await printDeskLetter(db, { noticeId: notice.id, libraryId: t.library.id, baseUrl })).toBeNull();
    expect(await db.letter.count()).toBe(0);
  });
});
