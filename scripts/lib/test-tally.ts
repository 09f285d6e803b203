/** One suite's outcome in `npm test`'s summary. */
export type Tally = {
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
  /** failed first, passed on Playwright's retry: reported as such, not counted as passed */
  flaky?: string[];
};

type Suite = { title: string; specs?: { title: string; tests: { status: string }[] }[]; suites?: Suite[] };

/** Playwright's JSON report (and its exit code) -> the browser suite's tally. */
export function browserTally(
  report: {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    suites?: Suite[];
  },
  exitCode: number,
): Tally {
  // a crash outside any test (the server did not start) still fails the suite
  const failed = report.stats.unexpected + (exitCode !== 0 && report.stats.unexpected === 0 ? 1 : 0);
  const flaky: string[] = [];
  const walk = (suites: Suite[] = [], path: string[] = []) => {
    for (const suite of suites) {
      for (const spec of suite.specs ?? [])
        if (spec.tests.some((t) => t.status === "flaky"))
          flaky.push([...path, suite.title, spec.title].filter(Boolean).join(" › "));
      walk(suite.suites, [...path, suite.title]);
    }
  };
  walk(report.suites);
  // `expected` counts only tests that passed at once: a flaky one is in `flaky`, never here
  return { suite: "e2e", passed: report.stats.expected, failed, skipped: report.stats.skipped, flaky };
}

/** The summary's lines: each suite, its flaky tests by name, then the total. */
export function summaryLines(tallies: Tally[]): string[] {
  const sum = (key: "passed" | "failed" | "skipped") => tallies.reduce((n, t) => n + t[key], 0);
  const lines: string[] = [];
  for (const t of tallies) {
    const flaky = t.flaky?.length
      ? `, ${t.flaky.length} flaky (passed only on retry, not counted as passed)`
      : "";
    lines.push(`${t.suite}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped${flaky}`);
    for (const name of t.flaky ?? []) lines.push(`  flaky: ${name}`);
  }
  lines.push(`${sum("passed")} passed, ${sum("failed")} failed`);
  return lines;
}
