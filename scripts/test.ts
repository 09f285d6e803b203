/**
 * `npm test`: every suite, then one line "N passed, N failed" for all of them together.
 * Unit and integration tests (Vitest) run against a real database: DATABASE_URL's server
 * when set (a scratch database is created and dropped), an embedded PGlite otherwise.
 * Browser tests (Playwright) run against the production build in Debian's Chromium.
 *   --only unit | e2e   run one suite
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { ensureChromium } from "./lib/ensure-chromium";
import { ensureNextBuild } from "./lib/next-build";
import { ensurePrismaClient } from "./lib/prisma-client";

/** flaky: failed first, passed on Playwright's retry; reported as such, not counted as passed */
type Tally = { suite: string; passed: number; failed: number; skipped: number; flaky?: string[] };

const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
const RESULTS = ".test-results";

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("error", () => resolve(1));
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;
}

async function unitTests(): Promise<Tally> {
  const file = `${RESULTS}/vitest.json`;
  const code = await run("npx", [
    "vitest",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${file}`,
  ]);
  const report = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  }>(file);
  if (!report) return { suite: "unit", passed: 0, failed: 1, skipped: 0 };
  // a crash outside any test (setup, a file that fails to load) still fails the suite
  const failed = report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0);
  return {
    suite: "unit",
    passed: report.numPassedTests,
    failed,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

async function browserTests(): Promise<Tally> {
  const file = `${RESULTS}/playwright.json`;
  try {
    ensureChromium();
    await ensureNextBuild();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return { suite: "e2e", passed: 0, failed: 1, skipped: 0 };
  }
  const code = await run("npx", ["playwright", "test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  type Suite = { title: string; specs?: { title: string; tests: { status: string }[] }[]; suites?: Suite[] };
  const report = readJson<{
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    suites?: Suite[];
  }>(file);
  if (!report) return { suite: "e2e", passed: 0, failed: 1, skipped: 0 };
  const failed = report.stats.unexpected + (code !== 0 && report.stats.unexpected === 0 ? 1 : 0);
  const flaky: string[] = [];
  const walk = (suites: Suite[] = [], path: string[] = []) => {
    for (const suite of suites) {
      for (const spec of suite.specs ?? [])
        if (spec.tests.some((t) => t.status === "flaky"))
          flaky.push([...path, suite.title, spec.title].join(" › "));
      walk(suite.suites, [...path, suite.title]);
    }
  };
  walk(report.suites);
  return { suite: "e2e", passed: report.stats.expected, failed, skipped: report.stats.skipped, flaky };
}

async function main() {
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });
  await ensurePrismaClient();

  const tallies: Tally[] = [];
  if (only !== "e2e") tallies.push(await unitTests());
  if (only !== "unit") tallies.push(await browserTests());

  const sum = (key: "passed" | "failed" | "skipped") => tallies.reduce((n, t) => n + t[key], 0);
  console.log("");
  for (const t of tallies) {
    const flaky = t.flaky?.length
      ? `, ${t.flaky.length} flaky (passed only on retry, not counted as passed)`
      : "";
    console.log(`${t.suite}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped${flaky}`);
    for (const name of t.flaky ?? []) console.log(`  flaky: ${name}`);
  }
  console.log(`${sum("passed")} passed, ${sum("failed")} failed`);
  process.exit(sum("failed") > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  console.log("0 passed, 1 failed");
  process.exit(1);
});
