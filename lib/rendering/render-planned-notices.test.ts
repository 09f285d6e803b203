import { beforeEach, describe, expect, it } from "vitest";
import { addDays, type LocalDate } from "@/lib/dates";
import { renderLetterPdf } from "@/lib/letters/render-letters";
import { planNotices } from "@/lib/planning/plan-notices";
import { saveNoticeText } from "@/lib/templates/notice-text-store";
import { PLACEHOLDER_KEYS } from "@/lib/templates/placeholders";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestLibrary, daysFrom, type TestLibrary } from "@/test/test-fixtures";
import { renderPlannedNotices, storedNoticeContent } from "./render-planned-notices";

const db = useTestDb();
const today: LocalDate = "2026-03-10";
const baseUrl = "https://rappel.example.be";

/** A library whose plan for today holds every channel and every language. */
async function libraryWithEveryKindOfNotice(): Promise<{ t: TestLibrary; reservedLoanId: number }> {
  const t = await createTestLibrary(db);
  await t.loan(await t.patron({ language: "nl" }), { dueDate: addDays(today, -7) });
  const fr = await t.patron({ language: "fr" });
  await t.loan(fr, { dueDate: addDays(today, -14) });
  const reserved = await t.loan(fr, { dueDate: addDays(today, -14) });
  await db.loan.update({ where: { id: reserved.id }, data: { reserved: true } });
  await t.loan(await t.patron({ language: "en", preDueOptIn: true }), { dueDate: addDays(today, 3) });
  await t.loan(await t.patron({ language: "nl", email: null }), { dueDate: addDays(today, -7) });
  await t.loan(await t.patron({ language: "en" }), { dueDate: addDays(today, -21) });
  await t.loan(await t.patron({ language: "fr" }), { dueDate: addDays(today, -28) });
  return { t, reservedLoanId: reserved.id };
}

/** Any placeholder left in braces, e.g. "{patron.firstName}". */
const PLACEHOLDER = new RegExp(`\\{\\s*(${PLACEHOLDER_KEYS.join("|").replaceAll(".", "\\.")})\\s*\\}`);

beforeEach(() => resetDatabase(db));

