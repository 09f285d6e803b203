import { afterEach, describe, expect, test } from "vitest";
import { type FakeResend, startFakeResend } from "@/scripts/fake-resend/fake-resend";
import { createRateLimiter } from "./rate-limiter";
import { buildResendClient } from "./resend-client";
import { sendEmailBatch } from "./send-email-batch";
import type { OutgoingEmail } from "./types";

const fakes: FakeResend[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.stop()));
});

async function fakeResend(options: Parameters<typeof startFakeResend>[0] = {}) {
  const fake = await startFakeResend(options);
  fakes.push(fake);
  const client = buildResendClient({
    apiKey: "re_test",
    baseUrl: fake.url,
    from: "Bibliotheek Test <notices@rappel.example>",
    limiter: createRateLimiter({ perSecond: 1000, burst: 1000 }),
  });
  return { fake, client };
}

const fastRetry = { baseDelayMs: 5, maxDelayMs: 20 };

function emails(count: number, to = (i: number) => `patron${i}@example.org`): OutgoingEmail[] {
  return Array.from({ length: count }, (_, i) => ({
    to: to(i),
    subject: `Your loans are overdue (${i})`,
    html: `<p>Notice ${i}</p>`,
    text: `Notice ${i}`,
    tags: { notice: i, stage: "overdue 1", branch: "Meulebeke é" },
  }));
}

const batchCalls = (fake: FakeResend) => fake.requests().filter((r) => r.path === "/emails/batch");

describe("sendEmailBatch", () => {
  test("a batch of 150 emails goes out as 2 calls and every email gets its provider id, in order", async () => {
    const { fake, client } = await fakeResend();
    const results = await sendEmailBatch(client, emails(150), { idempotencyKey: "run-1" });

    expect(batchCalls(fake)).toHaveLength(2);
    expect(batchCalls(fake).map((r) => r.idempotencyKey)).toEqual(["run-1:1", "run-1:2"]);
    const sent = fake.sent();
    expect(sent).toHaveLength(150);
    expect(results.map((r) => (r.ok ? r.providerId : null))).toEqual(sent.map((e) => e.id));
    expect(sent[149].to).toEqual(["patron149@example.org"]);
  });

  test("sends html and text, sanitised tags and one-click unsubscribe headers", async () => {
    const { fake, client } = await fakeResend();
    const [email] = emails(1);
    await sendEmailBatch(client, [{ ...email, unsubscribeUrl: "https://rappel.example/u/abc" }], {
      idempotencyKey: "one",
    });

    const [sent] = fake.sent();
    expect(sent.from).toBe("Bibliotheek Test <notices@rappel.example>");
    expect(sent.html).toBe("<p>Notice 0</p>");
    expect(sent.text).toBe("Notice 0");
    expect(sent.tags).toEqual([
      { name: "notice", value: "0" },
      { name: "stage", value: "overdue_1" },
      { name: "branch", value: "Meulebeke_e" },
    ]);
    expect(sent.headers).toEqual({
      "List-Unsubscribe": "<https://rappel.example/u/abc>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });

  test("a batch sent again with the same idempotency key creates each email once", async () => {
    const { fake, client } = await fakeResend();
    const list = emails(120);
    const first = await sendEmailBatch(client, list, { idempotencyKey: "run-2" });
    const again = await sendEmailBatch(client, list, { idempotencyKey: "run-2" });

    expect(fake.sent()).toHaveLength(120);
    expect(again).toEqual(first);
  });

  test("a batch whose answer is lost is retried with the same key and sent once", async () => {
    const { fake, client } = await fakeResend();
    fake.dropNext(1, { afterProcessing: true });
    const results = await sendEmailBatch(client, emails(3), { idempotencyKey: "run-3", retry: fastRetry });

    expect(batchCalls(fake).map((r) => r.idempotencyKey)).toEqual(["run-3", "run-3"]);
    expect(fake.sent()).toHaveLength(3);
    expect(results.map((r) => r.ok && r.providerId)).toEqual(fake.sent().map((e) => e.id));
  });

  test("a 500 then success is retried and sent once", async () => {
    const { fake, client } = await fakeResend();
    fake.failNext(1, { status: 500 });
    const results = await sendEmailBatch(client, emails(2), { idempotencyKey: "run-4", retry: fastRetry });

    expect(batchCalls(fake).map((r) => r.status)).toEqual([500, 200]);
    expect(fake.sent()).toHaveLength(2);
    expect(results.every((r) => r.ok)).toBe(true);
  });

  test("a 429 waits for retry-after before trying again", async () => {
    const { fake, client } = await fakeResend();
    fake.failNext(1, { status: 429, retryAfterSeconds: 1 });
    const results = await sendEmailBatch(client, emails(2), { idempotencyKey: "run-5", retry: fastRetry });

    const [limited, accepted] = batchCalls(fake);
    expect(limited.status).toBe(429);
    expect(accepted.status).toBe(200);
    expect(accepted.at - limited.at).toBeGreaterThanOrEqual(950);
    expect(results.every((r) => r.ok)).toBe(true);
  });

  test("network failures are retried up to the limit and then reported as retryable", async () => {
    const { fake, client } = await fakeResend();
    fake.dropNext(5);
    const results = await sendEmailBatch(client, emails(2), {
      idempotencyKey: "run-6",
      retry: { ...fastRetry, maxAttempts: 3 },
    });

    expect(batchCalls(fake)).toHaveLength(3);
    expect(fake.sent()).toHaveLength(0);
    expect(results[0]).toMatchObject({ ok: false, retryable: true, code: "application_error" });
  });

  test("an exceeded daily quota is not retried and is reported on every email", async () => {
    const { fake, client } = await fakeResend({ quota: { daily: 3 } });
    const results = await sendEmailBatch(client, emails(5), { idempotencyKey: "run-7", retry: fastRetry });

    expect(batchCalls(fake)).toHaveLength(1);
    expect(results).toHaveLength(5);
    for (const result of results) {
      expect(result).toMatchObject({ ok: false, retryable: false, code: "daily_quota_exceeded" });
    }
  });

  test("a permissive batch reports the invalid email by index and sends the others", async () => {
    const { fake, client } = await fakeResend();
    const list = emails(3, (i) => (i === 1 ? "not-an-address" : `patron${i}@example.org`));
    const results = await sendEmailBatch(client, list, { idempotencyKey: "run-8" });

    expect(fake.sent().map((e) => e.to[0])).toEqual(["patron0@example.org", "patron2@example.org"]);
    expect(results[0]).toEqual({ ok: true, providerId: fake.sent()[0].id });
    expect(results[1]).toMatchObject({ ok: false, retryable: false, code: "validation_error" });
    expect(results[1].ok === false && results[1].reason).toContain("`to`");
    expect(results[2]).toEqual({ ok: true, providerId: fake.sent()[1].id });
  });

  test("a strict batch with one invalid email sends nothing and is not retried", async () => {
    const { fake, client } = await fakeResend();
    const list = emails(3, (i) => (i === 2 ? "not-an-address" : `patron${i}@example.org`));
    const results = await sendEmailBatch(client, list, { idempotencyKey: "run-9", validation: "strict" });

    expect(batchCalls(fake)).toHaveLength(1);
    expect(fake.sent()).toHaveLength(0);
    expect(results.every((r) => !r.ok && !r.retryable)).toBe(true);
  });
});
