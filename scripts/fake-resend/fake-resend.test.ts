import { Resend } from "resend";
import { afterEach, describe, expect, test } from "vitest";
import { verifyResendWebhook } from "@/lib/delivery/verify-resend-webhook";
import { type FakeResend, type FakeResendOptions, startFakeResend } from "./fake-resend";
import { startWebhookReceiver } from "./webhook-receiver";

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

async function fakeResend(options: FakeResendOptions = {}): Promise<{ fake: FakeResend; resend: Resend }> {
  const fake = await startFakeResend(options);
  stops.push(fake.stop);
  return { fake, resend: new Resend("re_test", { baseUrl: fake.url }) };
}

async function receiver() {
  const started = await startWebhookReceiver();
  stops.push(started.stop);
  return started;
}

const email = (to: string, subject = "Overdue") => ({
  from: "Bibliotheek <notices@rappel.example>",
  to,
  subject,
  html: "<p>Your loans are overdue</p>",
  text: "Your loans are overdue",
});

const typesOf = (bodies: { body: string }[]) => bodies.map((w) => JSON.parse(w.body).type);

describe("fake Resend API", () => {
  test("refuses a request without a Bearer key with 401 missing_api_key", async () => {
    const { fake } = await fakeResend();
    const response = await fetch(`${fake.url}/emails`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(email("delivered@resend.dev")),
    });

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ statusCode: 401, name: "missing_api_key" });
    expect(fake.sent()).toHaveLength(0);
  });

  test("refuses another key than the configured one with 403 invalid_api_key", async () => {
    const { resend } = await fakeResend({ apiKey: "re_right" });
    const { error } = await resend.emails.send(email("delivered@resend.dev"));

    expect(error).toMatchObject({ statusCode: 403, name: "invalid_api_key" });
  });

  test("the same idempotency key and payload answer with the same id and send once", async () => {
    const { fake, resend } = await fakeResend();
    const first = await resend.emails.send(email("delivered@resend.dev"), { idempotencyKey: "notice-1" });
    const again = await resend.emails.send(email("delivered@resend.dev"), { idempotencyKey: "notice-1" });

    expect(again.data?.id).toBe(first.data?.id);
    expect(fake.sent()).toHaveLength(1);
  });

  test("the same idempotency key with another payload is refused with 409 invalid_idempotent_request", async () => {
    const { fake, resend } = await fakeResend();
    await resend.emails.send(email("delivered@resend.dev"), { idempotencyKey: "notice-2" });
    const { error } = await resend.emails.send(email("delivered@resend.dev", "Changed"), {
      idempotencyKey: "notice-2",
    });

    expect(error).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });
    expect(fake.sent()).toHaveLength(1);
  });

  test("the same idempotency key while the first request runs is refused with 409 concurrent_idempotent_requests", async () => {
    const { resend } = await fakeResend({ latencyMs: 200 });
    const [a, b] = await Promise.all([
      resend.emails.send(email("delivered@resend.dev"), { idempotencyKey: "notice-3" }),
      resend.emails.send(email("delivered@resend.dev"), { idempotencyKey: "notice-3" }),
    ]);

    expect([a.error?.name, b.error?.name]).toContain("concurrent_idempotent_requests");
  });

  test("over the per-second limit answers 429 rate_limit_exceeded with retry-after and ratelimit headers", async () => {
    const { resend } = await fakeResend({ rateLimitPerSecond: 2 });
    const results = await Promise.all([1, 2, 3].map((i) => resend.emails.send(email(`p${i}@example.org`))));
    const limited = results.find((r) => r.error);

    expect(results.filter((r) => r.data)).toHaveLength(2);
    expect(limited?.error).toMatchObject({ statusCode: 429, name: "rate_limit_exceeded" });
    expect(limited?.headers).toMatchObject({
      "ratelimit-limit": "2",
      "ratelimit-remaining": "0",
      "retry-after": "1",
      "ratelimit-reset": "1",
    });
  });

  test("past the daily quota answers 429 daily_quota_exceeded", async () => {
    const { resend } = await fakeResend({ quota: { daily: 1 } });
    await resend.emails.send(email("delivered@resend.dev"));
    const { error } = await resend.emails.send(email("delivered@resend.dev"));

    expect(error).toMatchObject({ statusCode: 429, name: "daily_quota_exceeded" });
  });

  test("a batch of more than 100 emails is refused", async () => {
    const { fake, resend } = await fakeResend();
    const { error } = await resend.batch.send(
      Array.from({ length: 101 }, () => email("delivered@resend.dev")),
    );

    expect(error).toMatchObject({ statusCode: 422, name: "validation_error" });
    expect(fake.sent()).toHaveLength(0);
  });

  test("strict batch validation refuses the whole batch for one invalid email, naming its index", async () => {
    const { fake, resend } = await fakeResend();
    const { error } = await resend.batch.send([email("delivered@resend.dev"), email("nobody")]);

    expect(error?.message).toMatch(/^emails\[1\]: Invalid `to` field/);
    expect(fake.sent()).toHaveLength(0);
  });

  test("permissive batch validation sends the valid emails and lists the others by index", async () => {
    const { fake, resend } = await fakeResend();
    const { data } = await resend.batch.send([email("nobody"), email("delivered@resend.dev")], {
      batchValidation: "permissive",
    });

    expect(data?.data).toEqual([{ id: fake.sent()[0].id }]);
    expect(data?.errors).toEqual([{ index: 0, message: expect.stringContaining("`to`") }]);
  });

  test("Resend's test addresses, their +label variants and bounce.test addresses end as they would at Resend", async () => {
    const { resend } = await fakeResend();
    const lastEvent = async (to: string) => {
      const { data } = await resend.emails.send(email(to));
      return (await resend.emails.get(data?.id ?? "missing")).data?.last_event;
    };

    expect(await lastEvent("delivered@resend.dev")).toBe("delivered");
    expect(await lastEvent("bounced+stage2@resend.dev")).toBe("bounced");
    expect(await lastEvent("Jan Peeters <jan@bounce.test>")).toBe("bounced");
    expect(await lastEvent("complained+x@resend.dev")).toBe("complained");
    expect(await lastEvent("patron@example.org")).toBe("delivered");
  });

  test("GET /emails/:id of an unknown email answers 404 not_found", async () => {
    const { resend } = await fakeResend();
    const { error } = await resend.emails.get("00000000-0000-0000-0000-000000000000");

    expect(error).toMatchObject({ statusCode: 404, name: "not_found" });
  });

  test("lists the captured emails newest first, for the demo's outbox page", async () => {
    const { resend } = await fakeResend();
    await resend.emails.send(email("a@example.org", "First"));
    await resend.emails.send(email("b@example.org", "Second"));
    const { data } = await resend.emails.list();

    expect(data?.data.map((e) => e.subject)).toEqual(["Second", "First"]);
  });
});

