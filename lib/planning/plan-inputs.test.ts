import { describe, expect, it } from "vitest";
import { createBranchCalendar } from "@/lib/calendar/branch-calendar";
import { DEFAULT_NOTICE_STAGES } from "@/lib/settings/default-stages";
import type { LibrarySettings } from "@/lib/settings/stage-settings";
import {
  buildPlanInputs,
  decisionIndex,
  decodeDecision,
  EMAIL_PROBLEMS,
  PATRON_STAGE_CHANNELS,
  PREFERENCES,
} from "./plan-inputs";

const settings: LibrarySettings = {
  libraryId: 1,
  timeZone: "Europe/Brussels",
  stages: DEFAULT_NOTICE_STAGES.map((stage, index) => ({
    ...stage,
    id: index + 1,
    updatedAt: null,
    updatedById: null,
  })),
  branches: [{ id: 7, name: "Meulebeke", openWeekdays: [1, 2, 3, 4, 5, 6] }],
  branchOverrides: [{ stageId: 2, branchId: 7, dayCount: "open_days", updatedAt: null, updatedById: null }],
};
const calendars = new Map([
  [7, createBranchCalendar({ openWeekdays: [1, 2, 3, 4, 5, 6], closedDays: ["2026-03-05"] })],
]);

describe("buildPlanInputs", () => {
  it("every decision-table entry decodes back to the profile and facts it was made from", () => {
    for (const profile of [1, 2, 5])
      for (const paused of [false, true])
        for (const optedIn of [false, true])
          for (const problem of EMAIL_PROBLEMS)
            for (const preference of PREFERENCES)
              for (const stageChannel of PATRON_STAGE_CHANNELS) {
                const facts = { paused, optedIn, problem, preference, stageChannel };
                expect(decodeDecision(decisionIndex(profile, facts))).toEqual({ profile, facts });
              }
  });

  it("turns stage dates into due-date bounds for the planned day", () => {
    // Tuesday 10 March 2026; the branch is closed on Sundays and on 5 March.
    const inputs = buildPlanInputs(settings, calendars, "2026-03-10");
    const byKey = Object.fromEntries(inputs.bounds.map((b) => [b.stage.key, b]));
    // A pre-due reminder: due from today (the due date itself) up to 3 days ahead.
    expect(byKey["pre-due"]).toMatchObject({ windowStart: "2026-03-10", reachDue: "2026-03-13" });
    // Overdue 1 counts 7 open days: due on or before Saturday 28 February (2, 3, 4, 6, 7, 9, 10 March).
    expect(byKey["overdue-1"]).toMatchObject({
      reachDue: "2026-02-28",
      allowedToday: true,
      windowStart: "-infinity",
    });
    // Overdue 2 counts calendar days: due on or before 24 February.
    expect(byKey["overdue-2"]).toMatchObject({ reachDue: "2026-02-24" });
    expect(inputs.maxReachDue).toBe("2026-03-13");
  });

  it("an open-days stage may not go out on a day the branch is closed", () => {
    const inputs = buildPlanInputs(settings, calendars, "2026-03-08"); // a Sunday
    const byKey = Object.fromEntries(inputs.bounds.map((b) => [b.stage.key, b]));
    expect(byKey["overdue-1"].allowedToday).toBe(false);
    expect(byKey["overdue-2"].allowedToday).toBe(true);
  });
});
