import "server-only";
import path from "node:path";
import type { Db } from "@/lib/db-client";
import { checkPickupFolder, type PickupFolderProblem } from "./pickup-folder";

/** The form's values for a library without a pickup yet. */
export const PICKUP_DEFAULTS = {
  enabled: false,
  folder: "",
  time: "06:00",
  patronsPattern: "patrons*.csv",
  itemsPattern: "items*.csv",
  loansPattern: "loans*.csv",
  returnsPattern: "returns*.csv",
  fullSync: false,
};

/**
 * What the Import page shows of the library's pickup: its settings, the folder's full path,
 * the last pickup, and every reason it cannot work: the last pickup's refusal and, for a
 * pickup that is on, the folder as it is now (missing, unreadable).
 */
export async function loadPickupView(db: Db, { libraryId, root }: { libraryId: number; root: string }) {
  const row = await db.importPickup.findUnique({ where: { libraryId } });
  const problems: { code: PickupFolderProblem; folder: string; at: Date | null }[] = [];
  let fullPath: string | null = null;
  if (row?.lastProblem && row.lastAt) {
    const [code, folder = row.folder] = row.lastProblem.split("|");
    problems.push({ code: code as PickupFolderProblem, folder, at: row.lastAt });
  }
  if (row?.enabled) {
    const checked = await checkPickupFolder(root, row.folder);
    fullPath = checked.path;
    if (checked.problem && !problems.some((p) => p.code === checked.problem))
      problems.push({ code: checked.problem, folder: row.folder, at: null });
  }
  return {
    settings: row
      ? {
          enabled: row.enabled,
          folder: row.folder,
          time: row.time,
          patronsPattern: row.patronsPattern,
          itemsPattern: row.itemsPattern,
          loansPattern: row.loansPattern,
          returnsPattern: row.returnsPattern,
          fullSync: row.fullSync,
        }
      : null,
    root: path.resolve(root),
    path: fullPath,
    lastAt: row?.lastAt ?? null,
    problems,
  };
}
