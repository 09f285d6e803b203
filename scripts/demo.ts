/**
 * `npm run demo`: the dashboard with a demo library, on an embedded PostgreSQL unless
 * DATABASE_URL points at a real one. Safe to run again: the data folder and the demo
 * library are reused. `--dev` runs `next dev` instead of a production build.
 */
import { mkdirSync } from "node:fs";
import { checkDatabase, redactUrl } from "./lib/database-url";
import { demoHost } from "./lib/demo-host";
import { assertPortFree, type EmbeddedPostgres, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { migrateDeploy } from "./lib/migrate";
import { ensureNextBuild } from "./lib/next-build";
import { type NextProcess, spawnNext } from "./lib/next-process";
import { ensurePrismaClient } from "./lib/prisma-client";

const APP_PORT = Number(process.env.PORT ?? 3000);
// The demo's passwords are in the README: it listens on this machine only, unless HOST says otherwise.
const { listen: HOST, local: LOCAL_HOST } = demoHost(process.env);
const DB_PORT = Number(process.env.RAPPEL_DB_PORT ?? 54320);
const DATA_DIR = ".data/pglite";
const dev = process.argv.includes("--dev");

let embedded: EmbeddedPostgres | undefined;
let app: NextProcess | undefined;
let fakeResend: { url: string; stop(): Promise<void> } | undefined;

async function main() {
  await ensurePrismaClient();
  await assertPortFree(APP_PORT, "127.0.0.1", "PORT");

  let url = process.env.DATABASE_URL;
  if (url) {
    await checkDatabase(url);
    console.log(`Using the PostgreSQL at ${redactUrl(url)}`);
  } else {
    mkdirSync(DATA_DIR, { recursive: true });
    console.log(`Starting the embedded PostgreSQL (PGlite, data in ${DATA_DIR}) on port ${DB_PORT} ...`);
    embedded = await startEmbeddedPostgres({ port: DB_PORT, dataDir: DATA_DIR });
    url = embedded.url;
  }
  const poolMax = embedded ? 1 : 10;

  console.log("Applying database migrations ...");
  await migrateDeploy(url);

  const today = await seedDemoLibrary(url, poolMax);
  const email = await demoEmailEnv();

  if (!dev) await ensureNextBuild();
  app = spawnNext(
    [dev ? "dev" : "start", "-p", String(APP_PORT), "-H", HOST],
    // the send-run worker runs inside the app (instrumentation.ts); a real install runs `npm run worker`
    {
      ...process.env,
      ...email,
      DATABASE_URL: url,
      DATABASE_POOL_MAX: String(poolMax),
      RAPPEL_WORKER: "in-app",
    },
    "pipe",
  );
  app.child.stdout?.on("data", (chunk: Buffer) => {
    if (/ready|error/i.test(chunk.toString())) process.stdout.write(chunk);
  });
  app.child.on("exit", (code) => shutdown(code ?? 0));
  await waitForHttp(`http://${LOCAL_HOST.includes(":") ? `[${LOCAL_HOST}]` : LOCAL_HOST}:${APP_PORT}/`);
  const { DEMO_STAFF, DEMO_STAFF_PASSWORD } = await import("./demo/ensure-demo-staff");

  console.log(
    [
      "",
      "  Rappel is running.",
      `  Dashboard:  http://localhost:${APP_PORT}/`,
      `  Database:   ${embedded ? `embedded PGlite on port ${DB_PORT}, data in ${DATA_DIR}` : redactUrl(url)}`,
      `  Demo today: ${today} (Europe/Brussels)`,
      fakeResend
        ? `  Email:      a local fake Resend on ${fakeResend.url}: nothing leaves this machine`
        : "  Email:      sent through RESEND_API_KEY (set by you)",
      `  Sign in with one of these demo accounts, password "${DEMO_STAFF_PASSWORD}":`,
      ...DEMO_STAFF.map((staff) => `    ${staff.role.padEnd(10)} ${staff.email}`),
      "  Stop with Ctrl-C.",
      "",
    ].join("\n"),
  );
}

async function seedDemoLibrary(url: string, poolMax: number): Promise<string> {
  // Loaded only now: these import the generated Prisma client, which may just have been made.
  const { createDbClient } = await import("../lib/db-client");
  const { ensureDemoLibrary } = await import("./demo/ensure-demo-library");
  const { localToday, parseLocalDate } = await import("../lib/dates");
  const today = process.env.RAPPEL_TODAY ? parseLocalDate(process.env.RAPPEL_TODAY) : localToday();
  const db = createDbClient(url, poolMax);
  try {
    const result = await ensureDemoLibrary(db, {
      today,
      baseUrl: `http://localhost:${APP_PORT}`,
      onProgress: (step) => console.log(`  ${step} ...`),
    });
    console.log(result.created ? "Demo library created." : "Demo library found: reusing it.");
    const { ensureDemoStaff } = await import("./demo/ensure-demo-staff");
    const staff = await ensureDemoStaff(db, { libraryId: result.libraryId });
    if (staff.created > 0) console.log(`Demo staff accounts created: ${staff.created}.`);
  } finally {
    await db.$disconnect();
  }
  return today;
}

/**
 * Email for the demo: unless RESEND_API_KEY is set, a local fake Resend (scripts/fake-resend) on a
 * free port takes the mail, so "send a test email" works and nothing leaves this machine.
 */
async function demoEmailEnv(): Promise<Record<string, string>> {
  if (process.env.RESEND_API_KEY) return {};
  const { startFakeResend } = await import("./fake-resend/fake-resend");
  // Its signed webhooks come back to the dashboard, so a bounce in the demo is a real one end
  // to end (verified, recorded, applied by lib/feedback); those of the first seconds are retried.
  const fake = await startFakeResend({
    port: 0,
    host: "127.0.0.1",
    webhookUrl: `http://${LOCAL_HOST.includes(":") ? `[${LOCAL_HOST}]` : LOCAL_HOST}:${APP_PORT}/api/webhooks/resend`,
    webhookRetryDelaysMs: [1_000, 5_000, 15_000, 60_000, 300_000],
  });
  fakeResend = fake;
  return {
    RESEND_BASE_URL: fake.url,
    RESEND_API_KEY: "re_demo_local_fake",
    RESEND_WEBHOOK_SECRET: fake.webhookSecret,
  };
}

async function waitForHttp(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The dashboard did not answer on ${url} within ${timeoutMs / 1000} s.`);
}

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  app?.stop();
  await fakeResend?.stop().catch(() => {});
  await embedded?.stop().catch(() => {});
  process.exit(code);
}

process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

main().catch(async (error: unknown) => {
  console.error(`\nnpm run demo failed: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
