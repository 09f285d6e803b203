import { describe, expect, it } from "vitest";
import { browserTally, summaryLines } from "./test-tally";

describe("npm test's summary", () => {
  it("reports a test that passed only on retry as flaky, by name, and not as passed", () => {
    const tally = browserTally(
      {
        stats: { expected: 2, unexpected: 0, flaky: 1, skipped: 0 },
        suites: [
          {
            title: "sign-in.spec.ts",
            specs: [
              { title: "signs in", tests: [{ status: "expected" }] },
              { title: "signs out", tests: [{ status: "flaky" }] },
              { title: "locks", tests: [{ status: "expected" }] },
            ],
          },
        ],
      },
      0,
    );
    expect(tally).toEqual({
      suite: "e2e",
      passed: 2,
      failed: 0,
      skipped: 0,
      flaky: ["sign-in.spec.ts › signs out"],
    });
    expect(summaryLines([tally])).toEqual([
      "e2e: 2 passed, 0 failed, 0 skipped, 1 flaky (passed only on retry, not counted as passed)",
      "  flaky: sign-in.spec.ts › signs out",
      "2 passed, 0 failed",
    ]);
  });

  it("fails the suite when Playwright failed outside any test", () => {
    expect(browserTally({ stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 } }, 1).failed).toBe(1);
  });
});
