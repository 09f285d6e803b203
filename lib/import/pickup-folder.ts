import "server-only";
import { constants } from "node:fs";
import { access, mkdir, readdir, realpath, rename, stat } from "node:fs/promises";
import path from "node:path";
import type { ImportKind } from "@/lib/generated/prisma/client";

/** Why a pickup folder cannot be used (messages importPickup.problems.*). */
export type PickupFolderProblem = "outsideRoot" | "folderMissing" | "notAFolder" | "folderUnreadable";

/** The order a pickup imports its files in: loans name patrons and items, returns name loans. */
export const PICKUP_KINDS: readonly ImportKind[] = ["patrons", "items", "loans", "returns"];

/** The folders a picked-up file is moved to after its import. */
export const DONE_FOLDER = "done";
export const FAILED_FOLDER = "failed";

/**
 * The folder a library named, inside the server's pickup root: a relative name ("meulebeke",
 * "export/ils"), never an absolute path or one that climbs out (`..`). Null when it would leave
 * the root.
 */
export function pickupFolderPath(root: string, folder: string): string | null {
  const base = path.resolve(root);
  const trimmed = folder.trim();
  if (trimmed === "" || path.isAbsolute(trimmed)) return null;
  const full = path.resolve(base, trimmed);
  return full.startsWith(`${base}${path.sep}`) ? full : null;
}

/**
 * Checks that the pickup folder can be used: inside the root (also after following links),
 * there, a folder, and readable and writable (files are moved out of it after their import).
 */
export async function checkPickupFolder(
  root: string,
  folder: string,
): Promise<{ path: string; problem?: never } | { path: string | null; problem: PickupFolderProblem }> {
  const full = pickupFolderPath(root, folder);
  if (!full) return { path: null, problem: "outsideRoot" };
  let real: string;
  try {
    real = await realpath(full);
  } catch {
    return { path: full, problem: "folderMissing" };
  }
  const realRoot = await realpath(path.resolve(root)).catch(() => path.resolve(root));
  if (!real.startsWith(`${realRoot}${path.sep}`)) return { path: full, problem: "outsideRoot" };
  if (!(await stat(real)).isDirectory()) return { path: full, problem: "notAFolder" };
  try {
    await access(real, constants.R_OK | constants.W_OK | constants.X_OK);
    await readdir(real);
  } catch {
    return { path: full, problem: "folderUnreadable" };
  }
  return { path: real };
}

/** A file name pattern with `*` (any run of characters) and `?` (one), case-insensitive. */
export function matchesPattern(pattern: string, name: string): boolean {
  const trimmed = pattern.trim();
  if (trimmed === "") return false;
  const source = trimmed
    .split("")
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[\\^$.|+()[\]{}]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`, "i").test(name);
}

export type PickupFile = { kind: ImportKind; name: string; path: string };

/**
 * The files of the folder to import, in import order: by kind (patrons, items, loans,
 * returns), then by name. A file matching two kinds' patterns goes to the first. Hidden files
 * and folders (done/, failed/) are left alone.
 */
export async function listPickupFiles(
  folder: string,
  patterns: Record<ImportKind, string>,
): Promise<PickupFile[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: PickupFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.startsWith(".")) continue;
    const kind = PICKUP_KINDS.find((k) => matchesPattern(patterns[k], entry.name));
    if (kind) files.push({ kind, name: entry.name, path: path.join(folder, entry.name) });
  }
  return files.sort(
    (a, b) => PICKUP_KINDS.indexOf(a.kind) - PICKUP_KINDS.indexOf(b.kind) || a.name.localeCompare(b.name),
  );
}

/**
 * Moves a picked-up file into done/ or failed/ beside it, its name prefixed with the moment
 * ("2026-12-03T06-00-12_patrons.csv"), so that the same export name every day never overwrites
 * an earlier one.
 */
export async function moveAfterImport(
  file: string,
  to: typeof DONE_FOLDER | typeof FAILED_FOLDER,
  now: Date,
) {
  const target = path.join(path.dirname(file), to);
  await mkdir(target, { recursive: true });
  const stamp = now.toISOString().slice(0, 19).replaceAll(":", "-");
  const moved = path.join(target, `${stamp}_${path.basename(file)}`);
  await rename(file, moved);
  return moved;
}
