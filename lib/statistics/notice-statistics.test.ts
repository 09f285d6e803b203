import { beforeEach, describe, expect, it } from "vitest";
import { type LocalDate, toDbDate } from "@/lib/dates";
import type { Channel, NoticeStatus } from "@/lib/generated/prisma/enums";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestLibrary, type TestLibrary } from "@/test/test-fixtures";
import { getDeadAddressTrend, getEmailReach } from "./email-reach";
import { bucketFor, bucketStarts, getNoticeStatistics, previousPeriod } from "./notice-statistics";
import { noticeFiguresFromRaw, refreshNoticeFigures } from "./refresh-notice-figures";

const db = useTestDb();

let serial = 0;
async function notice(
  t: TestLibrary,
  input: {
    day: LocalDate;
    stage: string;
    channel: Channel;
    patronId: number;
    loanIds: number[];
    branchId?: number;
    status?: NoticeStatus;
    sent?: boolean;
    feeCents?: number;
  },
) {
  serial += 1;
  const stage = t.stage(input.stage);
  const created = await db.notice.create({
    data: {
      libraryId: t.library.id,
      patronId: input.patronId,
      branchId: input.branchId ?? t.branch.id,
      stageId: stage.id,
      planDate: toDbDate(input.day),
      channel: input.channel,
      channelReason: "test",
      status: input.status ?? "sent",
      language: "nl",
      feeCents: input.feeCents ?? 0,
      idempotencyKey: `stat-${serial}`,
      sentAt: input.sent === false ? null : new Date(`${input.day}T06:00:00Z`),
    },
  });
  const loans = await db.loan.findMany({ where: { id: { in: input.loanIds } } });
  await db.noticeLoan.createMany({
    data: loans.map((loan) => ({
      noticeId: created.id,
      loanId: loan.id,
      stageId: stage.id,
      dueDate: loan.dueDate,
    })),
  });
  return created;
}

/**
 * The fixed data set, hand-counted. March 2026 in Brussels: summer time starts on Sunday 29
 * March at 02:00 (UTC+1 -> UTC+2).
 * - N1 26 Mar, overdue-1 email, loans L1 (back 29 Mar 23:30 local: day 3) and L2 (back 30 Mar
 *   00:30 local: day 4, within 7 only; at the winter offset it would look like day 3);
 * - N2 26 Mar, overdue-1 email, bounced for good, fallback letter (1.40), L3 never back;
 * - N3 27 Mar, overdue-3 letter (1.40), fee 2.00, L4 renewed by the patron from N3's link on 28 Mar;
 * - N4 27 Mar, overdue-2 email, marked as spam, fee 1.00, L5 back on 10 Apr (not within 7);
 * - N5 28 Mar, overdue-4 (the last stage) registered letter (7.00), fee 8.00, L6 never back;
 * - cancelled on 28 Mar, one on 1 Apr (outside), one in February (the previous period),
 *   one in another library; branch "Dorp" has none.
 */
