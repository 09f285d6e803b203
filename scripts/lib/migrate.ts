import { spawn } from "node:child_process";

/** Applies prisma/migrations to the database at `url` with the prisma CLI (WebAssembly engine). */
export function migrateDeploy(url: string): Promise<void> {
  return runPrisma(["migrate", "deploy"], url);
}

/** Generates the Prisma client into lib/generated/prisma. */
export function generateClient(): Promise<void> {
  return runPrisma(["generate"], process.env.DATABASE_URL ?? "postgresql://generate@localhost/generate");
}

function runPrisma(args: string[], url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["prisma", ...args], {
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`prisma ${args.join(" ")} failed (exit ${code}):\n${output.trim()}`)),
    );
  });
}
