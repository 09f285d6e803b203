import { beforeEach, describe, expect, it } from "vitest";
import { createBranchCalendar } from "@/lib/calendar/branch-calendar";
import type { LocalDate } from "@/lib/dates";
import type { DayCount } from "@/lib/generated/prisma/enums";
import { DEFAULT_NOTICE_STAGES } from "@/lib/settings/default-stages";
import type { EffectiveStage } from "@/lib/settings/stage-settings";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestLibrary, daysFrom, EVERY_DAY, noticesOfLoan } from "@/test/test-fixtures";
import { evaluateLoan, type LoanHistoryEntry } from "./evaluate-loan";
import { planNotices } from "./plan-notices";

const db = useTestDb();
beforeEach(() => resetDatabase(db));

/** Two weeks closed, Monday 6 to Sunday 19 July 2026; the branch is open every other day. */
const CLOSED_TWO_WEEKS = daysFrom("2026-07-06", "2026-07-19");

type Timing = { offsetDays?: number; dayCount?: DayCount };
type Case = {
  name: string;
  /** the branch's overrides, per stage key */
  timings: Record<string, Timing>;
  closed: LocalDate[];
  dueDate: LocalDate;
  preDueOptIn?: boolean;
  /** the days the daily run happens */
  runs: LocalDate[];
  /** what the loan gets, "stage@day" */
  expected: string[];
};

const cases: Case[] = [
  {
    // The example. Overdue 1 counts 7 open days from Friday 3 July: 4, 5, then 20 to
    // 24 July. Overdue 2's own date (+14 calendar days, 17 July) falls inside the closure,
    // before it: it used to go out then, and overdue 1 never did.
    name: "overdue 1 at +7 open days, overdue 2 at +14 calendar days, closed two weeks: overdue 1 first, every stage once",
    timings: { "overdue-1": { dayCount: "open_days" } },
    closed: CLOSED_TWO_WEEKS,
    dueDate: "2026-07-03",
    runs: daysFrom("2026-07-01", "2026-08-20"),
    // overdue 2 a full interval (7 calendar days) after overdue 1, and so on
    expected: [
      "overdue-1@2026-07-24",
      "overdue-2@2026-07-31",
      "overdue-3@2026-08-07",
      "overdue-4@2026-08-14",
    ],
  },
  {
    // The mirror image: overdue 1 in calendar days goes inside the closure (email needs no
    // open desk); overdue 2 counts 14 open days (31 July). Overdue 3's own date (+21
    // calendar days, 24 July) now comes before overdue 2's: it waits for it.
    name: "overdue 1 at +7 calendar days, overdue 2 at +14 open days, closed two weeks: overdue 3 waits for overdue 2",
    timings: { "overdue-2": { dayCount: "open_days" } },
    closed: CLOSED_TWO_WEEKS,
    dueDate: "2026-07-03",
    runs: daysFrom("2026-07-01", "2026-08-20"),
    expected: [
      "overdue-1@2026-07-10",
      "overdue-2@2026-07-31",
      "overdue-3@2026-08-07",
      "overdue-4@2026-08-14",
    ],
  },
  {
    name: "the same example with the runs stopped during the closure: still overdue 1 first",
    timings: { "overdue-1": { dayCount: "open_days" } },
    closed: CLOSED_TWO_WEEKS,
    dueDate: "2026-07-03",
    runs: [...daysFrom("2026-07-01", "2026-07-05"), ...daysFrom("2026-07-27", "2026-08-20")],
    expected: [
      "overdue-1@2026-07-27",
      "overdue-2@2026-08-03",
      "overdue-3@2026-08-10",
      "overdue-4@2026-08-17",
    ],
  },
  {
    name: "no closure, no mix: the stages on their own dates",
    timings: {},
    closed: [],
    dueDate: "2026-07-03",
    runs: daysFrom("2026-06-25", "2026-08-05"),
    preDueOptIn: true,
    expected: [
      "pre-due@2026-06-30",
      "overdue-1@2026-07-10",
      "overdue-2@2026-07-17",
      "overdue-3@2026-07-24",
      "overdue-4@2026-07-31",
    ],
  },
  {
    // Intervals are between overdue stages only: a reminder sent on the due date itself
    // (the runs before it were missed) leaves overdue 1 on its own date.
    name: "a pre-due reminder sent late, on the due date, does not delay overdue 1",
    timings: {},
    closed: [],
    dueDate: "2026-07-03",
    runs: daysFrom("2026-07-03", "2026-07-12"),
    preDueOptIn: true,
    expected: ["pre-due@2026-07-03", "overdue-1@2026-07-10"],
  },
  {
    // The full interval between overdue stages: overdue 1 went out late (+12), so overdue 2
    // waits its 7 days after it (+19), not its own date (+14).
    name: "overdue 1 sent late puts overdue 2 a full interval after it",
    timings: {},
    closed: [],
    dueDate: "2026-07-03",
    runs: daysFrom("2026-07-15", "2026-07-23"),
    expected: ["overdue-1@2026-07-15", "overdue-2@2026-07-22"],
  },
];

