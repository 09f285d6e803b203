import { beforeEach, describe, expect, it } from "vitest";
import { addDays, type LocalDate, toDbDate } from "@/lib/dates";
import type { Channel, ChannelPreference, DayCount, EmailStatus } from "@/lib/generated/prisma/enums";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestLibrary, daysFrom } from "@/test/test-fixtures";
import { explainLoans } from "./explain-loans";
import { planNotices } from "./plan-notices";

const db = useTestDb();

/** A small deterministic PRNG (mulberry32), so a failure can be replayed from its seed. */
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

const PATRONS = 400;
const LOANS = 2000;
const DAYS = 25;

/**
 * The set-based planner (one SQL pass) and the per-loan rules (evaluateLoan, as explainLoans
 * runs them) must agree on every loan of every day. Generated data: thousands of loans at
 * branches with different weekly hours, closures of a day to two weeks, each branch counting
 * its stages in its own mix of open and calendar days, patrons of every kind, missed runs,
 * renewals and returns.
 */
describe("the SQL planner and the per-loan rules agree on generated data", () => {
  it.each([17])(
    `${LOANS} loans over ${DAYS} days with closures and mixed day counting (seed %i)`,
    async (seed) => {
      const rnd = random(seed);
      const start: LocalDate = "2026-06-20";
      const t = await createTestLibrary(db, {
        code: `A${seed}`,
        branches: [
          { name: "Meulebeke", openWeekdays: [1, 2, 3, 4, 5, 6, 7] },
          { name: "Tielt", openWeekdays: [1, 2, 3, 4, 5, 6] },
          { name: "Pittem", openWeekdays: [2, 3, 4, 5, 6] },
          { name: "Ardooie", openWeekdays: [1, 3, 5] },
        ],
      });
      const stageKeys = ["pre-due", "overdue-1", "overdue-2", "overdue-3", "overdue-4"];
      for (const branch of t.branches) {
        // a few single closed days and, for some, a closure of up to two weeks
        const closed = new Set<LocalDate>();
        for (let i = 0; i < 4; i++) closed.add(addDays(start, rnd.int(-30, DAYS)));
        if (rnd.chance(0.75)) {
          const from = addDays(start, rnd.int(-20, DAYS - 10));
          for (const day of daysFrom(from, addDays(from, rnd.int(3, 14)))) closed.add(day);
        }
        await t.closeBranch(branch, [...closed]);
        // its own mix of day counting, rising offsets, now and then a stage switched off
        let offset = 0;
        for (const key of stageKeys.slice(1)) {
          offset += rnd.int(3, 9);
          await t.overrideBranch(branch, key, {
            offsetDays: offset,
            dayCount: rnd.pick<DayCount>(["calendar", "open_days"]),
            enabled: rnd.chance(0.1) ? false : null,
            fallback: rnd.chance(0.15) ? "none" : null,
          });
        }
        await t.overrideBranch(branch, "pre-due", {
          offsetDays: -rnd.int(1, 5),
          dayCount: rnd.pick<DayCount>(["calendar", "open_days"]),
        });
      }

      const patronIds: number[] = [];
      for (let i = 0; i < PATRONS; i++) {
        const patron = await t.patron({
          email: rnd.chance(0.1) ? null : undefined,
          emailStatus: rnd.pick<EmailStatus>(["ok", "ok", "ok", "ok", "unknown", "soft_bouncing", "bounced"]),
          emailStatusAt: new Date("2026-05-10T12:00:00Z"),
          channelPreference: rnd.pick<ChannelPreference | null>([null, null, null, "letter", "email"]),
          preDueOptIn: rnd.chance(0.5),
          noticesPausedUntil: rnd.chance(0.05) ? addDays(start, rnd.int(0, DAYS)) : null,
          homeBranch: rnd.pick(t.branches),
        });
        if (rnd.chance(0.08)) {
          await t.overridePatron(patron, rnd.pick(stageKeys), {
            enabled: rnd.chance(0.5) ? false : null,
            channel: rnd.pick<Channel | null>([null, "email", "letter"]),
          });
        }
        patronIds.push(patron.id);
      }

      // Thousands of loans in two statements, not one by one.
      await db.item.createMany({
        data: Array.from({ length: LOANS }, (_, i) => ({
          libraryId: t.library.id,
          barcode: `A${seed}-I${i}`,
          title: `Boek ${i}`,
        })),
      });
      const items = await db.item.findMany({ where: { libraryId: t.library.id }, orderBy: { id: "asc" } });
      await db.loan.createMany({
        data: items.map((item, i) => {
          const dueDate = addDays(start, rnd.int(-45, DAYS));
          return {
            libraryId: t.library.id,
            ilsLoanId: `A${seed}-L${i}`,
            patronId: rnd.pick(patronIds),
            itemId: item.id,
            branchId: rnd.pick(t.branches).id,
            loanedAt: new Date(`${addDays(dueDate, -21)}T10:00:00Z`),
            dueDate: toDbDate(dueDate),
          };
        }),
      });
      const loanIds = (
        await db.loan.findMany({
          where: { libraryId: t.library.id },
          select: { id: true },
          orderBy: { id: "asc" },
        })
      ).map((loan) => loan.id);

      let compared = 0;
      const stagesSeen = new Set<string>();
      for (const date of daysFrom(start, addDays(start, DAYS))) {
        for (let i = 0; i < 15; i++) {
          if (rnd.chance(0.5)) await t.renew(rnd.pick(loanIds), addDays(date, rnd.int(3, 28)));
          else await t.returnLoan(rnd.pick(loanIds));
        }

        const plan = await planNotices(db, { libraryId: t.library.id, date, dryRun: true });
        const fromPlanner = new Map(
          plan.notices.flatMap((n) =>
            n.loans.map((l) => [l.loanId, `${n.stageKey} ${n.channel} ${n.reason.code}`] as const),
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
        // Compared loan by loan, so that a failure names the loans that differ.
        const differ = [...new Set([...fromPlanner.keys(), ...fromRules.keys()])]
          .filter((loanId) => fromPlanner.get(loanId) !== fromRules.get(loanId))
          .map((loanId) => {
            const explained = explanations.find((e) => e.loanId === loanId);
            return {
              loanId,
              planner: fromPlanner.get(loanId),
              rules: fromRules.get(loanId),
              why: explained?.evaluation?.stages.map((s) => `${s.key} ${s.status} ${s.date}`),
            };
          });
        expect(differ, `seed ${seed}, on ${date}`).toEqual([]);
        compared += fromPlanner.size;
        for (const value of fromPlanner.values()) stagesSeen.add(value.split(" ")[0]);

        // Some days the run does not happen: the next one must catch up.
        if (!rnd.chance(0.15)) await planNotices(db, { libraryId: t.library.id, date });
      }
      // the comparison covered many notices, at every stage
      expect(compared).toBeGreaterThan(2000);
      expect([...stagesSeen].sort()).toEqual([...stageKeys].sort());
    },
    600_000,
  );
});
