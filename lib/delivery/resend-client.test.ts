import { afterEach, expect, test } from "vitest";
import { type FakeResend, startFakeResend } from "@/scripts/fake-resend/fake-resend";
import type { RateLimiter } from "./rate-limiter";
import { buildResendClient } from "./resend-client";

let current: FakeResend | undefined;
afterEach(() => current?.stop());

/** A limiter whose turns the test hands out, recording the keys it was asked with. */
function gatedLimiter() {
  const asked: (string | undefined)[] = [];
  const waiting: (() => void)[] = [];
  const limiter: RateLimiter = {
    acquire(key) {
      asked.push(key);
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
    refused() {},
  };
  return { limiter, asked, open: () => waiting.shift()?.() };
}

/** The client against a fresh fake, behind a gated limiter. */
async function gatedClient() {
  const started = await startFakeResend();
  current = started;
  const { limiter, asked, open } = gatedLimiter();
  const client = buildResendClient({
    apiKey: "re_test",
    baseUrl: started.url,
    from: "Bib <b@rappel.example>",
    limiter,
  });
  return { client, asked, open, fake: started };
}

test("every request of the SDK waits at the rate limiter, with its idempotency key, and reaches Resend only after its turn", async () => {
  const { client, asked, open, fake } = await gatedClient();
  const sending = client.sdk.batch.send(
    [{ from: "Bib <b@rappel.example>", to: "p@example.org", subject: "s", html: "<p>h</p>", text: "t" }],
    { idempotencyKey: "paced-1" },
  );
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(asked).toEqual(["paced-1"]);
  expect(fake.requests()).toHaveLength(0);

  open();
  const { error } = await sending;
  expect(error).toBeNull();
  expect(fake.requests()).toHaveLength(1);
  expect(fake.sent()[0]).toMatchObject({ to: ["p@example.org"], subject: "s" });
});

test("a request whose time ran out while it waited for its turn is not sent", async () => {
  const { client, open, fake } = await gatedClient();
  const sending = client.sdk.batch.send(
    [{ from: "Bib <b@rappel.example>", to: "p@example.org", subject: "s", html: "<p>h</p>" }],
    { idempotencyKey: "paced-2", signal: AbortSignal.timeout(50) } as never,
  );
  await new Promise((resolve) => setTimeout(resolve, 100));
  open();
  await expect(sending).rejects.toThrow();
  expect(fake.requests()).toHaveLength(0);
});
