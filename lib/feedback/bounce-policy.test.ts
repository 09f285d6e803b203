import { beforeEach, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record-audit";
import { correctPatronEmail } from "@/lib/desk/correct-contact";
import { chooseChannel } from "@/lib/planning/choose-channel";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestStaff } from "@/test/test-staff";
import { createFeedbackWorld, resendEvent, signedRequest, TEST_SECRET } from "@/test/test-world";
import { DEFAULT_BOUNCE_POLICY } from "./bounce-policy";
import { fallBackSilentNotices } from "./fall-back-silent-notices";
import { processPendingDeliveryEvents } from "./process-pending-delivery-events";
import { receiveResendWebhook } from "./receive-resend-webhook";

const db = useTestDb();
let world: Awaited<ReturnType<typeof createFeedbackWorld>>;

/** A webhook as Resend posts it, then the job that applies it. */
async function deliver(notice: { providerId: string | null }, type: string, at: string, extra = {}) {
  const reply = await receiveResendWebhook(
    signedRequest(JSON.stringify(resendEvent(type, notice.providerId as string, at, extra))),
    { db, secret: TEST_SECRET },
  );
  expect(reply.status).toBe(200);
  await processPendingDeliveryEvents(db);
}
const hard = { bounce: { type: "Permanent", subType: "General", message: "550 5.1.1 user unknown" } };
const mailboxFull = {
  bounce: { type: "Transient", subType: "MailboxFull", message: "452 4.2.2 mailbox full" },
};

const patron = () => db.patron.findUniqueOrThrow({ where: { id: world.patron.id } });
const openFlags = () => db.patronFlag.findMany({ where: { patronId: world.patron.id, resolvedAt: null } });
const letters = (noticeId: number) => db.letter.findMany({ where: { noticeId } });

