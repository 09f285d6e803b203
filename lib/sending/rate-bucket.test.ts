import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "vitest";
import { WINDOW_MARGIN_MS } from "@/lib/delivery/request-window";
import { useTestDb } from "@/test/db";
import { CATCH_UP_SLOTS, CATCH_UP_SPACING, createDbRateLimiter } from "./rate-bucket";

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
  // never bunched: at least the shortest spacing (a share of the even 50 ms) apart
  for (let i = 1; i < times.length; i++)
    expect(times[i] - times[i - 1]).toBeGreaterThan(50 * CATCH_UP_SPACING - 3);
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

test("after a pause longer than the catch-up the slots start again: the requests keep the even spacing, none bunched up", async () => {
  const limiter = createDbRateLimiter(db, { key: "test-late", perSecond: 10 });
  await limiter.acquire();
  // nothing to send for 0.7 s (7 slots of 100 ms), longer than the catch-up
  await new Promise((resolve) => setTimeout(resolve, 700));
  expect(700).toBeGreaterThan(100 * CATCH_UP_SLOTS);
  const started = performance.now();
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: 5 }, async () => {
      await limiter.acquire();
      times.push(performance.now() - started);
    }),
  );
  times.sort((a, b) => a - b);
  // the first at once, the others on the even spacing from it (4 x 100 ms), not caught up at
  // the shortest spacing; a grant reaching this busy process late may make the next one come
  // closer, never closer than the shortest spacing
  expect(times[0]).toBeLessThan(80);
  expect(times[4] - times[0]).toBeGreaterThan(390);
  for (let i = 1; i < times.length; i++)
    expect(times[i] - times[i - 1]).toBeGreaterThan(100 * CATCH_UP_SPACING - 3);
});

test("a caller that asks late loses less than its delay: the next grants come closer, at the shortest spacing, to catch up with their slots", async () => {
  const limiter = createDbRateLimiter(db, { key: "test-catch-up", perSecond: 10 });
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i <= 10; i++) {
    // the fourth asks 350 ms after the third, 250 ms after its slot: within the catch-up
    if (i === 3) await new Promise((resolve) => setTimeout(resolve, 350));
    await limiter.acquire();
    times.push(performance.now() - started);
  }
  const late = times[3] - times[2] - 100;
  expect(late).toBeGreaterThan(240);
  expect(late).toBeLessThan(100 * CATCH_UP_SLOTS);
  // the six after it come at the shortest spacing (80 ms: 480 ms in all; with the spacing
  // counted from each grant, 600 ms), never closer (as the callers see them: a timer that fires
  // a few ms late brings its caller that much closer to the next, seen 75 ms apart in 2 of 8
  // runs on the embedded database); never more than 10 in a second
  expect(times[9] - times[3]).toBeLessThan(560);
  for (let i = 1; i < times.length; i++)
    expect(times[i] - times[i - 1]).toBeGreaterThan(100 * CATCH_UP_SPACING - 10);
  expect(times[10] - times[0]).toBeGreaterThan(999);
});

test("a request that went out late holds back the one n turns after it: the window counts from the moment it went out whole", async () => {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.end("{}"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const limiter = createDbRateLimiter(db, { key: "test-went-out", perSecond: 10 });
    const started = performance.now();
    await limiter.acquire("key-0");
    const granted = performance.now() - started;
    // its process is busy: the request goes out 150 ms after its grant
    await new Promise((resolve) => setTimeout(resolve, 150));
    await fetch(`http://127.0.0.1:${port}/emails/batch`, {
      method: "POST",
      headers: { "Idempotency-Key": "key-0" },
      body: "x".repeat(100_000),
    });
    let last = 0;
    for (let i = 1; i <= 10; i++) {
      await limiter.acquire(`key-${i}`);
      last = performance.now() - started;
    }
    // granted alone, the tenth after would come 1,000 ms after the first grant
    expect(last - granted).toBeGreaterThan(1_140);
  } finally {
    server.close();
  }
});

test("a request answered later than the fastest holds back the one n turns after it by that much: the provider may have counted it that late (a refusal's quick answer is not the fastest)", async () => {
  // the provider answers "a" after 300 ms, refuses "b" at once, answers "c" after 600 ms: it may
  // have counted "c" up to 300 ms after it went out
  const answerAfter: Record<string, number> = { a: 300, b: 0, c: 600, d: 0, e: 0 };
  const server = createServer((req, res) => {
    const key = String(req.headers["idempotency-key"]);
    req.resume();
    req.on("end", () =>
      setTimeout(() => {
        res.statusCode = key === "b" ? 429 : 200;
        res.end("{}");
      }, answerAfter[key]),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const send = (key: string) =>
    fetch(`http://127.0.0.1:${port}/emails/batch`, {
      method: "POST",
      headers: { "Idempotency-Key": key },
      body: "x".repeat(10_000),
    }).then((response) => response.arrayBuffer());
  try {
    const limiter = createDbRateLimiter(db, { key: "test-answered-late", perSecond: 2 });
    for (const key of ["a", "b"]) {
      await limiter.acquire(key);
      await send(key);
    }
    await limiter.acquire("c");
    const cWent = performance.now();
    await send("c");
    await limiter.acquire("d");
    await send("d");
    await limiter.acquire("e");
    const eWent = performance.now() - cWent;
    // two turns after "c": 1 s after it, and the 300 ms it may have been counted late (with the
    // refusal's round trip as the fastest it would be 500 ms, the most held: one spacing);
    // granted from "c"'s grant alone, 1 s and the window's margin
    expect(eWent).toBeGreaterThan(1_000 + 300 - 20);
    expect(eWent).toBeLessThan(1_000 + 450);
  } finally {
    server.close();
  }
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

test("a turn less than a second ahead is reserved when asked for: the bucket holds it at once, and the caller goes at that moment", async () => {
  const limiter = createDbRateLimiter(db, { key: "test-reserve", perSecond: 4 });
  await limiter.acquire();
  const asked = Date.now();
  const second = limiter.acquire().then(() => Date.now());
  // the caller is still waiting, but its turn (250 ms after the first) is in the bucket already
  await new Promise((resolve) => setTimeout(resolve, 60));
  const [bucket] = await db.$queryRaw<{ grants: Date[] }[]>`
    SELECT grants FROM "SendRateBucket" WHERE key = 'test-reserve'`;
  expect(bucket.grants).toHaveLength(2);
  const reserved = bucket.grants[1].getTime();
  expect(reserved).toBeGreaterThan(Date.now());
  expect(reserved - asked).toBeGreaterThan(150);
  // it goes at its turn, not later (a busy machine delays a timer by tens of milliseconds)
  const went = await second;
  expect(went).toBeGreaterThanOrEqual(reserved - 2);
  expect(went - reserved).toBeLessThan(150);
});

test("with the default 2 requests a second, the third request keeps a margin beyond one second from the first", async () => {
  const times = await grantTimes("test-margin", { workers: 1, callers: 3, tokens: 6, perSecond: 2 });
  for (let i = 2; i < times.length; i++)
    expect(times[i] - times[i - 2]).toBeGreaterThanOrEqual(1_000 + WINDOW_MARGIN_MS - 2);
});
