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

test("callers of one process never get more than perSecond grants in any second, and get them as soon as there is room (none wasted)", async () => {
  const perSecond = 20;
  const times = await grantTimes("test-one", { workers: 1, callers: 9, tokens: 60, perSecond });
  expect(times).toHaveLength(60);
  // any window of one second, on the moments the grants reached the callers: at most perSecond
  for (let i = perSecond; i < times.length; i++) expect(times[i] - times[i - perSecond]).toBeGreaterThan(999);
  // never bunched: at least about the even spacing (50 ms) apart
  for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThan(40);
  // 60 at 20/s, 50 ms apart: the last after 59 x 50 ms; waking exactly when there is room, the
  // callers lose little beside it (a machine under load delays timers, and a grant held back
  // for the process's own window moves the ones after it)
  expect(times[times.length - 1]).toBeGreaterThan(2_900);
  expect(times[times.length - 1]).toBeLessThan(2_950 * 2);
});

test("workers sharing the window together never get more than perSecond grants in any second", async () => {
  const perSecond = 20;
  const times = await grantTimes("test-shared", { workers: 3, callers: 9, tokens: 60, perSecond });
  expect(times).toHaveLength(60);
  // Across processes the window holds on the moments granted; an answer reaching its busy
  // process late shifts that one by the delay (here the three share one test process, on a
  // machine that may be busy: its timers run late by tens of ms)
  for (let i = perSecond; i < times.length; i++) expect(times[i] - times[i - perSecond]).toBeGreaterThan(900);
  expect(times[times.length - 1]).toBeGreaterThan(2_800);
  expect(times[times.length - 1]).toBeLessThan(2_950 * 1.4);
});

test("after a caller that comes late the requests keep the even spacing: none reach the provider bunched up", async () => {
  const limiter = createDbRateLimiter(db, { key: "test-late", perSecond: 10 });
  await limiter.acquire();
  // busy for 0.7 s (7 turns at the even spacing of 100 ms)
  await new Promise((resolve) => setTimeout(resolve, 700));
  const started = performance.now();
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: 5 }, async () => {
      await limiter.acquire();
      times.push(performance.now() - started);
    }),
  );
  times.sort((a, b) => a - b);
  // the first at once, each of the others a full spacing (100 ms) after the one before
  expect(times[0]).toBeLessThan(80);
  for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThan(90);
});

test("a lone 429 holds back no other worker: only the refused request waits its retry-after", async () => {
  const [first, second] = [
    createDbRateLimiter(db, { key: "test-lone", perSecond: 50 }),
    createDbRateLimiter(db, { key: "test-lone", perSecond: 50 }),
  ];
  await first.acquire();
  first.refused(600);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const started = performance.now();
  await second.acquire();
  expect(performance.now() - started).toBeLessThan(300);
});

test("a second 429 soon after the first, from any worker, stops every worker until retry-after has passed", async () => {
  const [first, second] = [
    createDbRateLimiter(db, { key: "test-block", perSecond: 50 }),
    createDbRateLimiter(db, { key: "test-block", perSecond: 50 }),
  ];
  await first.acquire();
  first.refused(600);
  await new Promise((resolve) => setTimeout(resolve, 50));
  await second.acquire();
  second.refused(600);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const started = performance.now();
  await first.acquire();
  expect(performance.now() - started).toBeGreaterThan(500);
});
