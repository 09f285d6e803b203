/**
 * The server the browser tests talk to: a fresh database (scratch database on DATABASE_URL's
 * server, or an in-memory PGlite), the demo library generated for a fixed today, and the
 * production build served by `next start`. Started and stopped by Playwright's webServer.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { spawnNext } from "../scripts/lib/next-process";
import { createTestDatabase } from "../scripts/lib/test-database";
import { E2E_DATABASE_FILE } from "./e2e-database";

const port = process.env.E2E_PORT ?? "3100";
const today = process.env.RAPPEL_TODAY ?? "2026-11-30";

const database = await createTestDatabase("e2e");
const { createDbClient } = await import("../lib/db-client");
const { ensureDemoLibrary } = await import("../scripts/demo/ensure-demo-library");
const db = createDbClient(database.url, database.embedded ? 1 : 4);
const { libraryId } = await ensureDemoLibrary(db, { today, baseUrl: `http://localhost:${port}` });
const { ensureDemoStaff } = await import("../scripts/demo/ensure-demo-staff");
await ensureDemoStaff(db, { libraryId });
const { createE2eStaff } = await import("./e2e-staff");
await createE2eStaff(db, libraryId);
await (await import("./patron-search-data")).createPatronSearchData(db, libraryId);
await (await import("./name-search-data")).createNameSearchData(db, libraryId);
await (await import("./patron-settings-data")).createE2ePatronSettingsData(db, libraryId);
await (await import("./patron-page-data")).createPatronPageData(db, libraryId);
await (await import("./letters-data")).createLettersData(db, libraryId);
await (await import("./second-library-data")).createSecondLibraryData(db);
await (await import("./self-service-data")).createSelfServiceData(db, libraryId, {
  today,
  baseUrl: `http://localhost:${port}`,
  port,
});
await (await import("./self-service-settings-data")).createSelfServiceSettingsData(db, libraryId, {
  today,
  baseUrl: `http://localhost:${port}`,
  port,
});
const bounces = await (await import("./bounces-data")).startBounceScenario(db, libraryId, {
  port,
  baseUrl: `http://localhost:${port}`,
});
await db.$disconnect();
// The specs that check "nothing of the other library changed" read the database directly.
mkdirSync(".test-results", { recursive: true });
writeFileSync(E2E_DATABASE_FILE, JSON.stringify({ url: database.url }));

const app = spawnNext(["start", "-p", port], {
  ...process.env,
  DATABASE_URL: database.url,
  DATABASE_POOL_MAX: database.embedded ? "1" : "4",
  RAPPEL_TODAY: today,
  // the local fake Resend of the bounce scenario: real signed webhooks to this app; send runs
  // go there too, through the worker inside the app (as in the demo)
  ...bounces.env,
  RESEND_RATE_LIMIT_PER_SECOND: "4",
  RAPPEL_WORKER: "in-app",
  RAPPEL_WORKER_SCHEDULE: "off",
});
void bounces.releaseWebhooksWhenUp(`http://localhost:${port}/sign-in`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  app.stop();
  await bounces.stop().catch(() => {});
  await database.drop().catch(() => {});
  process.exit(0);
}
app.child.on("exit", stop);
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
