import { afterEach, expect, test } from "vitest";
import { type FakeResend, startFakeResend } from "@/scripts/fake-resend/fake-resend";
import { createRateLimiter } from "./rate-limiter";
import { buildResendClient } from "./resend-client";
import { sendEmailBatch } from "./send-email-batch";

let fake: FakeResend | undefined;
afterEach(() => fake?.stop());

/** the most requests that fall in any one second */
function busiestSecond(times: number[]): number {
  return Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + 1000).length));
}

test("the rate limiter spaces concurrent sends: no second holds more than N + 1 calls, none is refused", async () => {
  const perSecond = 4;
  // The fake allows one more than the client asks for: a margin for network jitter.
  fake = await startFakeResend({ rateLimitPerSecond: perSecond + 1 });
  const client = buildResendClient({
    apiKey: "re_test",
    baseUrl: fake.url,
    from: "Bibliotheek <notices@rappel.example>",
    limiter: createRateLimiter({ perSecond }),
  });
  const started = Date.now();
  await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      sendEmailBatch(client, [{ to: `p${i}@example.org`, subject: "s", html: "<p>h</p>", text: "t" }], {
        idempotencyKey: `limit-${i}`,
      }),
    ),
  );
  const requests = fake.requests();

  expect(requests).toHaveLength(10);
  expect(requests.every((r) => r.status === 200)).toBe(true);
  expect(busiestSecond(requests.map((r) => r.at))).toBeLessThanOrEqual(perSecond + 1);
  // 10 calls at 4/s need at least 9 gaps of 250 ms; allow a generous margin.
  expect(Date.now() - started).toBeGreaterThanOrEqual(1_800);
});

test("a lone 429 holds back no other caller; a second soon after holds every caller back for retry-after", async () => {
  const limiter = createRateLimiter({ perSecond: 100, burst: 100 });
  limiter.refused(300);
  const lone = Date.now();
  await limiter.acquire();
  expect(Date.now() - lone).toBeLessThan(100);

  limiter.refused(300);
  const repeated = Date.now();
  await Promise.all([limiter.acquire(), limiter.acquire()]);
  expect(Date.now() - repeated).toBeGreaterThanOrEqual(290);
});