async function fixedDataSet() {
  const t = await createTestLibrary(db, { code: "A", branches: [{ name: "Centrum" }, { name: "Dorp" }] });
  const [centrum, dorp] = t.branches;
  const p1 = await t.patron({ emailStatus: "bounced" });
  const p2 = await t.patron({ preDueOptIn: true });
  const p3 = await t.patron({ email: null });
  await t.patron({}); // no loans out: not active
  const p5 = await t.patron({ emailStatus: "complained", homeBranch: dorp });

  const back = (iso: string) => new Date(iso);
  const l1 = await t.loan(p2, { dueDate: "2026-03-19", returnedAt: back("2026-03-29T21:30:00Z") });
  const l2 = await t.loan(p2, { dueDate: "2026-03-19", returnedAt: back("2026-03-29T22:30:00Z") });
  const l3 = await t.loan(p1, { dueDate: "2026-03-19" });
  const l4 = await t.loan(p2, { dueDate: "2026-02-27" });
  const l5 = await t.loan(p3, { dueDate: "2026-03-13", returnedAt: back("2026-04-10T10:00:00Z") });
  const l6 = await t.loan(p3, { dueDate: "2026-02-10" });
  const l7 = await t.loan(p2, { dueDate: "2026-02-08", returnedAt: back("2026-02-15T12:00:00Z") });

  await notice(t, {
    day: "2026-03-26",
    stage: "overdue-1",
    channel: "email",
    patronId: p2.id,
    loanIds: [l1.id, l2.id],
  });
  const n2 = await notice(t, {
    day: "2026-03-26",
    stage: "overdue-1",
    channel: "email",
    patronId: p1.id,
    loanIds: [l3.id],
  });
  const n3 = await notice(t, {
    day: "2026-03-27",
    stage: "overdue-3",
    channel: "letter",
    patronId: p2.id,
    loanIds: [l4.id],
    feeCents: 200,
  });
  const n4 = await notice(t, {
    day: "2026-03-27",
    stage: "overdue-2",
    channel: "email",
    patronId: p3.id,
    loanIds: [l5.id],
    feeCents: 100,
  });
  const n5 = await notice(t, {
    day: "2026-03-28",
    stage: "overdue-4",
    channel: "registered_letter",
    patronId: p3.id,
    loanIds: [l6.id],
    feeCents: 800,
  });
  await notice(t, {
    day: "2026-03-28",
    stage: "overdue-2",
    channel: "email",
    patronId: p1.id,
    loanIds: [],
    status: "cancelled",
    sent: false,
  });
  await notice(t, { day: "2026-04-01", stage: "overdue-2", channel: "email", patronId: p2.id, loanIds: [] });
  await notice(t, {
    day: "2026-02-15",
    stage: "overdue-1",
    channel: "email",
    patronId: p2.id,
    loanIds: [l7.id],
  });

  await db.deliveryEvent.createMany({
    data: [
      {
        noticeId: n2.id,
        type: "email.bounced",
        bounceType: "Permanent",
        occurredAt: back("2026-03-26T06:01:00Z"),
      },
      { noticeId: n4.id, type: "email.complained", occurredAt: back("2026-03-27T09:00:00Z") },
      // a transient bounce is no bounce in the rate
      {
        noticeId: n4.id,
        type: "email.bounced",
        bounceType: "Transient",
        occurredAt: back("2026-03-27T06:01:00Z"),
      },
    ],
  });
  await db.letter.createMany({
    data: [
      { noticeId: n2.id, reason: "email_bounced", status: "posted", postageCents: 140 },
      { noticeId: n3.id, reason: "stage_channel", status: "posted", postageCents: 140 },
      { noticeId: n5.id, reason: "stage_channel", registered: true, status: "posted", postageCents: 700 },
    ],
  });
  await db.ilsOutboxEntry.create({
    data: {
      libraryId: t.library.id,
      kind: "renewal",
      loanId: l4.id,
      source: "patron",
      payload: {},
      dedupeKey: `renewal:${n3.id}:${l4.id}`,
      createdAt: back("2026-03-28T10:00:00Z"),
    },
  });
  await db.patronFlag.createMany({
    data: [
      // 29 March 00:30 in Brussels (still winter time): belongs to the 29th, not the 28th
      { patronId: p1.id, kind: "email_bounced", message: "dead", createdAt: back("2026-03-28T23:30:00Z") },
      { patronId: p5.id, kind: "email_complained", message: "spam", createdAt: back("2026-03-10T12:00:00Z") },
      {
        patronId: p3.id,
        kind: "postal_returned",
        message: "letter back",
        createdAt: back("2026-03-12T12:00:00Z"),
      },
      { patronId: p5.id, kind: "email_bounced", message: "old", createdAt: back("2026-02-20T12:00:00Z") },
    ],
  });

  // another library, same days: never counted
  const other = await createTestLibrary(db, { code: "B" });
  const stranger = await other.patron({ emailStatus: "bounced" });
  const strangerLoan = await other.loan(stranger, { dueDate: "2026-03-19" });
  const on = await notice(other, {
    day: "2026-03-26",
    stage: "overdue-1",
    channel: "email",
    patronId: stranger.id,
    loanIds: [strangerLoan.id],
  });
  await db.patronFlag.create({
    data: {
      patronId: stranger.id,
      kind: "email_bounced",
      message: "x",
      createdAt: back("2026-03-26T12:00:00Z"),
    },
  });
  await db.letter.create({ data: { noticeId: on.id, reason: "email_bounced", postageCents: 140 } });

  for (const library of [t.library.id, other.library.id])
    await refreshNoticeFigures(db, { libraryId: library, from: "2026-01-01", to: "2026-04-30" });
  return { t, centrum, dorp };
}

