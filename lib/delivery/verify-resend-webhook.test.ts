import { Webhook } from "svix";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type FakeResend, startFakeResend } from "@/scripts/fake-resend/fake-resend";
import { type ReceivedWebhook, startWebhookReceiver } from "@/scripts/fake-resend/webhook-receiver";
import { createRateLimiter } from "./rate-limiter";
import { buildResendClient } from "./resend-client";
import { sendEmailBatch } from "./send-email-batch";
import { verifyResendWebhook } from "./verify-resend-webhook";

const secret = `whsec_${Buffer.from("a test secret of 24 bytes").toString("base64")}`;
let fake: FakeResend;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let bounced: ReceivedWebhook;
let providerId: string;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  fake = await startFakeResend({ webhookUrl: receiver.url, webhookSecret: secret, webhooksPaused: true });
  const client = buildResendClient({
    apiKey: "re_test",
    baseUrl: fake.url,
    from: "Bibliotheek <notices@rappel.example>",
    limiter: createRateLimiter({ perSecond: 100 }),
  });
  const [result] = await sendEmailBatch(
    client,
    [{ to: "bounced@resend.dev", subject: "Overdue", html: "<p>x</p>", text: "x", tags: { notice: 42 } }],
    { idempotencyKey: "bounce-1" },
  );
  if (!result.ok) throw new Error(result.reason);
  providerId = result.providerId;
  await fake.flushWebhooks();
  const found = receiver.received().find((w) => w.body.includes('"email.bounced"'));
  if (!found) throw new Error("no email.bounced webhook arrived");
  bounced = found;
});

afterAll(async () => {
  await fake.stop();
  await receiver.stop();
});

const headersOf = (webhook: ReceivedWebhook) => webhook.headers as Record<string, string>;

describe("verifyResendWebhook", () => {
  test("bounced@resend.dev produces a signed email.bounced webhook that verifies", () => {
    const verified = verifyResendWebhook(bounced.body, headersOf(bounced), secret);

    expect(verified.ok).toBe(true);
    if (!verified.ok || verified.event.type !== "email.bounced") throw new Error("not a verified bounce");
    expect(verified.svixId).toBe(headersOf(bounced)["svix-id"]);
    expect(verified.event.data.email_id).toBe(providerId);
    expect(verified.event.data.to).toEqual(["bounced@resend.dev"]);
    expect(verified.event.data.tags).toEqual({ notice: "42" });
    expect(verified.event.data.bounce).toMatchObject({ type: "Permanent", subType: "General" });
  });

  test("accepts a Headers object as a route handler gets it", () => {
    const verified = verifyResendWebhook(bounced.body, new Headers(headersOf(bounced)), secret);

    expect(verified.ok).toBe(true);
  });

  test("a tampered body is rejected", () => {
    const tampered = bounced.body.replace("bounced@resend.dev", "someone@example.org");

    expect(verifyResendWebhook(tampered, headersOf(bounced), secret).ok).toBe(false);
  });

  test("a signature made with another secret is rejected", () => {
    const other = `whsec_${Buffer.from("another secret, 24 bytes").toString("base64")}`;

    expect(verifyResendWebhook(bounced.body, headersOf(bounced), other).ok).toBe(false);
  });

  test("a correctly signed webhook with a timestamp over 5 minutes old is rejected", () => {
    const sixMinutesAgo = new Date(Date.now() - 6 * 60 * 1000);
    const id = "msg_replayed";
    const headers = {
      "svix-id": id,
      "svix-timestamp": String(Math.floor(sixMinutesAgo.getTime() / 1000)),
      "svix-signature": new Webhook(secret).sign(id, sixMinutesAgo, bounced.body),
    };

    const verified = verifyResendWebhook(bounced.body, headers, secret);

    expect(verified).toEqual({ ok: false, reason: "Message timestamp too old" });
  });

  test("a request without svix headers is rejected", () => {
    expect(verifyResendWebhook(bounced.body, {}, secret).ok).toBe(false);
  });
});
