import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** pdftoppm (poppler-utils) renders the letters' PDF pages in the browser tests. */
function hasPdftoppm(): boolean {
  try {
    execFileSync("pdftoppm", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Playwright cannot download its own browsers here, so the browser tests drive Debian's
 * Chromium; the letters' spec also needs pdftoppm. A fresh machine has neither: install them
 * when we may (root with apt-get).
 */
export function ensureChromium(): void {
  const missing = [
    ...(existsSync(CHROMIUM) ? [] : ["chromium"]),
    ...(hasPdftoppm() ? [] : ["poppler-utils"]),
  ];
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync("/usr/bin/apt-get")) {
    throw new Error(
      `Missing for the browser tests: ${missing.join(", ")}. Install (Debian: sudo apt-get install -y ${missing.join(" ")})${missing.includes("chromium") ? " or set CHROMIUM_PATH" : ""}.`,
    );
  }
  console.log(`Installing Debian's ${missing.join(" and ")} for the browser tests ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", ...missing], { stdio: "inherit", env });
}
