import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, test } from "vitest";
import type { LocalDate } from "@/lib/dates";
import { createRateLimiter } from "@/lib/delivery/rate-limiter";
import { buildResendClient } from "@/lib/delivery/resend-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type FakeResend, type FakeResendOptions, startFakeResend } from "@/scripts/fake-resend/fake-resend";
import { resetDatabase, useTestDb } from "@/test/db";
import { createOverdueLibrary } from "@/test/test-library";
import { configureTestQueue } from "@/test/test-queue";
import { createTestStaff } from "@/test/test-staff";
import { sendNoticeAgain } from "./change-send-run";
import { deliverBatch } from "./deliver-batch";
import { noticeFailure } from "./notice-failure";
import { prepareSendRun } from "./prepare-send-run";
import { stopQueue } from "./queue";
import { startSendRun } from "./start-send-run";
import { nudgeBatch, nudgeSendRun, startSendingWorker } from "./worker";

const db = useTestDb();
const date: LocalDate = "2026-03-10";
const baseUrl = "https://rappel.example.be";
let fake: FakeResend | undefined;
let worker: { stop(): Promise<void> } | undefined;

beforeAll(() => configureTestQueue(db));
afterAll(() => stopQueue());
beforeEach(() => resetDatabase(db));
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await fake?.stop();
  fake = undefined;
});

async function startWorker(options: FakeResendOptions = {}) {
  fake = await startFakeResend(options);
  const client = buildResendClient({
    apiKey: "re_test",
    baseUrl: fake.url,
    from: "unused <unused@example.org>",
    limiter: createRateLimiter({ perSecond: 1000, burst: 1000 }),
  });
  worker = await startSendingWorker({
    db,
    client,
    leaseMs: 1_000,
    sweepEveryMs: 300,
    retry: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 3 },
    schedule: false,
  });
  return fake;
}

