import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

export type NextProcess = { child: ChildProcess; stop(): void };

/**
 * Runs the Next.js CLI (`start`, `dev`) in its own process group, so that stopping it also
 * stops the server processes it forks: no dashboard is left running after Ctrl-C.
 */
export function spawnNext(
  args: string[],
  env: NodeJS.ProcessEnv,
  stdout: "inherit" | "pipe" = "inherit",
): NextProcess {
  const child = spawn(process.execPath, [nextBin, ...args], {
    stdio: ["ignore", stdout, "inherit"],
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
    detached: true,
  });
  const stop = () => {
    if (child.pid === undefined || child.exitCode !== null) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  // if this script dies first, take the server with it
  process.once("exit", stop);
  return { child, stop };
}
