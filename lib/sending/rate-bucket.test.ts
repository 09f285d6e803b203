import { expect, test } from "vitest";
import { useTestDb } from "@/test/db";
import { createDbRateLimiter } from "./rate-bucket";

const db = useTestDb();

/** `callers` callers spread over `workers` limiters (as if processes) take `tokens` tokens in all. */
async function grantTimes(key: string, { workers, callers, tokens, perSecond }: Record<string, number>) {
  const limiters = Array.from({ length: workers }, () => createDbRateLimiter(db, { key, perSecond }));
  const times: number[] = [];
  let left = tokens;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async (_, i) => {
      while (left > 0) {
        left -= 1;
        await limiters[i % workers].acquire();
        times.push(performance.now() - started);
      }
    }),
  );
  return times.sort((a, b) => a - b);
}

test("workers sharing the bucket never get more than perSecond tokens in any second, and get them back to back (none wasted)", async () => {
  const perSecond = 20;
  const times = await grantTimes("test-shared", { workers: 3, callers: 9, tokens: 60, perSecond });
  expect(times).toHaveLength(60);
  // any window of one second: at most perSecond grants (a little jitter of the clock read aside)
  for (let i = perSecond; i < times.length; i++) expect(times[i] - times[i - perSecond]).toBeGreaterThan(990);
  // 60 tokens at 20/s: the first at once, the last after 59/20 s; waking exactly when a token is
  // there, the callers lose little beside it (a machine under load delays timers)
  expect(times[times.length - 1]).toBeGreaterThan(2_900);
  expect(times[times.length - 1]).toBeLessThan(2_950 * 1.6);
});

test("a 429's retry-after stops every worker until it has passed", async () => {
  const [first, second] = [
    createDbRateLimiter(db, { key: "test-block", perSecond: 50 }),
    createDbRateLimiter(db, { key: "test-block", perSecond: 50 }),
  ];
  await first.acquire();
  first.blockFor(600);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const started = performance.now();
  await second.acquire();
  expect(performance.now() - started).toBeGreaterThan(500);
});
