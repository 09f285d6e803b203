import { beforeEach, describe, expect, it } from "vitest";
import { addDays, fromDbDate, type LocalDate, toDbDate } from "@/lib/dates";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestLibrary, type TestLibrary } from "@/test/test-fixtures";
import { planNotices } from "./plan-notices";

// The planner reads each loan's last notice of its due-date cycle from the loan row
// (Loan.lastNoticeStageId and lastNoticeDate), which triggers keep equal to what NoticeLoan
// says (migration 20261207200000_loan_last_notice). These tests change NoticeLoan, Notice,
// Loan and NoticeStage the ways the app and staff can, and hold the row to NoticeLoan.

const db = useTestDb();
const today: LocalDate = "2026-03-10";

beforeEach(() => resetDatabase(db));

function plan(t: TestLibrary, date: LocalDate, dryRun = false) {
  return planNotices(db, { libraryId: t.library.id, date, dryRun });
}

/** What the loan row says: "stage key@plan date", or null. */
async function lastNotice(t: TestLibrary, loanId: number): Promise<string | null> {
  const loan = await db.$queryRaw<{ stageId: number | null; date: Date | null }[]>`
    SELECT "lastNoticeStageId" AS "stageId", "lastNoticeDate" AS date FROM "Loan" WHERE id = ${loanId}`;
  const { stageId, date } = loan[0];
  if (stageId == null) return null;
  const stage = Object.values(t.stages).find((s) => s.id === stageId);
  return `${stage?.key}@${date ? fromDbDate(date) : null}`;
}

/** An overdue loan with overdue 1 planned on `today` and overdue 2 a week later. */
async function loanWithTwoNotices(t: TestLibrary) {
  const loan = await t.loan(await t.patron(), { dueDate: addDays(today, -7) });
  await plan(t, today);
  await plan(t, addDays(today, 7));
  return loan;
}

/** A notice written by hand (as a run would) for one loan: stage, plan date and cycle due date. */
async function writeNotice(
  t: TestLibrary,
  loan: { id: number; patronId: number; branchId: number },
  { stage, planDate, dueDate, key }: { stage: string; planDate: LocalDate; dueDate: Date; key: string },
) {
  const notice = await db.notice.create({
    data: {
      libraryId: t.library.id,
      patronId: loan.patronId,
      branchId: loan.branchId,
      stageId: t.stage(stage).id,
      planDate: toDbDate(planDate),
      channel: "email",
      channelReason: "stage channel: email",
      language: "nl",
      idempotencyKey: key,
    },
  });
  await db.noticeLoan.create({
    data: { noticeId: notice.id, loanId: loan.id, stageId: notice.stageId, dueDate },
  });
}

