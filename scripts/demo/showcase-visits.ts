import type { Channel } from "@/lib/generated/prisma/enums";
import type { DemoPatron } from "./demo-patrons";
import { DEMO_BRANCH_OVERRIDES, DEMO_NOTICE_STAGES } from "./notice-stages";

type PatronTest = (patron: DemoPatron, homeBranchCode: string) => boolean;

/**
 * A visit placed on purpose, so that on `today` every stage has work and every situation staff
 * must recognise is on screen, whatever the seed and scale.
 */
export type ShowcaseVisit = {
  why: string;
  /** the due date, in days from today */
  dueDay: number;
  patron: PatronTest;
  items: number;
  renewals?: number;
  /** the first item is reserved by someone else, so it cannot be renewed */
  reserved?: boolean;
  /** the patron also borrowed at another branch, due the same day: one notice per branch */
  alsoAtAnotherBranch?: boolean;
  /** a patron-level stage setting for this patron */
  patronSetting?: { stage: string; enabled?: boolean; channel?: Channel };
};

const emailWorks: PatronTest = (p) =>
  p.email !== null &&
  (p.emailStatus === "ok" || p.emailStatus === "unknown") &&
  p.channelPreference !== "letter" &&
  p.pausedUntilDay === null;

export function showcaseVisits(): ShowcaseVisit[] {
  const preDueDays = -stageOffset("pre-due");
  const weekAhead = DEMO_BRANCH_OVERRIDES.find((o) => o.stage === "pre-due" && "offsetDays" in o);
  const weekAheadBranch = weekAhead?.branch;
  const weekAheadDays = weekAhead && "offsetDays" in weekAhead ? -weekAhead.offsetDays : preDueDays;
  const preDueReady: PatronTest = (p, home) =>
    emailWorks(p, home) && p.preDueOptIn && home !== weekAheadBranch;
  const preDueReadyWeekAhead: PatronTest = (p, home) =>
    emailWorks(p, home) && p.preDueOptIn && home === weekAheadBranch;

  const visits: ShowcaseVisit[] = [
    { why: "pre-due digest of three items", dueDay: preDueDays, patron: preDueReady, items: 3 },
    {
      why: "pre-due in French",
      dueDay: preDueDays,
      patron: (p, home) => preDueReady(p, home) && p.language === "fr",
      items: 1,
    },
    {
      why: "pre-due in English",
      dueDay: preDueDays,
      patron: (p, home) => preDueReady(p, home) && p.language === "en",
      items: 1,
    },
    {
      why: "pre-due with a reserved item",
      dueDay: preDueDays,
      patron: preDueReady,
      items: 2,
      reserved: true,
    },
    {
      why: "not opted in: no pre-due reminder",
      dueDay: preDueDays,
      patron: (p, home) => emailWorks(p, home) && !p.preDueOptIn,
      items: 1,
    },
    {
      why: "opted in, but pre-due reminders switched off for this patron",
      dueDay: preDueDays,
      patron: preDueReady,
      items: 1,
      patronSetting: { stage: "pre-due", enabled: false },
    },
    {
      why: "the branch that warns a week ahead",
      dueDay: weekAheadDays,
      patron: preDueReadyWeekAhead,
      items: 2,
    },
    {
      why: "the branch that warns a week ahead",
      dueDay: weekAheadDays,
      patron: preDueReadyWeekAhead,
      items: 1,
    },
  ];

  for (const stage of DEMO_NOTICE_STAGES.filter((s) => s.kind === "overdue")) {
    const dueDay = -stage.offsetDays;
    visits.push(
      { why: `${stage.key}: email digest`, dueDay, patron: emailWorks, items: 2 },
      { why: `${stage.key}: renewed once`, dueDay, patron: emailWorks, items: 1, renewals: 1 },
      { why: `${stage.key}: dead address`, dueDay, patron: (p) => p.emailStatus === "bounced", items: 1 },
      {
        why: `${stage.key}: malformed address`,
        dueDay,
        patron: (p) => p.emailStatus === "invalid",
        items: 1,
      },
      {
        why: `${stage.key}: no email address`,
        dueDay,
        patron: (p) => p.email === null && p.channelPreference === null && p.pausedUntilDay === null,
        items: 2,
      },
      {
        why: `${stage.key}: prefers letters`,
        dueDay,
        patron: (p) => p.email !== null && p.emailStatus === "ok" && p.channelPreference === "letter",
        items: 1,
      },
    );
  }

  const firstOverdue = -stageOffset("overdue-1");
  visits.push(
    {
      why: "overdue at two branches on the same day",
      dueDay: firstOverdue,
      patron: emailWorks,
      items: 1,
      alsoAtAnotherBranch: true,
    },
    {
      why: "overdue while notices are paused",
      dueDay: firstOverdue,
      patron: (p) => p.pausedUntilDay !== null,
      items: 1,
    },
    {
      why: "first notice by letter at the patron's request",
      dueDay: firstOverdue,
      patron: emailWorks,
      items: 1,
      patronSetting: { stage: "overdue-1", channel: "letter" },
    },
  );
  return visits;
}

function stageOffset(key: string): number {
  const stage = DEMO_NOTICE_STAGES.find((s) => s.key === key);
  if (!stage) throw new Error(`No demo stage "${key}"`);
  return stage.offsetDays;
}
