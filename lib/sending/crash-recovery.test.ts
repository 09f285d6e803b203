import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, expect, inject, test } from "vitest";
import type { LocalDate } from "@/lib/dates";
import { type FakeResend, startFakeResend } from "@/scripts/fake-resend/fake-resend";
import { resetDatabase, useTestDb } from "@/test/db";
import { createOverdueLibrary } from "@/test/test-library";
import { startSendRun } from "./start-send-run";

const db = useTestDb();
const date: LocalDate = "2026-03-10";
const root = path.resolve(import.meta.dirname, "../..");
const NOTICES = 2_000;
const KILLS = 22;
let fake: FakeResend | undefined;
let child: ChildProcess | undefined;

afterAll(async () => {
  child?.kill("SIGKILL");
  await fake?.stop();
});

/** `npm run worker` as its own process, resolved once it says it started (or exited). */
function startWorkerProcess(fakeUrl: string): Promise<ChildProcess> {
  // node itself with tsx as its loader: the tsx command would start the worker as a child of
  // its own, and a SIGKILL of the command leaves that child running
  const worker = spawn(process.execPath, ["--import", "tsx/esm", "scripts/worker.ts"], {
    cwd: root,
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: "scripts/tsconfig.json",
      DATABASE_URL: inject("databaseUrl"),
      RESEND_API_KEY: "re_crash_test",
      RESEND_BASE_URL: fakeUrl,
      RESEND_RATE_LIMIT_PER_SECOND: "4",
      RAPPEL_WORKER_LEASE_MS: "1500",
      RAPPEL_WORKER_SCHEDULE: "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve) => {
    worker.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("worker") && chunk.toString().includes("started")) resolve(worker);
    });
    worker.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));
    worker.once("exit", () => resolve(worker));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test(`a send of ${NOTICES} notices survives ${KILLS} SIGKILLs of its worker: every email accepted exactly once, every notice's state matches`, async () => {
  await resetDatabase(db);
  const t = await createOverdueLibrary(db, { patrons: NOTICES, date });
  fake = await startFakeResend({ latencyMs: 30 });
  // The network's own faults on top of the kills: answers lost and 500s after accepting.
  const injected = setInterval(() => {
    const roll = Math.random();
    if (roll < 0.3) fake?.dropNext(1, { afterProcessing: true });
    else if (roll < 0.5) fake?.failNext(1, { status: 500 }, { afterProcessing: true });
  }, 1_500);
  const { runId } = await startSendRun(db, {
    libraryId: t.library.id,
    date,
    trigger: "staff",
    baseUrl: "https://rappel.example.be",
  });

  let kills = 0;
  const killedWhile: string[] = [];
  while (kills < KILLS) {
    child = await startWorkerProcess(fake.url);
    await sleep(300 + Math.random() * 2_200);
    const run = await db.sendRun.findUniqueOrThrow({ where: { id: runId } });
    killedWhile.push(run.preparedAt ? "delivering" : "preparing");
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await new Promise((resolve) => child?.once("exit", resolve));
    }
    kills += 1;
  }
  clearInterval(injected);
  child = await startWorkerProcess(fake.url);
  let run = await db.sendRun.findUniqueOrThrow({ where: { id: runId } });
  for (let i = 0; i < 600 && run.status !== "succeeded" && run.status !== "failed"; i++) {
    await sleep(500);
    // a worker that died on its own (the shared server out of connections) is restarted too
    if (child.exitCode !== null || child.signalCode !== null) child = await startWorkerProcess(fake.url);
    run = await db.sendRun.findUniqueOrThrow({ where: { id: runId } });
  }
  if (child.exitCode === null && child.signalCode === null) {
    child.kill("SIGTERM");
    await new Promise((resolve) => child?.once("exit", resolve));
  }
  console.log(`run: ${run.status} ${run.error ?? ""}`);
  console.log(`kills: ${kills} (${killedWhile.join(", ")}); requests at the fake: ${fake.requests().length}`);

  expect(kills).toBeGreaterThanOrEqual(20);
  expect(run).toMatchObject({ status: "succeeded", planned: NOTICES, sent: NOTICES, failed: 0 });
  const sent = fake.sent();
  const noticeOf = (email: (typeof sent)[number]) => email.tags.find((tag) => tag.name === "notice")?.value;
  // exactly once: as many accepted emails as notices, no notice twice
  expect(sent).toHaveLength(NOTICES);
  expect(new Set(sent.map(noticeOf)).size).toBe(NOTICES);
  const notices = await db.notice.findMany({ where: { libraryId: t.library.id } });
  expect(notices).toHaveLength(NOTICES);
  const idOf = new Map(sent.map((email) => [noticeOf(email), email.id]));
  for (const notice of notices) {
    expect(notice.status).toBe("sent");
    expect(notice.providerId).toBe(idOf.get(String(notice.id)));
  }
  expect(await db.sendBatch.count({ where: { status: { not: "confirmed" } } })).toBe(0);
}, 1_500_000);
