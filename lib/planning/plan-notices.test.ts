import { beforeEach, describe, expect, it } from "vitest";
import { addDays, type LocalDate } from "@/lib/dates";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestLibrary, daysFrom, noticesOfLoan, type TestLibrary } from "@/test/test-fixtures";
import { type PlanResult, planNotices } from "./plan-notices";

const db = useTestDb();
const today: LocalDate = "2026-03-10";

function plan(t: TestLibrary, date: LocalDate, dryRun = false) {
  return planNotices(db, { libraryId: t.library.id, date, dryRun });
}

/** What a plan sends, as "stage channel loanIds" strings, sorted. */
function summary(result: PlanResult) {
  return result.notices
    .map((n) => `${n.stageKey} ${n.channel} ${n.loans.map((l) => l.loanId).join(",")}`)
    .sort();
}

/** Runs the planner on every day from `from` to `to` (both included). */
async function runDays(t: TestLibrary, from: LocalDate, to: LocalDate) {
  for (const day of daysFrom(from, to)) await plan(t, day);
}

/** A loan's notices as "stage@planDate". */
async function history(loanId: number) {
  return (await noticesOfLoan(db, loanId)).map((n) => `${n.stage}@${n.planDate}`);
}

beforeEach(() => resetDatabase(db));

describe("planNotices: stages and digests", () => {
  it("a loan 7 days overdue gets overdue 1 by email; 6 days overdue gets nothing yet", async () => {
    const t = await createTestLibrary(db);
    const patron = await t.patron();
    const due7 = await t.loan(patron, { dueDate: addDays(today, -7) });
    await t.loan(await t.patron(), { dueDate: addDays(today, -6) });

    const result = await plan(t, today, true);
    expect(summary(result)).toEqual([`overdue-1 email ${due7.id}`]);
    expect(result.notices[0]).toMatchObject({
      reason: { code: "stage_channel", params: { channel: "email", level: "system" } },
      channelReason: "stage channel: email",
      recipientEmail: patron.email,
      language: "nl",
      patronId: patron.id,
    });
  });

  it("a patron with three overdue loans at one branch gets one notice listing all three", async () => {
    const t = await createTestLibrary(db);
    const patron = await t.patron();
    const loans = [
      await t.loan(patron, { dueDate: addDays(today, -7) }),
      await t.loan(patron, { dueDate: addDays(today, -7) }),
      await t.loan(patron, { dueDate: addDays(today, -9) }),
    ];
    const result = await plan(t, today);
    expect(summary(result)).toEqual([`overdue-1 email ${loans.map((l) => l.id).join(",")}`]);
    expect(result.written).toMatchObject({ notices: 1, noticeLoans: 3, letters: 0 });
    const stored = await db.notice.findFirstOrThrow();
    expect(result.notices[0]).toMatchObject({ noticeId: stored.id, idempotencyKey: stored.idempotencyKey });
    for (const loan of loans) expect(await history(loan.id)).toEqual([`overdue-1@${today}`]);
  });

  it("a patron with loans at two branches gets one notice per branch", async () => {
    const t = await createTestLibrary(db, { branches: [{ name: "Meulebeke" }, { name: "Tielt" }] });
    const [meulebeke, tielt] = t.branches;
    const patron = await t.patron();
    const a = await t.loan(patron, { dueDate: addDays(today, -7), branch: meulebeke });
    const b = await t.loan(patron, { dueDate: addDays(today, -7), branch: tielt });
    const c = await t.loan(patron, { dueDate: addDays(today, -7), branch: tielt });

    const result = await plan(t, today);
    expect(result.notices.map((n) => [n.branchName, n.loans.map((l) => l.loanId)])).toEqual([
      ["Meulebeke", [a.id]],
      ["Tielt", [b.id, c.id]],
    ]);
    expect(result.byBranch).toEqual([
      { branchId: meulebeke.id, branchName: "Meulebeke", notices: 1, loans: 1 },
      { branchId: tielt.id, branchName: "Tielt", notices: 1, loans: 2 },
    ]);
  });

  it("the settings of the branch that lent the item apply, not those of the patron's home branch", async () => {
    const t = await createTestLibrary(db, { branches: [{ name: "Meulebeke" }, { name: "Tielt" }] });
    const [meulebeke, tielt] = t.branches;
    await t.overrideBranch(meulebeke, "overdue-1", { channel: "letter" });
    const patron = await t.patron({ homeBranch: tielt });
    await t.loan(patron, { dueDate: addDays(today, -7), branch: meulebeke });
    await t.loan(patron, { dueDate: addDays(today, -7), branch: tielt });

    const result = await plan(t, today, true);
    expect(result.notices.map((n) => [n.branchName, n.channel, n.channelReason])).toEqual([
      ["Meulebeke", "letter", "stage channel: letter (set on branch Meulebeke)"],
      ["Tielt", "email", "stage channel: email"],
    ]);
  });

  it("a loan returned before the run gets no notice", async () => {
    const t = await createTestLibrary(db);
    const patron = await t.patron();
    await t.loan(patron, { dueDate: addDays(today, -7), returnedAt: new Date("2026-03-09T16:00:00Z") });
    await t.loan(patron, { dueDate: addDays(today, -20), returnedAt: new Date("2026-03-01T16:00:00Z") });
    expect((await plan(t, today)).notices).toEqual([]);
  });

  it("a dry run writes nothing and counts what the run would send by stage, channel and branch", async () => {
    const t = await createTestLibrary(db);
    const [emailPatron, noEmail, optedIn] = [
      await t.patron(),
      await t.patron({ email: null }),
      await t.patron({ preDueOptIn: true }),
    ];
    await t.loan(emailPatron, { dueDate: addDays(today, -7) });
    await t.loan(emailPatron, { dueDate: addDays(today, -7) });
    await t.loan(noEmail, { dueDate: addDays(today, -7) });
    await t.loan(optedIn, { dueDate: addDays(today, 3) });
    await t.loan(emailPatron, { dueDate: addDays(today, -28) });

    const result = await plan(t, today, true);
    expect(result.dryRun).toBe(true);
    expect(result.written).toBeUndefined();
    expect(await db.notice.count()).toBe(0);
    // 28 days overdue without any notice: overdue 1 first (catch-up), in the same digest.
    expect(result.totals).toEqual({ notices: 3, loans: 5 });
    expect(result.byStage.map((s) => [s.stageKey, s.notices, s.loans])).toEqual([
      ["pre-due", 1, 1],
      ["overdue-1", 2, 4],
    ]);
    expect(Object.fromEntries(result.byChannel.map((c) => [c.channel, c.notices]))).toEqual({
      email: 2,
      letter: 1,
    });
    const letter = result.notices.find((n) => n.channel === "letter")!;
    expect(letter).toMatchObject({
      patronId: noEmail.id,
      reason: { code: "email_impossible", params: { problem: "no_email", since: null, channel: "letter" } },
      channelReason: "email impossible: no email address -> letter",
      letterReason: "no_email",
      recipientEmail: null,
    });
  });
});

