import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import { type FakeResendOptions, startFakeResend } from "./fake-resend";

/** What the fake in its own process reports back (its CPU, what it accepted). */
export type FakeResendStats = {
  /** emails accepted */
  accepted: number;
  /** distinct `notice` tags among them: fewer than `accepted` means a notice went out twice */
  distinctNotices: number;
  /** POST /emails/batch requests, with their arrival time (ms since the epoch) and status */
  batchRequests: { at: number; status: number }[];
  /** the fake process's CPU seconds (user + system) since it started */
  cpuSeconds: number;
};

type Request = { id: number; kind: "stats" };
type Reply = { id: number; stats: FakeResendStats };

const isChild = process.env.RAPPEL_FAKE_RESEND_CHILD === "1" && typeof process.send === "function";

/**
 * The fake Resend in a process of its own (a benchmark measures the worker's CPU apart from
 * the fake's, and the two use separate cores). Resolves once it listens.
 */
export async function startFakeResendProcess(
  options: Pick<FakeResendOptions, "rateLimitPerSecond" | "latencyMs"> = {},
): Promise<{ url: string; stats(): Promise<FakeResendStats>; stop(): Promise<void> }> {
  const child: ChildProcess = fork(path.resolve(import.meta.dirname, "fake-resend-process.ts"), [], {
    execArgv: ["--import", "tsx/esm"],
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: path.resolve(import.meta.dirname, "../tsconfig.json"),
      RAPPEL_FAKE_RESEND_CHILD: "1",
      RAPPEL_FAKE_RESEND_OPTIONS: JSON.stringify(options),
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("message", (message) => resolve((message as { url: string }).url));
    child.once("exit", (code) => reject(new Error(`the fake Resend process exited (${code})`)));
  });
  let next = 0;
  const waiting = new Map<number, (stats: FakeResendStats) => void>();
  child.on("message", (message) => {
    const reply = message as Reply;
    waiting.get(reply.id)?.(reply.stats);
    waiting.delete(reply.id);
  });
  return {
    url,
    stats: () =>
      new Promise((resolve) => {
        const id = ++next;
        waiting.set(id, resolve);
        child.send({ id, kind: "stats" } satisfies Request);
      }),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

if (isChild) {
  const fake = await startFakeResend(JSON.parse(process.env.RAPPEL_FAKE_RESEND_OPTIONS ?? "{}"));
  process.on("message", (message) => {
    const request = message as Request;
    if (request.kind !== "stats") return;
    const sent = fake.sent();
    const cpu = process.cpuUsage();
    const stats: FakeResendStats = {
      accepted: sent.length,
      distinctNotices: new Set(sent.map((email) => email.tags.find((tag) => tag.name === "notice")?.value))
        .size,
      batchRequests: fake
        .requests()
        .filter((r) => r.path === "/emails/batch")
        .map((r) => ({ at: r.at, status: r.status })),
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
    };
    process.send?.({ id: request.id, stats } satisfies Reply);
  });
  process.once("SIGTERM", () => {
    fake.stop().then(() => process.exit(0));
  });
  // the parent is gone (it crashed, or was killed): so is this
  process.once("disconnect", () => process.exit(0));
  process.send?.({ url: fake.url });
}
