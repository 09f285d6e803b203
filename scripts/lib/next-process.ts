import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const tsxCli = require.resolve("tsx/cli");

export type NextProcess = { child: ChildProcess; stop(): void };

/**
 * Runs the dashboard's server (scripts/serve-next.ts: Next.js behind a server that passes the
 * connection's address on) as `start` (the production build) or `dev`, with `-p PORT` and
 * `-H HOST`, in its own process group, so that stopping it also stops the processes it forks:
 * no dashboard is left running after Ctrl-C.
 */
export function spawnNext(
  args: string[],
  env: NodeJS.ProcessEnv,
  stdout: "inherit" | "pipe" = "inherit",
): NextProcess {
  const [mode, ...options] = args;
  const dev = mode === "dev";
  const child = spawn(
    process.execPath,
    [
      tsxCli,
      "--tsconfig",
      "scripts/tsconfig.json",
      "scripts/serve-next.ts",
      ...(dev ? ["--dev"] : []),
      ...options,
    ],
    {
      stdio: ["ignore", stdout, "inherit"],
      env: { ...env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: dev ? "development" : "production" },
      detached: true,
    },
  );
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