describe("renderPlannedNotices", () => {
  it("renders every channel and language, stores the content and leaves no placeholder", async () => {
    const { t, reservedLoanId } = await libraryWithEveryKindOfNotice();
    // A loan reaches one stage per day it is planned: plan the weeks before today too.
    for (const day of daysFrom(addDays(today, -28), today))
      await planNotices(db, { libraryId: t.library.id, date: day });
    const planned = await db.notice.findMany({ include: { stage: true } });
    expect(new Set(planned.map((n) => `${n.stage.key} ${n.channel} ${n.language}`))).toEqual(
      new Set([
        "overdue-1 email nl",
        "overdue-1 letter nl",
        "overdue-1 email fr",
        "overdue-2 email fr",
        "overdue-1 email en",
        "overdue-2 email en",
        "overdue-3 letter en",
        "overdue-3 letter fr",
        "overdue-4 registered_letter fr",
        "pre-due email en",
      ]),
    );

    const result = await renderPlannedNotices(db, { libraryId: t.library.id, baseUrl, batchSize: 4 });
    const emails = planned.filter((n) => n.channel === "email").length;
    expect(result).toMatchObject({ rendered: planned.length, emails, letters: planned.length - emails });
    expect(result.warnings).toEqual([]);

    const notices = await db.notice.findMany({ include: { stage: true, loans: true } });
    for (const notice of notices) {
      expect(notice.renderedAt).not.toBeNull();
      const content = storedNoticeContent(notice.content);
      expect(content, `content of ${notice.stage.key}`).not.toBeNull();
      expect(content?.language).toBe(notice.language);
      expect(content?.items.map((i) => i.loanId).sort()).toEqual(notice.loans.map((l) => l.loanId).sort());
      expect(content?.texts?.subject).toBeTruthy();
      if (notice.channel === "email") {
        expect(notice.subject).toBeTruthy();
        expect(notice.subject).not.toMatch(/[{}]/);
        expect(notice.text).not.toMatch(/[{}]/);
        expect(notice.html).not.toMatch(PLACEHOLDER);
        expect(notice.html).toContain(`${baseUrl}/r/`);
        expect(notice.html).toContain(content?.patron.firstName);
      } else {
        expect(notice.html).toBeNull();
        const pdf = await renderLetterPdf(content!);
        expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      }
    }

    const fr = notices.find((n) => n.stage.key === "overdue-2" && n.loans.length === 2)!;
    const frContent = storedNoticeContent(fr.content)!;
    expect(fr.subject).toMatch(/rappel/i);
    expect(frContent.fees).toEqual([{ kind: "notice", amountCents: 100 }]);
    expect(frContent.items.find((i) => i.loanId === reservedLoanId)).toMatchObject({
      renewable: false,
      notRenewableReason: "reserved",
    });
    expect(frContent.items.find((i) => i.loanId !== reservedLoanId)).toMatchObject({ renewable: true });
    expect(fr.text).toContain("Boek");

    const noEmail = notices.find((n) => n.stage.key === "overdue-1" && n.channel === "letter")!;
    expect(storedNoticeContent(noEmail.content)?.fallback).toEqual({ email: null });
    const registered = notices.find((n) => n.channel === "registered_letter")!;
    expect(storedNoticeContent(registered.content)?.stage).toMatchObject({ number: 4, registered: true });
    const preDue = notices.find((n) => n.stage.key === "pre-due")!;
    expect(storedNoticeContent(preDue.content)?.links.unsubscribe).toMatch(/\/u\/[^/]+$/);
  });

  it("renders nothing the second time, and a wording edited later leaves a stored notice as sent", async () => {
    const t = await createTestLibrary(db);
    const patron = await t.patron({ language: "nl" });
    await t.loan(patron, { dueDate: addDays(today, -7) });
    await planNotices(db, { libraryId: t.library.id, date: today });
    expect((await renderPlannedNotices(db, { libraryId: t.library.id, baseUrl })).rendered).toBe(1);
    const before = await db.notice.findFirstOrThrow();

    await saveNoticeText(
      db,
      { stageId: t.stage("overdue-1").id, language: "nl", branchId: null },
      { subject: "Nieuw onderwerp voor {patron.firstName}", opening: null, closing: null },
      { id: null, label: "test" },
    );
    expect(await renderPlannedNotices(db, { libraryId: t.library.id, baseUrl })).toMatchObject({
      rendered: 0,
    });
    const after = await db.notice.findFirstOrThrow();
    expect(after).toEqual(before);
    expect(after.subject).not.toContain("Nieuw onderwerp");

    // A notice planned after the edit gets the new wording.
    await t.loan(await t.patron({ language: "nl" }), { dueDate: addDays(today, -6) });
    await planNotices(db, { libraryId: t.library.id, date: addDays(today, 1) });
    await renderPlannedNotices(db, { libraryId: t.library.id, baseUrl, planDate: addDays(today, 1) });
    const next = await db.notice.findFirstOrThrow({ where: { id: { not: before.id } } });
    expect(next.subject).toBe("Nieuw onderwerp voor Lener");
  });

  it("renders only the notices asked for, and never a cancelled one", async () => {
    const t = await createTestLibrary(db);
    await t.loan(await t.patron(), { dueDate: addDays(today, -7) });
    await t.loan(await t.patron(), { dueDate: addDays(today, -7) });
    await planNotices(db, { libraryId: t.library.id, date: today });
    const [first, second] = await db.notice.findMany({ orderBy: { id: "asc" } });
    await db.notice.update({ where: { id: second.id }, data: { status: "cancelled" } });

    const result = await renderPlannedNotices(db, {
      libraryId: t.library.id,
      baseUrl,
      noticeIds: [first.id, second.id],
    });
    expect(result.rendered).toBe(1);
    expect((await db.notice.findUniqueOrThrow({ where: { id: second.id } })).renderedAt).toBeNull();
  });
});
