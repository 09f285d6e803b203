import { afterEach, expect, test } from "vitest";
import { type FakeResend, startFakeResend } from "@/scripts/fake-resend/fake-resend";
import { startFakeResendProcess } from "@/scripts/fake-resend/fake-resend-process";
import type { TurnGrants } from "./rate-limiter";
import { nowMs } from "./request-window";
import { type ResendThread, startResendThread } from "./resend-thread";

let fake: FakeResend | undefined;
let thread: ResendThread | undefined;
afterEach(async () => {
  await thread?.close();
  await fake?.stop();
});

/** Turns the test hands out: each `grant` waits until `open(at)` gives it its moment. */
function gatedGrants() {
  const waiting: ((at: number) => void)[] = [];
  const grants: TurnGrants = {
    grant: () => new Promise<number>((resolve) => waiting.push(resolve)),
    refused() {},
  };
  return { grants, asked: () => waiting.length, open: (at = nowMs()) => waiting.shift()?.(at) };
}

const email = (to: string) => ({
  from: "Bib <b@rappel.example>",
  to,
  subject: "Uw boeken",
  html: "<p>Uw boeken</p>",
  text: "Uw boeken",
});

async function start(grants: TurnGrants, fakeOptions: Parameters<typeof startFakeResend>[0] = {}) {
  fake = await startFakeResend(fakeOptions);
  thread = startResendThread({ apiKey: "re_test", baseUrl: fake.url, from: "", perSecond: 4, grants });
  return { fake, thread };
}

test("a batch sent on the delivery thread waits for the turn granted in the calling thread, goes at its moment, and comes back as the SDK's answer", async () => {
  const gate = gatedGrants();
  const { fake, thread } = await start(gate.grants);
  const sending = thread.sdk.batch.send([email("a@example.org"), email("b@example.org")], {
    idempotencyKey: "thread-1",
    batchValidation: "permissive",
  });
  await expect.poll(gate.asked, { timeout: 10_000 }).toBe(1);
  expect(fake.requests()).toHaveLength(0);

  const moment = nowMs() + 300;
  gate.open(moment);
  const { data, error } = await sending;
  expect(error).toBeNull();
  const [request] = fake.requests();
  expect(request).toMatchObject({ path: "/emails/batch", idempotencyKey: "thread-1", status: 200 });
  // not before its moment (the fake's clock is Date.now: whole milliseconds)
  expect(request.at).toBeGreaterThanOrEqual(Math.floor(moment));
  expect(data?.data.map((d) => d.id)).toEqual(fake.sent().map((e) => e.id));
  expect(fake.sent().map((e) => e.to)).toEqual([["a@example.org"], ["b@example.org"]]);
});

test("the thread keeps the provider's window on its own requests: granted every turn at once, ten requests at 4 a second are none of them refused", async () => {
  // the provider in a process of its own, as Resend is: it counts each request when it has
  // read it, not when this busy test process gets to it
  const provider = await startFakeResendProcess({ rateLimitPerSecond: 4 });
  const grants: TurnGrants = { grant: async () => nowMs(), refused() {} };
  thread = startResendThread({ apiKey: "re_test", baseUrl: provider.url, from: "", perSecond: 4, grants });
  try {
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        thread!.sdk.batch.send([email(`p${i}@example.org`)], { idempotencyKey: `window-${i}` }),
      ),
    );
    expect(results.map((r) => r.error)).toEqual(Array(10).fill(null));
    const stats = await provider.stats();
    expect(stats.batchRequests.map((r) => r.status)).toEqual(Array(10).fill(200));
    // the ninth request may go two seconds after the first at the earliest
    expect(performance.now() - started).toBeGreaterThan(1_990);
  } finally {
    await provider.stop();
  }
});

test("a call whose time ran out while it waited for its turn is not sent: the abort reaches the thread", async () => {
  const gate = gatedGrants();
  const { fake, thread } = await start(gate.grants);
  const sending = thread.sdk.batch.send([email("a@example.org")], {
    idempotencyKey: "thread-timeout",
    signal: AbortSignal.timeout(50),
  });
  await expect.poll(gate.asked, { timeout: 10_000 }).toBe(1);
  await new Promise((resolve) => setTimeout(resolve, 100));
  gate.open();
  await expect(sending).rejects.toThrow(/timeout|aborted/i);
  expect(fake.requests()).toHaveLength(0);
});

test("after close the next call starts a new thread, and is sent", async () => {
  const grants: TurnGrants = { grant: async () => nowMs(), refused() {} };
  const { fake, thread } = await start(grants);
  await thread.close();
  const { error } = await thread.sdk.batch.send([email("a@example.org")], { idempotencyKey: "after-close" });
  expect(error).toBeNull();
  expect(fake.sent()).toHaveLength(1);
});