describe("planNotices: never two notices for one loan and stage", () => {
  it("running the same day twice creates nothing new", async () => {
    const t = await createTestLibrary(db);
    const patron = await t.patron({ email: null });
    await t.loan(patron, { dueDate: addDays(today, -7) });
    await t.loan(await t.patron(), { dueDate: addDays(today, -7) });

    const first = await plan(t, today);
    expect(first.written).toMatchObject({ notices: 2, noticeLoans: 2, letters: 1 });
    const second = await plan(t, today);
    expect(second.written).toMatchObject({ notices: 0, noticeLoans: 0, letters: 0 });
    expect(second.notices).toEqual([]);
    expect([await db.notice.count(), await db.noticeLoan.count(), await db.letter.count()]).toEqual([
      2, 2, 1,
    ]);
  });

  it("stores each notice's channel reason as words and as code with values", async () => {
    const t = await createTestLibrary(db);
    const patron = await t.patron({ email: null });
    await t.loan(patron, { dueDate: addDays(today, -7) });

    await plan(t, today);

    const notice = await db.notice.findFirstOrThrow({ where: { patronId: patron.id } });
    expect(notice.channelReason).toBe("email impossible: no email address -> letter");
    expect(notice.channelReasonDetail).toEqual({
      code: "email_impossible",
      params: { problem: "no_email", since: null, channel: "letter" },
    });
  });

  it("two runs in parallel create each notice once", async () => {
    const t = await createTestLibrary(db, { branches: [{ name: "Meulebeke" }, { name: "Tielt" }] });
    for (let i = 0; i < 12; i++) {
      const patron = await t.patron({ email: i % 3 === 0 ? null : undefined });
      await t.loan(patron, { dueDate: addDays(today, -7), branch: t.branches[i % 2] });
      await t.loan(patron, { dueDate: addDays(today, -14 - (i % 3)), branch: t.branches[0] });
    }
    const runs = await Promise.all([plan(t, today), plan(t, today), plan(t, today)]);
    const written = runs.map((r) => r.written!);
    // a run that starts after another has committed finds nothing left to plan
    const complete = runs.reduce((most, run) => (run.notices.length > most.notices.length ? run : most));
    const expected = complete.notices.length;
    expect(expected).toBeGreaterThan(12);
    expect(written.reduce((sum, w) => sum + w.notices, 0)).toBe(expected);
    expect(written.reduce((sum, w) => sum + w.noticeLoans, 0)).toBe(24);
    expect(await db.notice.count()).toBe(expected);
    expect(await db.noticeLoan.count()).toBe(24);
    const letterNotices = complete.notices.filter((n) => n.channel !== "email").length;
    expect(await db.letter.count()).toBe(letterNotices);
  });

  it("the database refuses a second notice for the same loan, stage and due date", async () => {
    const t = await createTestLibrary(db);
    const loan = await t.loan(await t.patron(), { dueDate: addDays(today, -7) });
    await plan(t, today);
    const [existing] = await db.noticeLoan.findMany({ where: { loanId: loan.id } });
    const notice = await db.notice.findUniqueOrThrow({ where: { id: existing.noticeId } });
    const { id: _id, content: _content, channelReasonDetail: _detail, ...copy } = notice;
    const second = await db.notice.create({ data: { ...copy, idempotencyKey: "by hand", providerId: null } });
    await expect(
      db.noticeLoan.create({
        data: { noticeId: second.id, loanId: loan.id, stageId: existing.stageId, dueDate: existing.dueDate },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
    // The embedded PGlite server drops the connection right after an error: let the pool reconnect.
    await db.$queryRaw`SELECT 1`.catch(() => {});
  });

  it("a loan that arrives after the day's run gets its own notice on a second run", async () => {
    const t = await createTestLibrary(db);
    const patron = await t.patron();
    const early = await t.loan(patron, { dueDate: addDays(today, -7) });
    await plan(t, today);
    const late = await t.loan(patron, { dueDate: addDays(today, -7) });
    const second = await plan(t, today);
    expect(summary(second)).toEqual([`overdue-1 email ${late.id}`]);
    expect(second.written?.notices).toBe(1);
    expect(await history(early.id)).toEqual([`overdue-1@${today}`]);
  });
});

describe("planNotices: missed days", () => {
  it("a missed day is caught up on the next run", async () => {
    const t = await createTestLibrary(db);
    const loan = await t.loan(await t.patron(), { dueDate: addDays(today, -8) });
    expect(summary(await plan(t, today))).toEqual([`overdue-1 email ${loan.id}`]);
  });

  it("never two stages of one loan in one run: 30 days overdue without notices sends overdue 1 only", async () => {
    const t = await createTestLibrary(db);
    const loan = await t.loan(await t.patron(), { dueDate: addDays(today, -30) });
    expect(summary(await plan(t, today))).toEqual([`overdue-1 email ${loan.id}`]);
  });

  it("a missed week sends overdue 1 now and overdue 2 a full interval later", async () => {
    const t = await createTestLibrary(db);
    const due: LocalDate = "2026-02-01";
    const loan = await t.loan(await t.patron(), { dueDate: due });
    // The runs stop before overdue 1 (+7) and resume a week later, on day +14.
    await runDays(t, "2026-01-25", addDays(due, 6));
    await runDays(t, addDays(due, 14), addDays(due, 40));
    expect(await history(loan.id)).toEqual([
      `overdue-1@${addDays(due, 14)}`,
      `overdue-2@${addDays(due, 21)}`,
      `overdue-3@${addDays(due, 28)}`,
      `overdue-4@${addDays(due, 35)}`,
    ]);
  });

  it("overdue 1 sent late on day +12 puts overdue 2 on day +19, not +14", async () => {
    const t = await createTestLibrary(db);
    const due: LocalDate = "2026-02-01";
    const loan = await t.loan(await t.patron(), { dueDate: due });
    await plan(t, addDays(due, 12));
    await runDays(t, addDays(due, 13), addDays(due, 19));
    expect(await history(loan.id)).toEqual([
      `overdue-1@${addDays(due, 12)}`,
      `overdue-2@${addDays(due, 19)}`,
    ]);
  });

  it("on time every day, the stages go out on +7, +14, +21 and +28, and a pre-due reminder on -3", async () => {
    const t = await createTestLibrary(db);
    const due: LocalDate = "2026-02-01";
    const loan = await t.loan(await t.patron({ preDueOptIn: true }), { dueDate: due });
    await runDays(t, addDays(due, -10), addDays(due, 40));
    expect(await history(loan.id)).toEqual([
      `pre-due@${addDays(due, -3)}`,
      `overdue-1@${addDays(due, 7)}`,
      `overdue-2@${addDays(due, 14)}`,
      `overdue-3@${addDays(due, 21)}`,
      `overdue-4@${addDays(due, 28)}`,
    ]);
  });

  it("a pre-due reminder missed until after the due date is skipped, not sent late", async () => {
    const t = await createTestLibrary(db);
    const patron = await t.patron({ preDueOptIn: true });
    const loan = await t.loan(patron, { dueDate: today });
    const result = await plan(t, addDays(today, 1));
    expect(result.notices).toEqual([]);
    await runDays(t, addDays(today, 2), addDays(today, 7));
    expect(await history(loan.id)).toEqual([`overdue-1@${addDays(today, 7)}`]);
  });

  it("a pre-due reminder missed for two days still goes on the due date itself", async () => {
    const t = await createTestLibrary(db);
    const loan = await t.loan(await t.patron({ preDueOptIn: true }), { dueDate: today });
    expect(summary(await plan(t, today))).toEqual([`pre-due email ${loan.id}`]);
  });
});

describe("planNotices: returns and renewals", () => {
  it("a renewal after overdue 1 starts the stages again from the new due date, pre-due reminder included", async () => {
    const t = await createTestLibrary(db);
    const due: LocalDate = "2026-02-01";
    const loan = await t.loan(await t.patron({ preDueOptIn: true }), { dueDate: due });
    await runDays(t, addDays(due, -3), addDays(due, 8));
    const renewedTo = addDays(due, 30);
    await t.renew(loan.id, renewedTo);
    await runDays(t, addDays(due, 9), addDays(renewedTo, 8));
    expect(await history(loan.id)).toEqual([
      `pre-due@${addDays(due, -3)}`,
      `overdue-1@${addDays(due, 7)}`,
      `pre-due@${addDays(renewedTo, -3)}`,
      `overdue-1@${addDays(renewedTo, 7)}`,
    ]);
  });

  it("a loan returned after its notice was planned, before sending, drops out: notice and letter cancelled", async () => {
    const t = await createTestLibrary(db);
    const loan = await t.loan(await t.patron({ email: null }), { dueDate: addDays(today, -7) });
    await plan(t, today);
    await t.returnLoan(loan.id);
    const next = await plan(t, addDays(today, 1));
    expect(next.written?.staleNoticesCancelled).toBe(1);
    const notice = await db.notice.findFirstOrThrow({ include: { letters: true } });
    expect(notice.status).toBe("cancelled");
    expect(notice.letters.map((l) => l.status)).toEqual(["cancelled"]);
  });

  it("planning a slice of patrons cancels the stale notices of that slice only; the slices together cancel them all", async () => {
    const t = await createTestLibrary(db);
    const first = await t.patron({ email: null });
    const second = await t.patron({ email: null });
    const loans = [
      await t.loan(first, { dueDate: addDays(today, -7) }),
      await t.loan(second, { dueDate: addDays(today, -7) }),
    ];
    await plan(t, today);
    for (const loan of loans) await t.returnLoan(loan.id);
    const [low, high] = [Math.min(first.id, second.id), Math.max(first.id, second.id)];
    const slice = (fromId: number, toId: number) =>
      planNotices(db, { libraryId: t.library.id, date: addDays(today, 1), patrons: { fromId, toId } });
    const statusOf = async (patronId: number) =>
      (await db.notice.findFirstOrThrow({ where: { patronId } })).status;

    expect((await slice(low, low + 1)).written?.staleNoticesCancelled).toBe(1);
    expect(await statusOf(low)).toBe("cancelled");
    expect(await statusOf(high)).toBe("planned");
    expect((await slice(low + 1, high + 1)).written?.staleNoticesCancelled).toBe(1);
    expect(await statusOf(high)).toBe("cancelled");
  });

  it("a loan renewed after its notice was planned drops out of the unsent notice", async () => {
    const t = await createTestLibrary(db);
    const loan = await t.loan(await t.patron(), { dueDate: addDays(today, -7) });
    await plan(t, today);
    await t.renew(loan.id, addDays(today, 21));
    await plan(t, addDays(today, 1));
    expect((await db.notice.findFirstOrThrow()).status).toBe("cancelled");
  });

  it("a digest keeps going for the loans still out when one of them is returned", async () => {
    const t = await createTestLibrary(db);
    const patron = await t.patron();
    const returned = await t.loan(patron, { dueDate: addDays(today, -7) });
    await t.loan(patron, { dueDate: addDays(today, -7) });
    await plan(t, today);
    await t.returnLoan(returned.id);
    await plan(t, addDays(today, 1));
    expect((await db.notice.findFirstOrThrow()).status).toBe("planned");
  });

  it("a loan renewed before its first notice gets none for the old due date", async () => {
    const t = await createTestLibrary(db);
    const loan = await t.loan(await t.patron(), { dueDate: addDays(today, -7) });
    await t.renew(loan.id, addDays(today, 14));
    expect((await plan(t, today)).notices).toEqual([]);
  });
});

describe("planNotices: who gets what", () => {
  it("pre-due reminders go only to patrons who opted in and have a working address", async () => {
    const t = await createTestLibrary(db);
    const due = addDays(today, 3);
    const optedIn = await t.loan(await t.patron({ preDueOptIn: true }), { dueDate: due });
    await t.loan(await t.patron({ preDueOptIn: false }), { dueDate: due });
    await t.loan(await t.patron({ preDueOptIn: true, emailStatus: "bounced" }), { dueDate: due });
    await t.loan(await t.patron({ preDueOptIn: true, email: null }), { dueDate: due });
    await t.loan(await t.patron({ preDueOptIn: true, channelPreference: "letter" }), { dueDate: due });
    expect(summary(await plan(t, today))).toEqual([`pre-due email ${optedIn.id}`]);
  });

  it("a patron whose notices are paused gets none until the pause ends, then catches up one stage at a time", async () => {
    const t = await createTestLibrary(db);
    const loan = await t.loan(await t.patron({ noticesPausedUntil: addDays(today, 10) }), {
      dueDate: addDays(today, -7),
    });
    await runDays(t, today, addDays(today, 10));
    expect(await history(loan.id)).toEqual([]);
    await runDays(t, addDays(today, 11), addDays(today, 18));
    expect(await history(loan.id)).toEqual([
      `overdue-1@${addDays(today, 11)}`,
      `overdue-2@${addDays(today, 18)}`,
    ]);
  });

  it("letters get a queued Letter row: fallback (no_email), letter stage (stage_channel), registered", async () => {
    const t = await createTestLibrary(db);
    const noEmail = await t.patron({ email: null });
    await t.loan(noEmail, { dueDate: addDays(today, -7) });
    const working = await t.patron();
    const atLetterStage = await t.loan(working, { dueDate: addDays(today, -21) });
    const atRegistered = await t.loan(await t.patron(), { dueDate: addDays(today, -28) });
    // Bring the two older loans to their stage: earlier stages went out on time.
    for (const [loanId, stages] of [
      [atLetterStage.id, ["overdue-1", "overdue-2"]],
      [atRegistered.id, ["overdue-1", "overdue-2", "overdue-3"]],
    ] as const) {
      for (const key of stages) await insertPastNotice(t, loanId, key);
    }
    const result = await plan(t, today);
    expect(result.notices.map((n) => [n.stageKey, n.channel, n.letterReason])).toEqual([
      ["overdue-1", "letter", "no_email"],
      ["overdue-3", "letter", "stage_channel"],
      ["overdue-4", "registered_letter", "stage_channel"],
    ]);
    const letters = await db.letter.findMany({
      include: { notice: { include: { stage: true } } },
      orderBy: { id: "asc" },
    });
    expect(letters.map((l) => [l.notice.stage.key, l.reason, l.registered, l.status])).toEqual([
      ["overdue-1", "no_email", false, "queued"],
      ["overdue-3", "stage_channel", false, "queued"],
      ["overdue-4", "stage_channel", true, "queued"],
    ]);
  });

  it("a stage switched off is skipped: by the library, by one branch, or for one patron", async () => {
    const t = await createTestLibrary(db, { branches: [{ name: "Meulebeke" }, { name: "Tielt" }] });
    const [meulebeke, tielt] = t.branches;
    await t.overrideBranch(tielt, "overdue-1", { enabled: false });
    const patron = await t.patron();
    const optedOut = await t.patron();
    await t.overridePatron(optedOut, "overdue-1", { enabled: false });
    const atMeulebeke = await t.loan(patron, { dueDate: addDays(today, -7), branch: meulebeke });
    await t.loan(patron, { dueDate: addDays(today, -7), branch: tielt });
    await t.loan(optedOut, { dueDate: addDays(today, -7), branch: meulebeke });
    expect(summary(await plan(t, today, true))).toEqual([`overdue-1 email ${atMeulebeke.id}`]);

    await db.noticeStage.update({ where: { id: t.stage("overdue-1").id }, data: { enabled: false } });
    expect((await plan(t, today, true)).notices).toEqual([]);
    // A branch may switch back on what the library switched off.
    await t.overrideBranch(meulebeke, "overdue-1", { enabled: true });
    expect(summary(await plan(t, today, true))).toEqual([`overdue-1 email ${atMeulebeke.id}`]);
  });

  it("a loan whose stage gives this patron no notice goes on to the next stage when it is reached", async () => {
    const t = await createTestLibrary(db);
    await db.noticeStage.update({ where: { id: t.stage("overdue-1").id }, data: { fallback: "none" } });
    const loan = await t.loan(await t.patron({ email: null }), { dueDate: "2026-02-01" });
    await runDays(t, "2026-02-01", "2026-02-22");
    expect(await history(loan.id)).toEqual(["overdue-2@2026-02-15", "overdue-3@2026-02-22"]);
  });

  it("table: each patron's channel and reason through the database", async () => {
    const t = await createTestLibrary(db);
    const cases = [
      { patron: {}, channel: "email", code: "stage_channel" },
      { patron: { email: null }, channel: "letter", code: "email_impossible" },
      {
        patron: { emailStatus: "bounced" as const, emailStatusAt: new Date("2026-03-01T23:30:00Z") },
        channel: "letter",
        code: "email_impossible",
      },
      { patron: { emailStatus: "soft_bouncing" as const }, channel: "email", code: "stage_channel" },
      { patron: { channelPreference: "letter" as const }, channel: "letter", code: "patron_prefers_letter" },
      { patron: { noticesPausedUntil: today }, channel: null, code: null },
      { patron: { noticesPausedUntil: addDays(today, -1) }, channel: "email", code: "stage_channel" },
    ];
    const loans = [];
    for (const c of cases)
      loans.push(await t.loan(await t.patron(c.patron), { dueDate: addDays(today, -7) }));
    const result = await plan(t, today, true);
    const byLoan = new Map(result.notices.flatMap((n) => n.loans.map((l) => [l.loanId, n])));
    expect(
      loans.map((l) => [byLoan.get(l.id)?.channel ?? null, byLoan.get(l.id)?.reason.code ?? null]),
    ).toEqual(cases.map((c) => [c.channel, c.code]));
    // The bounce happened at 00:30 on 2 March in Brussels: that is the day staff see.
    expect(byLoan.get(loans[2].id)?.channelReason).toBe(
      "email impossible: address bounced on 2026-03-02 -> letter",
    );
  });
});

/** A notice of an earlier stage, planned on its scheduled day, as if the runs had been on time. */
async function insertPastNotice(t: TestLibrary, loanId: number, key: string) {
  const loan = await db.loan.findUniqueOrThrow({ where: { id: loanId } });
  const stage = t.stage(key);
  const planDate = new Date(loan.dueDate.getTime() + stage.offsetDays * 86_400_000);
  await db.notice.create({
    data: {
      libraryId: t.library.id,
      patronId: loan.patronId,
      branchId: loan.branchId,
      stageId: stage.id,
      planDate,
      channel: "email",
      channelReason: "test",
      status: "sent",
      language: "nl",
      idempotencyKey: `past:${loanId}:${key}`,
      loans: { create: { loanId, stageId: stage.id, dueDate: loan.dueDate } },
    },
  });
}