describe("Loan.lastNoticeStageId and lastNoticeDate follow the loan's notices", () => {
  it("a loan without notices has none; each written notice makes it the loan's last", async () => {
    const t = await createTestLibrary(db);
    const loan = await t.loan(await t.patron(), { dueDate: addDays(today, -7) });
    expect(await lastNotice(t, loan.id)).toBeNull();

    await plan(t, today, true);
    expect(await lastNotice(t, loan.id)).toBeNull(); // a dry run writes nothing
    await plan(t, today);
    expect(await lastNotice(t, loan.id)).toBe(`overdue-1@${today}`);
    await plan(t, addDays(today, 7));
    expect(await lastNotice(t, loan.id)).toBe(`overdue-2@${addDays(today, 7)}`);
  });

  it("a renewal starts a new cycle without notices; the due date moved back finds its notices again", async () => {
    const t = await createTestLibrary(db);
    const loan = await loanWithTwoNotices(t);

    await t.renew(loan.id, addDays(today, 21));
    expect(await lastNotice(t, loan.id)).toBeNull();
    await t.renew(loan.id, addDays(today, -7));
    expect(await lastNotice(t, loan.id)).toBe(`overdue-2@${addDays(today, 7)}`);
  });

  it("a notice written for a due date the loan no longer has does not count", async () => {
    const t = await createTestLibrary(db);
    const loan = await t.loan(await t.patron(), { dueDate: addDays(today, -7) });
    // renewed between the plan and the writing of its notice loans
    await t.renew(loan.id, addDays(today, 21));
    await writeNotice(t, loan, {
      stage: "overdue-1",
      planDate: today,
      dueDate: toDbDate(addDays(today, -7)),
      key: "late-notice",
    });
    expect(await lastNotice(t, loan.id)).toBeNull();
  });

  it("a notice at an earlier stage written after a later one does not become the last", async () => {
    const t = await createTestLibrary(db);
    const loan = await loanWithTwoNotices(t);
    await writeNotice(t, loan, {
      stage: "pre-due",
      planDate: addDays(today, 8),
      dueDate: loan.dueDate,
      key: "late-reminder",
    });
    expect(await lastNotice(t, loan.id)).toBe(`overdue-2@${addDays(today, 7)}`);
  });

  it("deleting a notice (its loans go with it) makes the notice before it the last again", async () => {
    const t = await createTestLibrary(db);
    const loan = await loanWithTwoNotices(t);
    const second = await db.notice.findFirstOrThrow({ where: { stageId: t.stage("overdue-2").id } });

    await db.notice.delete({ where: { id: second.id } });
    expect(await lastNotice(t, loan.id)).toBe(`overdue-1@${today}`);
    await db.notice.deleteMany({});
    expect(await lastNotice(t, loan.id)).toBeNull();
  });

  it("a notice's plan date changed, or a notice loan moved to another loan, is followed", async () => {
    const t = await createTestLibrary(db);
    const patron = await t.patron();
    const loan = await t.loan(patron, { dueDate: addDays(today, -7) });
    const other = await t.loan(patron, { dueDate: addDays(today, -7) });
    await plan(t, today);
    const notice = await db.notice.findFirstOrThrow();

    await db.notice.update({ where: { id: notice.id }, data: { planDate: toDbDate(addDays(today, 1)) } });
    expect(await lastNotice(t, loan.id)).toBe(`overdue-1@${addDays(today, 1)}`);
    await db.noticeLoan.delete({ where: { noticeId_loanId: { noticeId: notice.id, loanId: other.id } } });
    await db.noticeLoan.update({
      where: { noticeId_loanId: { noticeId: notice.id, loanId: loan.id } },
      data: { loanId: other.id },
    });
    expect(await lastNotice(t, loan.id)).toBeNull();
    expect(await lastNotice(t, other.id)).toBe(`overdue-1@${addDays(today, 1)}`);
  });

  it("stages that swap positions change which notice is the loan's last", async () => {
    const t = await createTestLibrary(db);
    const loan = await loanWithTwoNotices(t);
    const [first, second] = [t.stage("overdue-1"), t.stage("overdue-2")];

    // positions are unique per library: through a free one, as a settings change must
    await db.noticeStage.update({ where: { id: first.id }, data: { position: 99 } });
    await db.noticeStage.update({ where: { id: second.id }, data: { position: first.position } });
    expect(await lastNotice(t, loan.id)).toBe(`overdue-1@${today}`);
    await db.noticeStage.update({ where: { id: first.id }, data: { position: second.position } });
    expect(await lastNotice(t, loan.id)).toBe(`overdue-1@${today}`);

    await db.noticeStage.update({ where: { id: first.id }, data: { position: 99 } });
    await db.noticeStage.update({ where: { id: second.id }, data: { position: second.position } });
    await db.noticeStage.update({ where: { id: first.id }, data: { position: first.position } });
    expect(await lastNotice(t, loan.id)).toBe(`overdue-2@${addDays(today, 7)}`);
  });

  it("a deleted notice is planned again: the planner reads the loan row, not the history", async () => {
    const t = await createTestLibrary(db);
    const loan = await loanWithTwoNotices(t);
    const day = addDays(today, 8);
    expect((await plan(t, day, true)).notices).toEqual([]);

    await db.notice.deleteMany({ where: { stageId: t.stage("overdue-2").id } });
    const replanned = await plan(t, day, true);
    expect(replanned.notices.map((n) => [n.stageKey, n.loans.map((l) => l.loanId)])).toEqual([
      ["overdue-2", [loan.id]],
    ]);
  });
});
