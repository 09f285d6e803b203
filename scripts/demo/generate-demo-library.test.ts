import { beforeAll, describe, expect, it } from "vitest";
import { addDays, daysBetween, fromDbDate, type LocalDate, toDbDate } from "@/lib/dates";
import { planNotices } from "@/lib/planning/plan-notices";
import { resetDatabase, useTestDb } from "@/test/db";
import { belgianPublicHolidays } from "./belgian-holidays";
import { ensureDemoLibrary } from "./ensure-demo-library";
import { generateDemoLibrary } from "./generate-demo-library";

const db = useTestDb();
const today: LocalDate = "2026-11-30";

/** Open loans due on `dueDate`, of patrons a notice can reach by email. */
function openLoansDue(libraryId: number, dueDate: LocalDate, patron: { preDueOptIn?: boolean } = {}) {
  return db.loan.count({
    where: {
      libraryId,
      returnedAt: null,
      dueDate: toDbDate(dueDate),
      patron: {
        ...patron,
        email: { not: null },
        emailStatus: { in: ["ok", "unknown"] },
        OR: [{ channelPreference: null }, { channelPreference: "email" }],
        noticesPausedUntil: null,
      },
    },
  });
}

/** A library's patrons and loans with every id replaced by the row's natural key. */
async function snapshot(libraryId: number) {
  const patrons = await db.patron.findMany({
    where: { libraryId },
    orderBy: { id: "asc" },
    include: { homeBranch: { select: { ilsCode: true } } },
    omit: { id: true, libraryId: true, homeBranchId: true },
  });
  const loans = await db.loan.findMany({
    where: { libraryId },
    orderBy: { id: "asc" },
    include: {
      patron: { select: { cardNumber: true } },
      item: { select: { barcode: true, title: true } },
      branch: { select: { ilsCode: true } },
    },
    omit: { id: true, libraryId: true, patronId: true, itemId: true, branchId: true },
  });
  return { patrons, loans };
}