/** The library's default stages with a branch's timings on top, as the planner sees them. */
function stagesWith(timings: Record<string, Timing>): EffectiveStage[] {
  return DEFAULT_NOTICE_STAGES.map((stage, index) => ({
    ...stage,
    ...timings[stage.key],
    stageId: index + 1,
    channelLevel: "system",
  }));
}

/** The per-loan rules run day by day on their own (no database), keeping the loan's history. */
function simulateModel(c: Case): string[] {
  const stages = stagesWith(c.timings);
  const calendar = createBranchCalendar({ openWeekdays: EVERY_DAY, closedDays: c.closed });
  const history: LoanHistoryEntry[] = [];
  for (const date of c.runs) {
    const { notice } = evaluateLoan({
      date,
      dueDate: c.dueDate,
      stages,
      calendar,
      history,
      patron: {
        email: "lener@example.be",
        emailStatus: "ok",
        emailStatusDate: null,
        channelPreference: null,
        preDueOptIn: c.preDueOptIn ?? false,
        noticesPausedUntil: null,
      },
      patronOverrides: [],
    });
    if (notice) history.push({ stageId: notice.stageId, planDate: date });
  }
  return history.map((entry) => `${stages.find((s) => s.stageId === entry.stageId)!.key}@${entry.planDate}`);
}

describe("a stage is never skipped and never overtaken", () => {
  it.each(cases)("$name", async (c) => {
    const t = await createTestLibrary(db);
    await t.closeBranch(t.branch, c.closed);
    for (const [key, timing] of Object.entries(c.timings)) await t.overrideBranch(t.branch, key, timing);
    const loan = await t.loan(await t.patron({ preDueOptIn: c.preDueOptIn ?? false }), {
      dueDate: c.dueDate,
    });
    for (const date of c.runs) await planNotices(db, { libraryId: t.library.id, date });

    const planned = (await noticesOfLoan(db, loan.id)).map((n) => `${n.stage}@${n.planDate}`);
    expect(planned, "the planner").toEqual(c.expected);
    expect(simulateModel(c), "the per-loan rules").toEqual(c.expected);
  });
});

describe("evaluateLoan says why a later stage waits", () => {
  it("a later stage whose own date came before an earlier one's is held back behind it", () => {
    const stages = stagesWith({ "overdue-1": { dayCount: "open_days" } });
    const evaluation = evaluateLoan({
      date: "2026-07-18",
      dueDate: "2026-07-03",
      stages,
      calendar: createBranchCalendar({ openWeekdays: EVERY_DAY, closedDays: CLOSED_TWO_WEEKS }),
      history: [],
      patron: {
        email: "lener@example.be",
        emailStatus: "ok",
        emailStatusDate: null,
        channelPreference: null,
        preDueOptIn: false,
        noticesPausedUntil: null,
      },
      patronOverrides: [],
    });
    expect(evaluation.notice).toBeNull();
    expect(evaluation.stages.map((s) => [s.key, s.status, s.date])).toEqual([
      ["pre-due", "expired", "2026-06-30"],
      ["overdue-1", "waiting", "2026-07-24"],
      ["overdue-2", "after_earlier", "2026-07-17"],
      ["overdue-3", "waiting", "2026-07-24"],
      ["overdue-4", "waiting", "2026-07-31"],
    ]);
  });
});
