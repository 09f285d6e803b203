import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record-audit";
import { createRateLimiter } from "@/lib/delivery/rate-limiter";
import { buildResendClient } from "@/lib/delivery/resend-client";
import { type FakeResend, startFakeResend } from "@/scripts/fake-resend/fake-resend";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestStaff } from "@/test/test-staff";
import { createFeedbackWorld, resendEvent, signedRequest, TEST_SECRET } from "@/test/test-world";
import { dismissBounces, sendBouncedNoticesAgain } from "./act-on-bounces";
import { listBounces } from "./list-bounces";
import { processPendingDeliveryEvents } from "./process-pending-delivery-events";
import { receiveResendWebhook } from "./receive-resend-webhook";

const db = useTestDb();
const now = new Date("2026-11-25T12:00:00Z");

async function deliver(notice: { providerId: string | null }, type: string, at: string, extra = {}) {
  await receiveResendWebhook(
    signedRequest(JSON.stringify(resendEvent(type, notice.providerId as string, at, extra))),
    { db, secret: TEST_SECRET },
  );
  await processPendingDeliveryEvents(db);
}
const hard = { bounce: { type: "Permanent", subType: "General", message: "user unknown" } };
const full = { bounce: { type: "Transient", subType: "MailboxFull", message: "mailbox full" } };

describe("the Bounces page's list and actions", () => {
  let world: Awaited<ReturnType<typeof createFeedbackWorld>>;
  let other: Awaited<ReturnType<typeof createFeedbackWorld>>;
  let fake: FakeResend;

  beforeAll(async () => {
    fake = await startFakeResend({ webhookSecret: TEST_SECRET, webhooksPaused: true });
  });
  afterAll(() => fake.stop());

  beforeEach(async () => {
    await resetDatabase(db);
    world = await createFeedbackWorld(db, "a");
    other = await createFeedbackWorld(db, "b");
    await deliver(await world.notice(), "email.bounced", "2026-11-20T06:02:00Z", full);
    await deliver(await world.notice(), "email.bounced", "2026-11-21T06:02:00Z", hard);
    await deliver(await world.notice(), "email.delivered", "2026-11-19T06:02:00Z");
    await deliver(await other.notice(), "email.bounced", "2026-11-20T06:02:00Z", hard);
  });

  it("lists one library's problems newest first with what Rappel did, and counts them per type", async () => {
    const { rows, counts } = await listBounces(db, { libraryId: world.library.id, now });
    expect(rows.map((r) => [r.type, r.reason])).toEqual([
      ["permanent_bounce", "no_such_address"],
      ["transient_bounce", "mailbox_full"],
    ]);
    expect(rows[0]).toMatchObject({
      address: "els@example.be",
      branch: "Hoofdbib a",
      patron: { name: "Els Verstraete", emailStatus: "bounced" },
      did: { addressDead: true, flagged: true, letter: { status: "queued" } },
    });
    expect(rows[1].did).toMatchObject({ addressDead: false, softBounces: 1, letter: null });
    expect(counts).toMatchObject({ permanent_bounce: 1, transient_bounce: 1, complaint: 0 });
  });

  it("filters by type, branch and period", async () => {
    const byType = await listBounces(db, {
      libraryId: world.library.id,
      now,
      filters: { type: "transient_bounce" },
    });
    expect(byType.rows.map((r) => r.reason)).toEqual(["mailbox_full"]);
    expect(byType.counts.permanent_bounce).toBe(1);
    const otherBranch = await listBounces(db, {
      libraryId: world.library.id,
      now,
      filters: { branchId: other.branch.id },
    });
    expect(otherBranch.rows).toEqual([]);
    const lastWeek = await listBounces(db, {
      libraryId: world.library.id,
      now: new Date("2026-12-28T12:00:00Z"),
      filters: { period: "7" },
    });
    expect(lastWeek.rows).toEqual([]);
  });

  it("dismissing with a note takes problems off the open list, audited; another library's ids are not found", async () => {
    const staff = await createTestStaff(db, { email: "bib@a.be", role: "librarian" });
    const { rows } = await listBounces(db, { libraryId: world.library.id, now });
    const theirs = await listBounces(db, { libraryId: other.library.id, now });
    const result = await db.$transaction((tx) =>
      dismissBounces(
        tx,
        (c) => recordAudit(tx, { libraryId: world.library.id, actorId: staff.id, actorLabel: "Bib", ...c }),
        {
          libraryId: world.library.id,
          staffId: staff.id,
          eventIds: [...rows.map((r) => r.eventId), theirs.rows[0].eventId],
          note: "Called the patron",
        },
      ),
    );
    expect(result.dismissed).toBe(2);
    expect((await listBounces(db, { libraryId: world.library.id, now })).rows).toEqual([]);
    const dismissed = await listBounces(db, {
      libraryId: world.library.id,
      now,
      filters: { dismissed: true },
    });
    expect(dismissed.rows[0].dismissed).toMatchObject({ note: "Called the patron", by: "bib" });
    expect((await listBounces(db, { libraryId: other.library.id, now })).rows).toHaveLength(1);
    expect(await db.auditEntry.count({ where: { action: "bounce.dismiss" } })).toBe(2);
  });

  it("send again goes only to a corrected address, through Resend, and takes the letter out of the queue", async () => {
    const staff = await createTestStaff(db, { email: "bib@a.be", role: "librarian" });
    const client = buildResendClient({
      apiKey: "re_test",
      baseUrl: fake.url,
      from: "Bib <bib@a.be>",
      limiter: createRateLimiter({ perSecond: 100 }),
    });
    const { rows } = await listBounces(db, { libraryId: world.library.id, now });
    const bounce = rows[0];
    await db.notice.update({
      where: { id: bounce.noticeId },
      data: { subject: "Uw boeken", html: "<p>Uw boeken</p>", text: "Uw boeken" },
    });
    const send = () =>
      db.$transaction((tx) =>
        sendBouncedNoticesAgain(
          tx,
          (c) => recordAudit(tx, { libraryId: world.library.id, actorId: staff.id, actorLabel: "Bib", ...c }),
          {
            libraryId: world.library.id,
            staffId: staff.id,
            eventIds: [bounce.eventId],
            client,
            note: "sent again",
          },
        ),
      );
    expect(await send()).toEqual({ sent: 0, addressStillDead: 1, failed: 0 });
    expect(fake.sent()).toHaveLength(0);

    await db.patron.update({
      where: { id: world.patron.id },
      data: { email: "els@nieuw.be", emailStatus: "unknown" },
    });
    expect(await send()).toEqual({ sent: 1, addressStillDead: 0, failed: 0 });
    expect(fake.sent().map((e) => e.to)).toEqual([["els@nieuw.be"]]);
    const notice = await db.notice.findUniqueOrThrow({
      where: { id: bounce.noticeId },
      include: { letters: true },
    });
    expect(notice).toMatchObject({
      status: "sent",
      recipientEmail: "els@nieuw.be",
      providerId: fake.sent()[0].id,
    });
    expect(notice.letters.map((l) => l.status)).toEqual(["cancelled"]);
    expect((await listBounces(db, { libraryId: world.library.id, now })).rows.map((r) => r.reason)).toEqual([
      "mailbox_full",
    ]);
  });
});