const MARCH = { from: "2026-03-01", to: "2026-03-31" } as const;

describe("notice statistics", () => {
  beforeEach(() => resetDatabase(db));

  it("counts each figure of a period as hand-counted, against the period before", async () => {
    const { t } = await fixedDataSet();
    const stats = await getNoticeStatistics(db, { libraryId: t.library.id, ...MARCH });
    expect(stats.totals).toEqual({
      notices: 5,
      emailNotices: 3,
      postNotices: 2,
      loans: 6,
      emailsSent: 3,
      emailsBounced: 1,
      emailsComplained: 1,
      emailsWithoutLetter: 2,
      letters: 3,
      registeredLetters: 1,
      postageCents: 980,
      feeCents: 1100,
      settledWithin3: 2,
      settledWithin7: 3,
      renewedFromLink: 1,
    });
    expect(stats.previousFrom).toBe("2026-01-29");
    expect(stats.previousTo).toBe("2026-02-28");
    expect(stats.previous).toMatchObject({
      notices: 1,
      emailsSent: 1,
      emailsWithoutLetter: 1,
      settledWithin3: 1,
    });
  });

  it("counts a return at 00:30 on the Monday after the spring DST change as the fourth day, not the third", async () => {
    const { t } = await fixedDataSet();
    const stats = await getNoticeStatistics(db, {
      libraryId: t.library.id,
      from: "2026-03-26",
      to: "2026-03-26",
      stageIds: [t.stage("overdue-1").id],
    });
    // L1 back 29 Mar 23:30 (day 3), L2 back 30 Mar 00:30 (day 4), L3 still out
    expect(stats.totals).toMatchObject({ loans: 3, settledWithin3: 1, settledWithin7: 2 });
  });

  it("puts the notices over time into days, and by stage and branch; a branch without notices has zeros", async () => {
    const { t, centrum, dorp } = await fixedDataSet();
    const stats = await getNoticeStatistics(db, { libraryId: t.library.id, ...MARCH });
    expect(stats.bucket).toBe("day");
    expect(stats.overTime).toHaveLength(31);
    const day = (d: string) => stats.overTime.find((o) => o.start === d);
    expect(day("2026-03-26")).toMatchObject({ notices: 2, emailNotices: 2, postNotices: 0 });
    expect(day("2026-03-27")).toMatchObject({ notices: 2, emailNotices: 1, postNotices: 1, feeCents: 300 });
    expect(day("2026-03-28")).toMatchObject({ notices: 1, postNotices: 1, feeCents: 800 });
    expect(stats.overTime.reduce((sum, d) => sum + d.notices, 0)).toBe(5);

    const lastStage = stats.groups.find((g) => g.stageId === t.stage("overdue-4").id);
    // the last stage: one loan, neither returned nor renewed within 7 days
    expect(lastStage).toMatchObject({ branchId: centrum.id, loans: 1, settledWithin7: 0, feeCents: 800 });

    const none = await getNoticeStatistics(db, { libraryId: t.library.id, ...MARCH, branchIds: [dorp.id] });
    expect(none.totals.notices).toBe(0);
    expect(none.groups).toEqual([]);
    expect(none.overTime).toHaveLength(31);
    expect(none.overTime.every((o) => o.notices === 0)).toBe(true);

    const onlyStage = await getNoticeStatistics(db, {
      libraryId: t.library.id,
      ...MARCH,
      stageIds: [t.stage("overdue-1").id],
    });
    expect(onlyStage.totals).toMatchObject({ notices: 2, emailsBounced: 1, letters: 1, postageCents: 140 });
  });

  it("reads the same figures from the daily table as from the raw tables", async () => {
    const { t } = await fixedDataSet();
    const stored = await db.noticeDayFigure.findMany({
      where: { libraryId: t.library.id },
      orderBy: [{ day: "asc" }, { stageId: "asc" }, { channel: "asc" }],
      omit: { refreshedAt: true },
    });
    const raw = await db.$queryRaw<typeof stored>`
      SELECT * FROM (${noticeFiguresFromRaw(t.library.id, "2026-01-01", "2026-04-30")}) f
      ORDER BY day, "stageId", channel`;
    expect(stored).toEqual(raw);
    expect(stored).toHaveLength(6);
  });

  it("refreshing days again after a return gives the new outcome and leaves other days alone", async () => {
    const { t } = await fixedDataSet();
    const l3 = await db.noticeLoan.findFirstOrThrow({
      where: {
        notice: { libraryId: t.library.id, planDate: toDbDate("2026-03-26"), status: "sent" },
        loan: { returnedAt: null },
      },
    });
    await db.loan.update({
      where: { id: l3.loanId },
      data: { returnedAt: new Date("2026-03-27T10:00:00Z") },
    });
    await refreshNoticeFigures(db, { libraryId: t.library.id, from: "2026-03-26", to: "2026-03-26" });
    const stats = await getNoticeStatistics(db, { libraryId: t.library.id, ...MARCH });
    expect(stats.totals).toMatchObject({ notices: 5, settledWithin3: 3, settledWithin7: 4 });
  });

  it("two refreshes of the same days at once both succeed and leave each day's figures once", async () => {
    const { t } = await fixedDataSet();
    const before = await getNoticeStatistics(db, { libraryId: t.library.id, ...MARCH });
    const refresh = () =>
      refreshNoticeFigures(db, { libraryId: t.library.id, from: "2026-03-01", to: "2026-03-31" });
    await Promise.all([refresh(), refresh(), refresh()]);
    const after = await getNoticeStatistics(db, { libraryId: t.library.id, ...MARCH });
    expect(after.totals).toEqual(before.totals);
  });
});

