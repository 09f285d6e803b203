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
import { browserTally, summaryLines, type Tally } from "./lib/test-tally";

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
  const report = readJson<Parameters<typeof browserTally>[0]>(file);
  if (!report) return { suite: "e2e", passed: 0, failed: 1, skipped: 0 };
  return browserTally(report, code);
}

async function main() {
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });
  await ensurePrismaClient();

  const tallies: Tally[] = [];
  if (only !== "e2e") tallies.push(await unitTests());
  if (only !== "unit") tallies.push(await browserTests());

  console.log("");
  for (const line of summaryLines(tallies)) console.log(line);
  const failed = tallies.reduce((n, t) => n + t.failed, 0);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  console.log("0 passed, 1 failed");
  process.exit(1);
});