describe("the demo library", () => {
  let demo: Awaited<ReturnType<typeof ensureDemoLibrary>>;

  beforeAll(async () => {
    await resetDatabase(db);
    demo = await ensureDemoLibrary(db, { today });
  });

  it("has work for every notice stage on today", async () => {
    const { libraryId } = demo;
    expect(await openLoansDue(libraryId, addDays(today, 3), { preDueOptIn: true })).toBeGreaterThanOrEqual(5);
    // Harelbeke's branch setting sends its pre-due reminder a week ahead.
    const weekAhead = await db.loan.count({
      where: {
        libraryId,
        returnedAt: null,
        dueDate: toDbDate(addDays(today, 7)),
        branch: { ilsCode: "HAR" },
        patron: { preDueOptIn: true, emailStatus: { in: ["ok", "unknown"] } },
      },
    });
    expect(weekAhead).toBeGreaterThan(0);
    for (const daysOverdue of [7, 14, 21, 28]) {
      const dueDate = addDays(today, -daysOverdue);
      expect(await openLoansDue(libraryId, dueDate), `by email, ${daysOverdue} days overdue`).toBeGreaterThan(
        0,
      );
      const toDeadAddress = await db.loan.count({
        where: {
          libraryId,
          returnedAt: null,
          dueDate: toDbDate(dueDate),
          patron: { emailStatus: "bounced" },
        },
      });
      expect(toDeadAddress, `to a dead address, ${daysOverdue} days overdue`).toBeGreaterThan(0);
    }
    const dueLater = await db.loan.count({
      where: { libraryId, returnedAt: null, dueDate: { gt: toDbDate(today) } },
    });
    const longOverdue = await db.loan.count({
      where: { libraryId, returnedAt: null, dueDate: { lt: toDbDate(addDays(today, -35)) } },
    });
    expect(dueLater).toBeGreaterThan(1000);
    expect(longOverdue).toBeGreaterThan(0);
  });

  it("has a year of simulated history: rendered, delivered, bounced, printed and posted", async () => {
    const { libraryId } = demo;
    const runs = await db.sendRun.findMany({ where: { libraryId }, orderBy: { planDate: "asc" } });
    // one run a day for the last 28 days, also on the days it found nothing to send; before
    // that one run a week, on Mondays, back to today-365
    const runDays: LocalDate[] = [];
    for (let offset = 365; offset >= 1; offset--) {
      const day = addDays(today, -offset);
      if (offset <= 28 || new Date(`${day}T12:00:00Z`).getUTCDay() === 1) runDays.push(day);
    }
    expect(runs.map((run) => fromDbDate(run.planDate))).toEqual(runDays);
    expect(runs.every((run) => run.status === "succeeded")).toBe(true);
    expect(runs.reduce((sum, run) => sum + run.planned, 0)).toBe(
      await db.notice.count({ where: { libraryId, planDate: { lt: toDbDate(today) } } }),
    );

    const notices = await db.notice.findMany({
      where: { libraryId },
      include: { events: true, letters: true, stage: true, patron: { include: { flags: true } } },
    });
    expect(notices.length).toBeGreaterThan(100);
    for (const notice of notices) {
      expect(notice.renderedAt, `notice ${notice.id} rendered`).not.toBeNull();
      expect(notice.content).not.toBeNull();
      expect(notice.sendRunId).not.toBeNull();
      if (notice.channel === "email") {
        // emails of the last four weeks are stored as sent; older ones keep their content
        if (fromDbDate(notice.planDate) >= addDays(today, -28))
          expect(notice.html).toContain(notice.patron.firstName);
        expect(notice.events.map((e) => e.type)).toContain("email.sent");
      } else {
        expect(notice.status).toBe("sent");
        expect(notice.letters.every((l) => l.status === "posted" && l.postedAt !== null)).toBe(true);
        expect(notice.events.map((e) => e.type)).toEqual(["letter.printed", "letter.posted"]);
      }
    }
    expect(notices.filter((n) => n.status === "delivered").length).toBeGreaterThan(50);
    const bounced = notices.filter((n) => n.status === "bounced");
    expect(bounced.length).toBeGreaterThan(0);
    for (const notice of bounced) {
      expect(notice.events.find((e) => e.type === "email.bounced")).toMatchObject({
        bounceType: "Permanent",
      });
      expect(notice.patron.emailStatus).toBe("bounced");
      expect(notice.patron.flags).toContainEqual(
        expect.objectContaining({
          kind: "email_bounced",
          message: expect.stringContaining(notice.recipientEmail!),
        }),
      );
      // a pre-due reminder only flags the address; an overdue notice follows as a letter
      if (notice.stage.fallback === "none") expect(notice.letters).toEqual([]);
      else expect(notice.letters).toMatchObject([{ reason: "email_bounced", status: "posted" }]);
    }
    // The statistics are those the daily runs would have left: every notice of the year counted.
    const figures = await db.noticeDayFigure.aggregate({ where: { libraryId }, _sum: { notices: true } });
    expect(figures._sum.notices).toBe(
      await db.notice.count({
        where: { libraryId, planDate: { lt: toDbDate(today) }, status: { not: "cancelled" } },
      }),
    );
    // The loans returned during these weeks were out when their notices went: returned again now.
    expect(await db.loan.count({ where: { libraryId, returnedAt: null } })).toBe(demo.counts.openLoans);
  });

  it("simulates the same history for the same seed", async () => {
    const small = { today, seed: 7, patrons: 400, loans: 1_200 };
    const story = async (libraryCode: string) => {
      const { libraryId } = await ensureDemoLibrary(db, { ...small, libraryCode });
      const notices = await db.notice.findMany({
        where: { libraryId },
        orderBy: { id: "asc" },
        include: {
          stage: { select: { key: true } },
          patron: { select: { cardNumber: true, emailStatus: true } },
          events: { orderBy: { id: "asc" }, select: { type: true, occurredAt: true } },
          letters: { select: { reason: true, status: true, printedAt: true } },
        },
      });
      // in the order of their keys: two identical libraries may get one day's notices written in
      // another order (their ids), the history is the same
      return notices
        .map((n) => ({
          key: `${n.stage.key} ${n.patron.cardNumber} ${fromDbDate(n.planDate)} ${n.channel} ${n.status}`,
          subject: n.subject,
          emailStatus: n.patron.emailStatus,
          events: n.events,
          letters: n.letters,
        }))
        .sort((a, b) => a.key.localeCompare(b.key));
    };
    const first = await story("hist-a");
    expect(first.length).toBeGreaterThan(10);
    expect(await story("hist-b")).toEqual(first);
  });

  it("still plans every stage today, after the history", async () => {
    const plan = await planNotices(db, { libraryId: demo.libraryId, date: today, dryRun: true });
    expect(plan.byStage.map((s) => s.stageKey).sort()).toEqual([
      "overdue-1",
      "overdue-2",
      "overdue-3",
      "overdue-4",
      "pre-due",
    ]);
  });

  it("is created once when ensured twice, and reports the same counts", async () => {
    const again = await ensureDemoLibrary(db, { today });
    expect(demo.created).toBe(true);
    expect(again).toEqual({ ...demo, created: false });
    expect(await db.library.count({ where: { code: "demo" } })).toBe(1);
    expect(demo.counts).toMatchObject({ branches: 3, noticeStages: 5, patrons: 3_000, loans: 8_000 });
  });

  it("gives about 70% of patrons an email, some of them dead or malformed and flagged", async () => {
    const patrons = await db.patron.findMany({
      where: { libraryId: demo.libraryId },
      select: { email: true, emailStatus: true, language: true, preDueOptIn: true, flags: true },
    });
    const withEmail = patrons.filter((p) => p.email !== null);
    expect(withEmail.length / patrons.length).toBeGreaterThan(0.65);
    expect(withEmail.length / patrons.length).toBeLessThan(0.75);
    expect(patrons.filter((p) => p.preDueOptIn).length / withEmail.length).toBeGreaterThan(0.2);

    const dead = patrons.filter((p) => p.emailStatus === "bounced");
    expect(dead.length).toBeGreaterThan(5);
    for (const patron of dead) {
      expect(patron.flags).toContainEqual(
        expect.objectContaining({
          kind: "email_bounced",
          resolvedAt: null,
          message: expect.stringContaining(patron.email ?? ""),
        }),
      );
    }
    const malformed = patrons.filter((p) => p.emailStatus === "invalid");
    expect(malformed.length).toBeGreaterThan(5);
    const plausibleEmail = /^[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/;
    for (const patron of malformed) expect(patron.email).not.toMatch(plausibleEmail);
    for (const patron of withEmail.filter((p) => p.emailStatus === "ok"))
      expect(patron.email).toMatch(plausibleEmail);

    const share = (language: string) =>
      patrons.filter((p) => p.language === language).length / patrons.length;
    expect(share("nl")).toBeGreaterThan(0.8);
    expect(share("fr")).toBeGreaterThan(0.06);
    expect(share("en")).toBeGreaterThan(0.02);
  });

  it("lends realistically: digests, two branches, renewals, reservations, no copy out twice", async () => {
    const { libraryId } = demo;
    const [stats] = await db.$queryRaw<Record<string, number>[]>`
      SELECT
        (SELECT count(*) FROM (SELECT 1 FROM "Loan" WHERE "libraryId" = ${libraryId} AND "returnedAt" IS NULL
          GROUP BY "patronId", "branchId", "dueDate" HAVING count(*) > 1) d)::int AS "digests",
        (SELECT count(*) FROM (SELECT 1 FROM "Loan" WHERE "libraryId" = ${libraryId}
          GROUP BY "patronId" HAVING count(DISTINCT "branchId") > 1) b)::int AS "twoBranchPatrons",
        (SELECT count(*) FROM "Loan" WHERE "libraryId" = ${libraryId} AND "renewalCount" > 0)::int AS "renewed",
        (SELECT count(*) FROM "Loan" WHERE "libraryId" = ${libraryId} AND "reserved")::int AS "reserved",
        (SELECT count(*) FROM "Loan" WHERE "libraryId" = ${libraryId} AND "returnedAt" IS NOT NULL)::int AS "returned",
        (SELECT count(*) FROM "Loan" WHERE "libraryId" = ${libraryId}
          AND ("returnedAt" <= "loanedAt" OR "returnedAt" >= ${toDbDate(today)}
            OR "loanedAt" >= ${toDbDate(today)}))::int AS "impossible",
        (SELECT count(*) FROM "Loan" a JOIN "Loan" b ON a."itemId" = b."itemId" AND a.id < b.id
          WHERE a."libraryId" = ${libraryId}
            AND tstzrange(a."loanedAt", coalesce(a."returnedAt", 'infinity'))
             && tstzrange(b."loanedAt", coalesce(b."returnedAt", 'infinity')))::int AS "copiesOutTwice"`;
    expect(stats.digests).toBeGreaterThan(50);
    expect(stats.twoBranchPatrons).toBeGreaterThan(50);
    expect(stats.renewed).toBeGreaterThan(100);
    expect(stats.reserved).toBeGreaterThan(10);
    expect(stats.returned).toBeGreaterThan(4_000);
    expect(stats.impossible).toBe(0);
    expect(stats.copiesOutTwice).toBe(0);
  });

  it("sets notice stages on three levels", async () => {
    const stages = await db.noticeStage.findMany({
      where: { libraryId: demo.libraryId },
      orderBy: { position: "asc" },
      include: { branchSettings: { include: { branch: true } }, patronSettings: true },
    });
    expect(stages.map((s) => [s.key, s.offsetDays, s.channel, s.fallback])).toEqual([
      ["pre-due", -3, "email", "none"],
      ["overdue-1", 7, "email", "letter"],
      ["overdue-2", 14, "email", "letter"],
      ["overdue-3", 21, "letter", "letter"],
      ["overdue-4", 28, "registered_letter", "registered_letter"],
    ]);
    expect(stages[0]).toMatchObject({ audience: "opted_in", labels: { nl: "Herinnering vooraf" } });
    expect(stages[0].branchSettings).toMatchObject([{ offsetDays: -7, branch: { ilsCode: "HAR" } }]);
    expect(stages.flatMap((s) => s.patronSettings).length).toBeGreaterThan(0);
  });

  it("closes branches on Belgian holidays, and one for renovation around today", async () => {
    const branches = await db.branch.findMany({
      where: { libraryId: demo.libraryId },
      include: { closedDays: true },
    });
    const easterMonday = belgianPublicHolidays(2027).find((h) => h.name === "Paasmaandag")?.date;
    expect(easterMonday).toBe("2027-03-29");
    for (const branch of branches) {
      expect(branch.closedDays.map((d) => fromDbDate(d.date))).toContain(easterMonday);
      expect(branch.openWeekdays).not.toContain(7);
    }
    const renovated = branches.filter((b) => b.closedDays.some((d) => fromDbDate(d.date) === today));
    expect(renovated).toHaveLength(1);
  });

  it("generating twice with the same seed gives identical patrons and loans", async () => {
    const small = { today, seed: 7, patrons: 300, loans: 900 };
    const first = await generateDemoLibrary(db, { ...small, libraryCode: "twin-a" });
    const second = await generateDemoLibrary(db, { ...small, libraryCode: "twin-b" });
    expect(second.counts).toEqual(first.counts);
    expect(await snapshot(second.libraryId)).toEqual(await snapshot(first.libraryId));

    const otherSeed = await generateDemoLibrary(db, { ...small, seed: 8, libraryCode: "other-seed" });
    const [a, c] = [await snapshot(first.libraryId), await snapshot(otherSeed.libraryId)];
    expect(c.patrons.map((p) => p.lastName)).not.toEqual(a.patrons.map((p) => p.lastName));
  });

  it("another today moves the dates and nothing else", async () => {
    const small = { seed: 7, patrons: 300, loans: 900 };
    const later = addDays(today, 17);
    const before = await snapshot(
      (await generateDemoLibrary(db, { ...small, today, libraryCode: "t0" })).libraryId,
    );
    const after = await snapshot(
      (await generateDemoLibrary(db, { ...small, today: later, libraryCode: "t1" })).libraryId,
    );

    const withoutDates = ({ patrons, loans }: typeof before) => ({
      patrons: patrons.map(({ emailStatusAt, noticesPausedUntil, createdAt, updatedAt, ...rest }) => rest),
      loans: loans.map(({ loanedAt, dueDate, returnedAt, ...rest }) => ({
        ...rest,
        open: returnedAt === null,
      })),
    });
    expect(withoutDates(after)).toEqual(withoutDates(before));
    // Due dates move with today, give or take the days a visit moves to an open day.
    for (const [i, loan] of after.loans.entries()) {
      const moved = daysBetween(fromDbDate(before.loans[i].dueDate), fromDbDate(loan.dueDate));
      expect(Math.abs(moved - 17)).toBeLessThanOrEqual(2);
    }
  });
});