describe("who email reaches, and dead addresses", () => {
  beforeEach(() => resetDatabase(db));

  it("gives the share of active patrons reachable by email and opted in, by home branch", async () => {
    const { t, dorp } = await fixedDataSet();
    expect(await getEmailReach(db, { libraryId: t.library.id })).toEqual({
      activePatrons: 3,
      reachableByEmail: 1,
      optedIn: 1,
      deadAddresses: 2,
    });
    expect(await getEmailReach(db, { libraryId: t.library.id, branchIds: [dorp.id] })).toEqual({
      activePatrons: 0,
      reachableByEmail: 0,
      optedIn: 0,
      deadAddresses: 1,
    });
  });

  it("counts addresses that went dead on their library-local day, against the period before", async () => {
    const { t } = await fixedDataSet();
    const march = await getDeadAddressTrend(db, { libraryId: t.library.id, ...MARCH, bucket: "day" });
    expect(march.total).toBe(2);
    expect(march.previous).toBe(1);
    expect(march.overTime.find((o) => o.start === "2026-03-29")?.deadAddresses).toBe(1);
    expect(march.overTime.find((o) => o.start === "2026-03-28")?.deadAddresses).toBe(0);
    // a period ending on the 28th does not hold the flag raised at 00:30 on the 29th
    const until28 = await getDeadAddressTrend(db, {
      libraryId: t.library.id,
      from: "2026-03-01",
      to: "2026-03-28",
      bucket: "week",
    });
    expect(until28.total).toBe(1);
  });
});

describe("periods", () => {
  it("uses days up to a month, weeks up to half a year, months beyond", () => {
    expect(bucketFor("2026-03-01", "2026-03-31")).toBe("day");
    expect(bucketFor("2026-01-01", "2026-03-31")).toBe("week");
    expect(bucketFor("2025-12-01", "2026-11-30")).toBe("month");
    expect(bucketStarts("2026-03-25", "2026-04-08", "week")).toEqual([
      "2026-03-23",
      "2026-03-30",
      "2026-04-06",
    ]);
    expect(bucketStarts("2025-12-15", "2026-02-01", "month")).toEqual([
      "2025-12-01",
      "2026-01-01",
      "2026-02-01",
    ]);
    expect(previousPeriod("2026-03-01", "2026-03-31")).toEqual({ from: "2026-01-29", to: "2026-02-28" });
  });
});
