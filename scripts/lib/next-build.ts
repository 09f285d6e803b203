import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "emails",
  "messages",
  "i18n",
  "public",
  "next.config.ts",
  "package-lock.json",
  "postcss.config.mjs",
  "proxy.ts",
  "tsconfig.json",
  // the Prisma client the build bundles (generated from prisma/schema.prisma)
  "lib/generated",
];
const SKIP = new Set(["node_modules"]);

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (SKIP.has(child)) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** True when .next holds a production build newer than every source file (of the project at `root`). */
export function buildIsFresh(root = "."): boolean {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.every((source) => newestMtime(path.join(root, source)) <= built);
}

/** Runs `next build` unless the existing build is fresh. Output goes to this terminal. */
export async function ensureNextBuild(log: (line: string) => void = console.log): Promise<void> {
  if (buildIsFresh()) return;
  log("Building the dashboard (next build) — a minute or two the first time ...");
  await new Promise<void>((resolve, reject) => {
    const child = spawn("npx", ["next", "build"], {
      stdio: "inherit",
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        // the build renders nothing from the database, but lib/env.ts wants a valid URL
        DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://build@localhost:5432/build",
      },
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code})`)),
    );
  });
}