describe("the bounce policy", () => {
  beforeEach(async () => {
    await resetDatabase(db);
    world = await createFeedbackWorld(db);
  });

  it("a hard bounce marks the address dead, flags the patron with code and values, and queues a fallback letter", async () => {
    const notice = await world.notice();
    await deliver(notice, "email.bounced", "2026-11-20T06:02:00Z", hard);
    expect(await patron()).toMatchObject({ emailStatus: "bounced" });
    const flags = await openFlags();
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: "email_bounced" });
    expect(flags[0].detail).toMatchObject({
      code: "no_such_address",
      address: "els@example.be",
      at: "2026-11-20T06:02:00.000Z",
      noticeId: notice.id,
    });
    expect(await letters(notice.id)).toMatchObject([
      { reason: "email_bounced", status: "queued", registered: false },
    ]);
    const after = await db.notice.findUniqueOrThrow({ where: { id: notice.id } });
    expect(after.status).toBe("bounced");
    expect(after.bouncedAt?.toISOString()).toBe("2026-11-20T06:02:00.000Z");
    const event = await db.deliveryEvent.findFirstOrThrow();
    expect(event.outcome).toMatchObject({ addressDead: true, letterId: expect.any(Number) });
  });

  it("a bounced pre-due reminder only flags: its stage has no letter fallback", async () => {
    const notice = await world.notice({ stage: "pre_due" });
    await deliver(notice, "email.bounced", "2026-11-20T06:02:00Z", hard);
    expect(await patron()).toMatchObject({ emailStatus: "bounced" });
    expect(await openFlags()).toHaveLength(1);
    expect(await letters(notice.id)).toEqual([]);
    expect((await db.deliveryEvent.findFirstOrThrow()).outcome).toMatchObject({ noLetterFallback: true });
  });

  it("a branch's own fallback wins: registered letter at this branch", async () => {
    await db.branchStageSetting.create({
      data: { stageId: world.overdue.id, branchId: world.branch.id, fallback: "registered_letter" },
    });
    const notice = await world.notice();
    await deliver(notice, "email.bounced", "2026-11-20T06:02:00Z", hard);
    expect(await letters(notice.id)).toMatchObject([{ reason: "email_bounced", registered: true }]);
  });

  it("a suppressed address and a failed send are dead addresses too", async () => {
    const suppressed = await world.notice();
    await deliver(suppressed, "email.suppressed", "2026-11-20T06:02:00Z", {
      suppressed: { type: "OnAccountSuppressionList", message: "on the suppression list" },
    });
    expect(await patron()).toMatchObject({ emailStatus: "bounced" });
    expect(await letters(suppressed.id)).toHaveLength(1);

    await db.patron.update({ where: { id: world.patron.id }, data: { emailStatus: "ok" } });
    await db.patronFlag.deleteMany();
    const failed = await world.notice();
    await deliver(failed, "email.failed", "2026-11-21T06:02:00Z", {
      failed: { reason: "reached_daily_quota" },
    });
    expect(await patron()).toMatchObject({ emailStatus: "bounced" });
    expect((await openFlags())[0].detail).toMatchObject({ code: "send_failed" });
    expect((await db.notice.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("failed");
    expect(await letters(failed.id)).toHaveLength(1);
  });

  it("a spam complaint marks the address complained, flags it, queues the letter, and stops optional reminders by email", async () => {
    const notice = await world.notice();
    await deliver(notice, "email.delivered", "2026-11-20T06:01:00Z");
    await deliver(notice, "email.complained", "2026-11-20T09:00:00Z");
    const after = await patron();
    expect(after.emailStatus).toBe("complained");
    expect((await openFlags()).map((f) => f.kind)).toEqual(["email_complained"]);
    expect(await letters(notice.id)).toHaveLength(1);
    expect((await db.notice.findUniqueOrThrow({ where: { id: notice.id } })).status).toBe("complained");

    const preDue = chooseChannel({
      stage: {
        kind: "pre_due",
        channel: "email",
        fallback: "none",
        audience: "opted_in",
        channelLevel: "system",
      },
      patron: {
        email: after.email,
        emailStatus: after.emailStatus,
        emailStatusDate: "2026-11-20",
        channelPreference: null,
        preDueOptIn: true,
        noticesPausedUntil: null,
      },
      patronStageChannel: null,
      date: "2026-11-25",
    });
    expect(preDue.channel).toBeNull();
    // A later delivery does not lift a complaint: only a person can.
    const later = await world.notice();
    await deliver(later, "email.delivered", "2026-11-27T06:01:00Z");
    expect((await patron()).emailStatus).toBe("complained");
    expect(await openFlags()).toHaveLength(1);
  });

  it("transient bounces are counted: the third within 30 days makes the address dead", async () => {
    const [a, b, c] = [await world.notice(), await world.notice(), await world.notice()];
    await deliver(a, "email.bounced", "2026-11-01T06:00:00Z", mailboxFull);
    expect(await patron()).toMatchObject({ emailStatus: "soft_bouncing", softBounceCount: 1 });
    await deliver(b, "email.bounced", "2026-11-10T06:00:00Z", mailboxFull);
    expect(await patron()).toMatchObject({ emailStatus: "soft_bouncing", softBounceCount: 2 });
    expect(await openFlags()).toEqual([]);
    expect(await letters(b.id)).toEqual([]);
    await deliver(c, "email.bounced", "2026-11-20T06:00:00Z", mailboxFull);
    expect(await patron()).toMatchObject({ emailStatus: "bounced", softBounceCount: 3 });
    const flags = await openFlags();
    expect(flags[0].detail).toMatchObject({ code: "mailbox_full", count: 3 });
    expect(await letters(c.id)).toHaveLength(1);
  });

  it("transient bounces older than the window do not count, and the limit is the library's setting", async () => {
    const [a, b, c] = [await world.notice(), await world.notice(), await world.notice()];
    await deliver(a, "email.bounced", "2026-09-01T06:00:00Z", mailboxFull);
    await deliver(b, "email.bounced", "2026-11-10T06:00:00Z", mailboxFull);
    await deliver(c, "email.bounced", "2026-11-20T06:00:00Z", mailboxFull);
    expect(await patron()).toMatchObject({ emailStatus: "soft_bouncing", softBounceCount: 2 });

    await db.bouncePolicy.create({ data: { libraryId: world.library.id, softBounceLimit: 2 } });
    const d = await world.notice();
    await deliver(d, "email.bounced", "2026-11-21T06:00:00Z", mailboxFull);
    expect((await patron()).emailStatus).toBe("bounced");
  });

  it("a late delivered never undoes a bounce; a bounce after delivered still counts", async () => {
    const first = await world.notice();
    // the bounce arrives before the (earlier) delivered event
    await deliver(first, "email.bounced", "2026-11-20T06:05:00Z", hard);
    await deliver(first, "email.delivered", "2026-11-20T06:01:00Z");
    expect((await db.notice.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("bounced");
    expect(await patron()).toMatchObject({ emailStatus: "bounced" });
    expect(await openFlags()).toHaveLength(1);

    await resetDatabase(db);
    world = await createFeedbackWorld(db);
    const second = await world.notice();
    await deliver(second, "email.delivered", "2026-11-20T06:01:00Z");
    await deliver(second, "email.bounced", "2026-11-20T06:05:00Z", hard);
    expect((await db.notice.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("bounced");
    expect(await patron()).toMatchObject({ emailStatus: "bounced" });
    expect(await letters(second.id)).toHaveLength(1);
  });

  it("reordered events processed in one batch end in the same state as in order", async () => {
    const notice = await world.notice();
    for (const [type, at, extra] of [
      ["email.bounced", "2026-11-20T06:05:00Z", hard],
      ["email.delivered", "2026-11-20T06:01:00Z", {}],
      ["email.sent", "2026-11-20T06:00:00Z", {}],
    ] as const) {
      await receiveResendWebhook(
        signedRequest(JSON.stringify(resendEvent(type, notice.providerId as string, at, extra))),
        { db, secret: TEST_SECRET },
      );
    }
    await processPendingDeliveryEvents(db);
    expect((await db.notice.findUniqueOrThrow({ where: { id: notice.id } })).status).toBe("bounced");
    expect(await patron()).toMatchObject({ emailStatus: "bounced" });
  });

  it("a later successful delivery to the same address clears the flag; one to an old address does not", async () => {
    const bounced = await world.notice();
    await deliver(bounced, "email.bounced", "2026-11-20T06:02:00Z", hard);
    const oldAddress = await world.notice({ to: "els@oud.be" });
    await deliver(oldAddress, "email.delivered", "2026-11-21T06:02:00Z");
    expect(await openFlags()).toHaveLength(1);
    const later = await world.notice();
    await deliver(later, "email.delivered", "2026-11-27T06:02:00Z");
    expect(await patron()).toMatchObject({ emailStatus: "ok", softBounceCount: 0 });
    expect(await openFlags()).toEqual([]);
    expect((await db.patronFlag.findFirstOrThrow()).resolvedAt?.toISOString()).toBe(
      "2026-11-27T06:02:00.000Z",
    );
  });

  it("a bounce for an address the patron no longer has queues the letter but leaves the patron alone", async () => {
    const notice = await world.notice({ to: "els@oud.be" });
    await deliver(notice, "email.bounced", "2026-11-20T06:02:00Z", hard);
    expect(await patron()).toMatchObject({ emailStatus: "unknown" });
    expect(await openFlags()).toEqual([]);
    expect(await letters(notice.id)).toHaveLength(1);
  });

  it("a corrected address at the desk clears the flag and the count, audited", async () => {
    const notice = await world.notice();
    await deliver(notice, "email.bounced", "2026-11-20T06:02:00Z", hard);
    const staff = await createTestStaff(db, { email: "balie@fb.be" });
    await db.$transaction((tx) =>
      correctPatronEmail(
        tx,
        (change) =>
          recordAudit(tx, { libraryId: world.library.id, actorId: staff.id, actorLabel: "Balie", ...change }),
        { staffId: staff.id, libraryId: world.library.id },
        { patronId: world.patron.id, email: "els@nieuw.be" },
      ),
    );
    expect(await patron()).toMatchObject({
      email: "els@nieuw.be",
      emailStatus: "unknown",
      softBounceCount: 0,
    });
    expect(await openFlags()).toEqual([]);
    expect((await db.patronFlag.findFirstOrThrow()).resolvedById).toBe(staff.id);
  });

  it("an overdue notice with no delivery event within 48 hours becomes a letter; pre-due, heard-from and recent ones do not", async () => {
    const now = new Date("2026-11-23T07:00:00Z");
    const silent = await world.notice({ sentAt: new Date("2026-11-21T06:00:00Z") });
    const recent = await world.notice({ sentAt: new Date("2026-11-22T06:00:00Z") });
    const preDue = await world.notice({ stage: "pre_due", sentAt: new Date("2026-11-20T06:00:00Z") });
    const delivered = await world.notice({ sentAt: new Date("2026-11-20T06:00:00Z") });
    await deliver(delivered, "email.delivered", "2026-11-20T06:01:00Z");
    const onlySent = await world.notice({ sentAt: new Date("2026-11-20T06:00:00Z") });
    await deliver(onlySent, "email.sent", "2026-11-20T06:00:00Z");

    const first = await fallBackSilentNotices(db, {
      libraryId: world.library.id,
      policy: DEFAULT_BOUNCE_POLICY,
      now,
    });
    expect(first.letters).toBe(2);
    expect(await letters(silent.id)).toMatchObject([{ reason: "email_bounced", status: "queued" }]);
    expect(await letters(onlySent.id)).toHaveLength(1);
    for (const n of [recent, preDue, delivered]) expect(await letters(n.id)).toEqual([]);
    expect(await db.deliveryEvent.count({ where: { type: "rappel.no_delivery" } })).toBe(2);
    expect(await openFlags()).toEqual([]);

    const again = await fallBackSilentNotices(db, {
      libraryId: world.library.id,
      policy: DEFAULT_BOUNCE_POLICY,
      now,
    });
    expect(again.letters).toBe(0);
    const other = await createFeedbackWorld(db, "other");
    await other.notice({ sentAt: new Date("2026-11-20T06:00:00Z") });
    await fallBackSilentNotices(db, { libraryId: world.library.id, policy: DEFAULT_BOUNCE_POLICY, now });
    expect(await db.letter.count()).toBe(2);
  });
});
