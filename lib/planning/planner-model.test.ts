import { beforeEach, describe, expect, it } from "vitest";
import { addDays, type LocalDate } from "@/lib/dates";
import type { Channel, ChannelPreference, EmailStatus } from "@/lib/generated/prisma/enums";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestLibrary, daysFrom } from "@/test/test-fixtures";
import { explainLoans } from "./explain-loans";
import { planNotices } from "./plan-notices";

const db = useTestDb();

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, pick, int, chance: (p: number) => next() < p };
}

beforeEach(() => resetDatabase(db));

describe("the set-based planner and the per-loan rules agree", () => {
  it.each([1, 2])(
    "on a random library over 50 days with missed runs, renewals and returns (seed %i)",
    async (seed) => {
      const rnd = random(seed);
      const start: LocalDate = "2026-03-01";
      const t = await createTestLibrary(db, {
        code: `R${seed}`,
        branches: [
          { name: "Meulebeke", openWeekdays: [1, 2, 3, 4, 5, 6, 7] },
          { name: "Tielt", openWeekdays: [1, 2, 3, 4, 5, 6] },
          { name: "Pittem", openWeekdays: [2, 3, 4, 5, 6] },
        ],
      });
      const [meulebeke, tielt, pittem] = t.branches;
      await t.closeBranch(meulebeke, ["2026-04-06", "2026-05-01", "2026-05-14"]);
      await t.closeBranch(tielt, ["2026-03-19", "2026-03-20", "2026-04-06", "2026-04-07"]);
      await t.closeBranch(pittem, daysFrom("2026-03-16", "2026-03-27"), "Verbouwing");
      await t.overrideBranch(tielt, "overdue-1", { dayCount: "open_days", offsetDays: 6 });
      await t.overrideBranch(tielt, "overdue-2", { dayCount: "open_days", offsetDays: 12 });
      await t.overrideBranch(pittem, "pre-due", { enabled: false });
      await t.overrideBranch(pittem, "overdue-3", { channel: "email", fallback: "letter" });
      await t.overrideBranch(meulebeke, "overdue-2", { fallback: "none" });

      const patrons = [];
      for (let i = 0; i < 24; i++) {
        const patron = await t.patron({
          email: rnd.chance(0.15) ? null : undefined,
          emailStatus: rnd.pick<EmailStatus>([
            "ok",
            "ok",
            "ok",
            "unknown",
            "soft_bouncing",
            "bounced",
            "complained",
          ]),
          emailStatusAt: new Date("2026-02-10T12:00:00Z"),
          channelPreference: rnd.pick<ChannelPreference | null>([null, null, null, "letter", "email"]),
          preDueOptIn: rnd.chance(0.5),
          noticesPausedUntil: rnd.chance(0.15) ? addDays(start, rnd.int(0, 30)) : null,
          homeBranch: rnd.pick(t.branches),
        });
        if (rnd.chance(0.2)) {
          await t.overridePatron(patron, rnd.pick(["pre-due", "overdue-1", "overdue-2", "overdue-3"]), {
            enabled: rnd.chance(0.5) ? false : null,
            channel: rnd.pick<Channel | null>([null, "email", "letter"]),
          });
        }
        patrons.push(patron);
      }
      const loanIds: number[] = [];
      for (let i = 0; i < 70; i++) {
        const loan = await t.loan(rnd.pick(patrons), {
          dueDate: addDays(start, rnd.int(-30, 35)),
          branch: rnd.pick(t.branches),
        });
        loanIds.push(loan.id);
      }

      let compared = 0;
      for (const date of daysFrom(start, addDays(start, 50))) {
        if (rnd.chance(0.1)) await t.renew(rnd.pick(loanIds), addDays(date, rnd.int(7, 28)));
        if (rnd.chance(0.1)) await t.returnLoan(rnd.pick(loanIds));

        const plan = await planNotices(db, { libraryId: t.library.id, date, dryRun: true });
        const fromPlanner = new Map(
          plan.notices.flatMap((n) =>
            n.loans.map((l) => [l.loanId, `${n.stageKey} ${n.channel} ${n.reason.code}`]),
          ),
        );
        const explanations = await explainLoans(db, { libraryId: t.library.id, loanIds, date });
        const fromRules = new Map(
          explanations.flatMap((e) => {
            const notice = e.evaluation?.notice;
            if (!notice) return [];
            const key = e.evaluation!.stages.find((s) => s.stageId === notice.stageId)!.key;
            return [[e.loanId, `${key} ${notice.channel} ${notice.choice.reason.code}`] as const];
          }),
        );
        expect(Object.fromEntries(fromPlanner), `on ${date}`).toEqual(Object.fromEntries(fromRules));
        compared += fromPlanner.size;

        // Some days the run does not happen: the next one must catch up.
        if (!rnd.chance(0.15)) await planNotices(db, { libraryId: t.library.id, date });
      }
      expect(compared).toBeGreaterThan(40);
    },
    120_000,
  );
});

describe("explainLoans", () => {
  it("explains a loan stage by stage: what went out, what is due today, what waits and until when", async () => {
    const t = await createTestLibrary(db);
    const loan = await t.loan(await t.patron({ email: null }), { dueDate: "2026-03-01" });
    await planNotices(db, { libraryId: t.library.id, date: "2026-03-12" });

    const [today] = await explainLoans(db, {
      libraryId: t.library.id,
      loanIds: [loan.id],
      date: "2026-03-15",
    });
    expect(today.evaluation?.notice).toBeNull();
    expect(today.evaluation?.stages.map((s) => [s.key, s.status, s.date])).toEqual([
      ["pre-due", "passed", null],
      ["overdue-1", "noticed", "2026-03-12"],
      ["overdue-2", "waiting", "2026-03-19"],
      ["overdue-3", "waiting", "2026-03-26"],
      ["overdue-4", "waiting", "2026-04-02"],
    ]);

    const [later] = await explainLoans(db, {
      libraryId: t.library.id,
      loanIds: [loan.id],
      date: "2026-03-19",
    });
    const due = later.evaluation?.stages.find((s) => s.status === "due");
    expect(due).toMatchObject({ key: "overdue-2", channel: "letter", reason: { code: "email_impossible" } });
  });

  it("says a returned loan gets nothing", async () => {
    const t = await createTestLibrary(db);
    const loan = await t.loan(await t.patron(), {
      dueDate: "2026-03-01",
      returnedAt: new Date("2026-03-05T10:00:00Z"),
    });
    const [explained] = await explainLoans(db, {
      libraryId: t.library.id,
      loanIds: [loan.id],
      date: "2026-03-15",
    });
    expect(explained).toMatchObject({ returned: true, evaluation: null });
  });
});