describe("fake Resend webhooks", () => {
  test("wait while paused, then arrive signed on flush: sent, delivered, complained", async () => {
    const endpoint = await receiver();
    const { fake, resend } = await fakeResend({ webhookUrl: endpoint.url, webhooksPaused: true });
    await resend.emails.send(email("complained@resend.dev"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(endpoint.received()).toHaveLength(0);

    await fake.flushWebhooks();

    const received = endpoint.received();
    expect(typesOf(received)).toEqual(["email.sent", "email.delivered", "email.complained"]);
    for (const webhook of received) {
      const verified = verifyResendWebhook(
        webhook.body,
        webhook.headers as Record<string, string>,
        fake.webhookSecret,
      );
      expect(verified.ok).toBe(true);
    }
  });

  test("are posted on their own when not paused", async () => {
    const endpoint = await receiver();
    const { resend } = await fakeResend({ webhookUrl: endpoint.url });
    await resend.emails.send(email("bounced@resend.dev"));
    await expect.poll(() => typesOf(endpoint.received())).toEqual(["email.sent", "email.bounced"]);
  });

  test("a failed webhook is posted again with the same svix-id", async () => {
    const endpoint = await receiver();
    const { fake, resend } = await fakeResend({ webhookUrl: endpoint.url, webhooksPaused: true });
    await resend.emails.send(email("delivered@resend.dev"));
    endpoint.failNext(1);

    expect(await fake.flushWebhooks()).toEqual({ delivered: 1, pending: 1, failed: 0 });
    expect(await fake.flushWebhooks()).toEqual({ delivered: 2, pending: 0, failed: 0 });
    const ids = endpoint.received().map((w) => w.headers["svix-id"]);
    expect(typesOf(endpoint.received())).toEqual(["email.sent", "email.delivered", "email.sent"]);
    expect(ids[2]).toBe(ids[0]);
  });
});