async function runToEnd(libraryId: number) {
  const { runId } = await startSendRun(db, { libraryId, date, trigger: "staff", baseUrl });
  await nudgeSendRun(runId);
  for (let i = 0; i < 600; i++) {
    const run = await db.sendRun.findUniqueOrThrow({ where: { id: runId } });
    if (run.status === "succeeded" || run.status === "failed") return run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the run did not end within a minute");
}

describe("send runs", () => {
  // Several delivering jobs at once need several sessions: a PostgreSQL server (CI), not PGlite.
  test.skipIf(inject("embeddedDatabase"))(
    "every planned email is accepted exactly once through lost answers and 500s after accepting",
    async () => {
      const t = await createOverdueLibrary(db, { patrons: 250, date });
      const fake = await startWorker();
      fake.dropNext(1, { afterProcessing: true });
      fake.failNext(1, { status: 500 }, { afterProcessing: true });
      fake.dropNext(1);

      const run = await runToEnd(t.library.id);

      expect(run).toMatchObject({ status: "succeeded", planned: 250, sent: 250, failed: 0 });
      const sent = fake.sent();
      expect(sent).toHaveLength(250);
      const notices = await db.notice.findMany({ where: { libraryId: t.library.id } });
      expect(notices.every((n) => n.status === "sent" && n.providerId && n.sentAt)).toBe(true);
      expect(new Set(sent.map((e) => e.id))).toEqual(new Set(notices.map((n) => n.providerId)));
      const byNotice = new Map(sent.map((e) => [e.tags.find((tag) => tag.name === "notice")?.value, e]));
      for (const notice of notices)
        expect(byNotice.get(String(notice.id))?.to).toEqual([notice.recipientEmail]);
      const batches = await db.sendBatch.findMany();
      expect(batches.map((b) => b.status)).toEqual(["confirmed", "confirmed", "confirmed"]);
    },
  );

  test("two runs started for the same day at once: only one starts, and a second start finds the first", async () => {
    const t = await createOverdueLibrary(db, { patrons: 3, date });
    const input = { libraryId: t.library.id, date, trigger: "staff" as const, baseUrl };
    const [a, b] = await Promise.all([startSendRun(db, input), startSendRun(db, input)]);
    const scheduled = await startSendRun(db, { ...input, trigger: "schedule" });

    expect([a.started, b.started].sort()).toEqual([false, true]);
    expect(a.runId).toBe(b.runId);
    expect(scheduled).toEqual({ runId: a.runId, started: false });
    expect(await db.sendRun.count()).toBe(1);
  });

  test("a loan returned after planning is not sent: its notice is cancelled when the batch is fixed", async () => {
    const t = await createOverdueLibrary(db, { patrons: 3, date });
    const { runId } = await startSendRun(db, { libraryId: t.library.id, date, trigger: "staff", baseUrl });
    // plan only: the preparation stops at the first pause check
    const { planNotices } = await import("@/lib/planning/plan-notices");
    await planNotices(db, { libraryId: t.library.id, date });
    const [first] = await db.notice.findMany({ orderBy: { id: "asc" }, include: { loans: true } });
    await db.loan.update({ where: { id: first.loans[0].loanId }, data: { returnedAt: new Date() } });
    const fixed: number[] = [];
    await prepareSendRun(db, { runId, workerId: "test", onBatchFixed: async (id) => void fixed.push(id) });

    const cancelled = await db.notice.findUniqueOrThrow({ where: { id: first.id } });
    expect(cancelled.status).toBe("cancelled");
    const batch = await db.sendBatch.findFirstOrThrow();
    expect(batch.noticeIds).toHaveLength(2);
    expect(batch.noticeIds).not.toContain(first.id);
  });

  test("an address the provider rejects fails alone with the provider's words and queues the letter", async () => {
    const t = await createOverdueLibrary(db, { patrons: 3, date });
    const [patron] = await db.patron.findMany({ orderBy: { id: "asc" }, take: 1 });
    await db.patron.update({ where: { id: patron.id }, data: { email: "geen-adres" } });
    await startWorker();

    const run = await runToEnd(t.library.id);

    expect(run).toMatchObject({ status: "succeeded", sent: 2, failed: 1, letters: 1 });
    const failed = await db.notice.findFirstOrThrow({
      where: { patronId: patron.id },
      include: { letters: true },
    });
    expect(failed.status).toBe("failed");
    expect(failed.failureReason).toContain("`to`");
    expect(failed.failureCode).toBeNull();
    expect(failed.letters).toMatchObject([{ reason: "no_email", status: "queued" }]);
  });

  test("a patron whose address went after planning fails with a code, not English, and gets the letter", async () => {
    const t = await createOverdueLibrary(db, { patrons: 3, date });
    const { runId } = await startSendRun(db, { libraryId: t.library.id, date, trigger: "staff", baseUrl });
    const { planNotices } = await import("@/lib/planning/plan-notices");
    await planNotices(db, { libraryId: t.library.id, date });
    const [first] = await db.notice.findMany({ orderBy: { id: "asc" } });
    await db.patron.update({ where: { id: first.patronId }, data: { email: null } });
    await db.notice.update({ where: { id: first.id }, data: { recipientEmail: null } });
    await prepareSendRun(db, { runId, workerId: "test", onBatchFixed: async () => {} });

    const failed = await db.notice.findUniqueOrThrow({ where: { id: first.id }, include: { letters: true } });
    expect(failed).toMatchObject({ status: "failed", failureCode: "no_email", failureReason: null });
    expect(failed.letters).toMatchObject([{ reason: "no_email", status: "queued" }]);
    expect(noticeFailure(failed)).toEqual({ kind: "problem", problem: { code: "noticeFailure.no_email" } });
    // sent again later: the code goes with the failure
    const staff = await createTestStaff(db, { email: "l@bib.be", libraryId: t.library.id });
    await db.notice.update({ where: { id: first.id }, data: { recipientEmail: "terug@example.be" } });
    const again = await db.$transaction((tx) =>
      sendNoticeAgain(tx, {
        libraryId: t.library.id,
        noticeId: first.id,
        date,
        startedById: staff.id,
        baseUrl,
      }),
    );
    expect(again).not.toBeNull();
    expect(await db.notice.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      failureCode: null,
      failureReason: null,
    });
  });

  test("a provider's words are shown as theirs, and a code from a newer version as a failure in words", () => {
    expect(noticeFailure({ failureCode: null, failureReason: "Invalid `to` field." })).toEqual({
      kind: "provider",
      words: "Invalid `to` field.",
    });
    expect(noticeFailure({ failureCode: "from_a_newer_version", failureReason: null })).toEqual({
      kind: "problem",
      problem: { code: "noticeFailure.unknown" },
    });
  });

  test("a used-up quota stops the run with a clear message, and the next run sends the rest once", async () => {
    const t = await createOverdueLibrary(db, { patrons: 200, date });
    // two full batches, delivered side by side: whichever comes second finds the quota used up
    const fake = await startWorker({ quota: { daily: 100 } });

    const first = await runToEnd(t.library.id);

    expect(first.status).toBe("failed");
    expect(first.errorCode).toBe("quota");
    expect(first.error).toContain("quota");
    expect(first.sent).toBe(100);
    expect(await db.notice.count({ where: { status: "planned", sendBatchId: null } })).toBe(100);

    // a new day's quota: a fake without one, the same database
    await worker?.stop();
    await fake.stop();
    const next = await startWorker();
    const second = await runToEnd(t.library.id);
    expect(second).toMatchObject({ status: "succeeded", sent: 100 });
    expect(next.sent()).toHaveLength(100);
    expect(await db.notice.count({ where: { status: "sent" } })).toBe(200);
  });

  test("a wrong API key stops the run: Resend refused the API key", async () => {
    const t = await createOverdueLibrary(db, { patrons: 2, date });
    await startWorker({ apiKey: "re_the_right_one" });

    const run = await runToEnd(t.library.id);

    expect(run).toMatchObject({ status: "failed", errorCode: "api_key", sent: 0 });
    expect(run.error).toContain("Resend refused the API key: check RESEND_API_KEY");
    expect(await db.notice.count({ where: { status: "planned", sendBatchId: null } })).toBe(2);
  });
  test("a batch is sent with each notice's stored HTML and text, also one fixed with them in its payload", async () => {
    const t = await createOverdueLibrary(db, { patrons: 3, date });
    const { runId } = await startSendRun(db, { libraryId: t.library.id, date, trigger: "staff", baseUrl });
    const fixed: number[] = [];
    await prepareSendRun(db, { runId, workerId: "test", onBatchFixed: async (id) => void fixed.push(id) });
    const notices = await db.notice.findMany({ orderBy: { id: "asc" } });
    expect(notices.every((n) => n.html && n.text)).toBe(true);
    // the first email as a batch fixed before the bodies were kept apart had it
    const batch = await db.sendBatch.findUniqueOrThrow({ where: { id: fixed[0] } });
    const payload = batch.payload as Prisma.JsonObject[];
    payload[0] = { ...payload[0], html: "<p>zoals vastgelegd</p>", text: "zoals vastgelegd" };
    await db.sendBatch.update({ where: { id: batch.id }, data: { payload } });
    const fake = await startFakeResend();
    const client = buildResendClient({
      apiKey: "re_test",
      baseUrl: fake.url,
      from: "unused <unused@example.org>",
      limiter: createRateLimiter({ perSecond: 1000, burst: 1000 }),
    });

    const result = await deliverBatch(db, { batchId: batch.id, workerId: "test", client });
    await fake.stop();

    expect(result).toMatchObject({ outcome: "confirmed", sent: 3 });
    const stored = new Map(notices.map((n) => [n.id, [n.html, n.text]]));
    const expected = new Map(
      payload.map((email, i) => [
        String(email.to),
        i === 0 ? ["<p>zoals vastgelegd</p>", "zoals vastgelegd"] : stored.get(batch.noticeIds[i]),
      ]),
    );
    const sent = fake.sent();
    expect(sent).toHaveLength(3);
    for (const email of sent) expect([email.html, email.text]).toEqual(expected.get(String(email.to)));
  });
  test("a delivery that fails says so in the worker's log with the reason, and its batch stays fixed for the retry", async () => {
    const t = await createOverdueLibrary(db, { patrons: 2, date });
    const { runId } = await startSendRun(db, { libraryId: t.library.id, date, trigger: "staff", baseUrl });
    const fixed: number[] = [];
    await prepareSendRun(db, { runId, workerId: "test", onBatchFixed: async (id) => void fixed.push(id) });
    // a batch naming a notice that is not there cannot be sent as fixed
    const batch = await db.sendBatch.findUniqueOrThrow({ where: { id: fixed[0] } });
    const payload = batch.payload as Prisma.JsonObject[];
    await db.sendBatch.update({
      where: { id: batch.id },
      data: { noticeIds: [...batch.noticeIds, 2_000_000_000], payload: [...payload, payload[0]] },
    });
    fake = await startFakeResend();
    const logged: string[] = [];
    worker = await startSendingWorker({
      db,
      client: buildResendClient({
        apiKey: "re_test",
        baseUrl: fake.url,
        from: "unused <unused@example.org>",
        limiter: createRateLimiter({ perSecond: 1000, burst: 1000 }),
      }),
      schedule: false,
      log: (message) => void logged.push(message),
    });

    await nudgeBatch(batch.id);
    for (let i = 0; i < 100 && logged.length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));

    expect(logged).toContain(
      `batch ${batch.id}: delivering failed, to be retried: batch ${batch.id}: a notice of the batch is missing`,
    );
    expect(fake.sent()).toHaveLength(0);
    expect(await db.sendBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({
      status: "fixed",
    });
  });
});
