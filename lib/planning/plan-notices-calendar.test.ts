import { beforeEach, describe, expect, it } from "vitest";
import type { LocalDate } from "@/lib/dates";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestLibrary, daysFrom, noticesOfLoan, type TestLibrary } from "@/test/test-fixtures";
import { planNotices } from "./plan-notices";

const db = useTestDb();
const MONDAY_TO_SATURDAY = [1, 2, 3, 4, 5, 6];

async function runDays(t: TestLibrary, from: LocalDate, to: LocalDate) {
  for (const date of daysFrom(from, to)) await planNotices(db, { libraryId: t.library.id, date });
}

async function history(loanId: number) {
  return (await noticesOfLoan(db, loanId)).map((n) => `${n.stage}@${n.planDate}`);
}

beforeEach(() => resetDatabase(db));

describe("planNotices and the branch calendar", () => {
  it("a due date on a closed day moves to the next open day, and the stages count from there", async () => {
    const t = await createTestLibrary(db, {
      branches: [{ name: "Meulebeke", openWeekdays: MONDAY_TO_SATURDAY }],
    });
    // Due on Sunday 1 March: the item may come back on Monday 2 March without being late.
    const loan = await t.loan(await t.patron({ preDueOptIn: true }), { dueDate: "2026-03-01" });
    await runDays(t, "2026-02-20", "2026-03-09");
    expect(await history(loan.id)).toEqual(["pre-due@2026-02-27", "overdue-1@2026-03-09"]);
  });

  it("a branch closed for two weeks moves due dates to the reopening day", async () => {
    const t = await createTestLibrary(db, {
      branches: [{ name: "Meulebeke", openWeekdays: MONDAY_TO_SATURDAY }],
    });
    await t.closeBranch(t.branch, daysFrom("2026-07-06", "2026-07-18"), "Verbouwing");
    const patron = await t.patron();
    const dueInClosure = await t.loan(patron, { dueDate: "2026-07-08" });
    const dueLater = await t.loan(patron, { dueDate: "2026-07-15" });
    await runDays(t, "2026-07-01", "2026-07-27");
    // Both moved to Monday 20 July (Sunday 19 is closed every week): one notice on 27 July.
    expect(await history(dueInClosure.id)).toEqual(["overdue-1@2026-07-27"]);
    expect(await history(dueLater.id)).toEqual(["overdue-1@2026-07-27"]);
    const notices = await db.notice.findMany({ include: { loans: true } });
    expect(notices.map((n) => n.loans.length)).toEqual([2]);
  });

  it("a stage counted in open days skips Sundays and holidays", async () => {
    const t = await createTestLibrary(db, {
      branches: [{ name: "Meulebeke", openWeekdays: MONDAY_TO_SATURDAY }],
    });
    await t.overrideBranch(t.branch, "overdue-1", { dayCount: "open_days" });
    await t.closeBranch(t.branch, ["2026-03-05"]);
    // Due Monday 2 March; open days after it: 3, 4, 6, 7, 9, 10, 11 March.
    const loan = await t.loan(await t.patron(), { dueDate: "2026-03-02" });
    await runDays(t, "2026-03-02", "2026-03-11");
    expect(await history(loan.id)).toEqual(["overdue-1@2026-03-11"]);
  });

  it("an open-days stage never goes out on a closed day: a catch-up waits for the next open day", async () => {
    const t = await createTestLibrary(db, {
      branches: [{ name: "Meulebeke", openWeekdays: MONDAY_TO_SATURDAY }],
    });
    await t.overrideBranch(t.branch, "overdue-1", { dayCount: "open_days" });
    await t.overrideBranch(t.branch, "overdue-2", { dayCount: "open_days" });
    const loan = await t.loan(await t.patron(), { dueDate: "2026-03-02" });
    // No runs until Sunday 15 March (closed), then every day.
    await runDays(t, "2026-03-15", "2026-03-24");
    // Overdue 2 waits 7 open days after Monday 16: 17, 18, 19, 20, 21, 23, 24.
    expect(await history(loan.id)).toEqual(["overdue-1@2026-03-16", "overdue-2@2026-03-24"]);
  });

  it("a calendar-day stage may fall on a closed day (email needs no open desk)", async () => {
    const t = await createTestLibrary(db, {
      branches: [{ name: "Meulebeke", openWeekdays: MONDAY_TO_SATURDAY }],
    });
    const loan = await t.loan(await t.patron(), { dueDate: "2026-03-07" }); // a Saturday
    await runDays(t, "2026-03-07", "2026-03-14");
    expect(await history(loan.id)).toEqual(["overdue-1@2026-03-14"]);
  });

  it.each([
    ["spring", "2026-03-22", "2026-03-29"],
    ["autumn", "2026-10-18", "2026-10-25"],
  ])("the DST change weekend (%s) does not shift the overdue date", async (_, due, overdue) => {
    const t = await createTestLibrary(db);
    const loan = await t.loan(await t.patron(), { dueDate: due });
    await runDays(t, due, overdue);
    expect(await history(loan.id)).toEqual([`overdue-1@${overdue}`]);
    const [row] = await noticesOfLoan(db, loan.id);
    expect(row.dueDate).toBe(due);
  });

  it("a leap day due date: reminder on 26 February, overdue 1 on 7 March", async () => {
    const t = await createTestLibrary(db);
    const loan = await t.loan(await t.patron({ preDueOptIn: true }), { dueDate: "2028-02-29" });
    const before = await t.loan(await t.patron(), { dueDate: "2028-02-22" });
    await runDays(t, "2028-02-20", "2028-03-07");
    expect(await history(loan.id)).toEqual(["pre-due@2028-02-26", "overdue-1@2028-03-07"]);
    expect(await history(before.id)).toEqual(["overdue-1@2028-02-29", "overdue-2@2028-03-07"]);
  });

  it("each branch's own calendar counts for its loans", async () => {
    const t = await createTestLibrary(db, {
      branches: [
        { name: "Meulebeke", openWeekdays: MONDAY_TO_SATURDAY },
        { name: "Tielt", openWeekdays: MONDAY_TO_SATURDAY },
      ],
    });
    const [meulebeke, tielt] = t.branches;
    await t.closeBranch(tielt, ["2026-03-03"]);
    const patron = await t.patron();
    const atMeulebeke = await t.loan(patron, { dueDate: "2026-03-03", branch: meulebeke });
    const atTielt = await t.loan(patron, { dueDate: "2026-03-03", branch: tielt });
    await runDays(t, "2026-03-09", "2026-03-11");
    expect(await history(atMeulebeke.id)).toEqual(["overdue-1@2026-03-10"]);
    expect(await history(atTielt.id)).toEqual(["overdue-1@2026-03-11"]);
  });
});
