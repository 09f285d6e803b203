import { expect, test } from "vitest";
import { type Attempt, withRetry } from "./with-retry";

const failure = (retryable: boolean, retryAfterMs?: number): Attempt<string> => ({
  ok: false,
  retryable,
  reason: "boom",
  code: "internal_server_error",
  retryAfterMs,
});

test("backs off exponentially with jitter and gives up after maxAttempts", async () => {
  const waits: number[] = [];
  let calls = 0;
  const result = await withRetry(
    async () => {
      calls += 1;
      return failure(true);
    },
    { maxAttempts: 4, baseDelayMs: 100, sleep: async (ms) => void waits.push(ms), random: () => 1 },
  );

  expect(calls).toBe(4);
  expect(result.ok).toBe(false);
  expect(waits).toEqual([100, 200, 400]);
});

test("never waits less than retry-after", async () => {
  const waits: number[] = [];
  const results = [failure(true, 2_000), { ok: true as const, value: "sent" }];
  const result = await withRetry(async (n) => results[n - 1], {
    baseDelayMs: 100,
    sleep: async (ms) => void waits.push(ms),
    random: () => 0,
  });

  expect(result).toEqual({ ok: true, value: "sent" });
  expect(waits).toEqual([2_000]);
});

test("does not retry a failure that is not retryable", async () => {
  let calls = 0;
  await withRetry(async () => {
    calls += 1;
    return failure(false);
  });

  expect(calls).toBe(1);
});
