import "server-only";
import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import { localToday } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import type { ImportKind, ImportPickup } from "@/lib/generated/prisma/client";
import { localTimeReached } from "@/lib/sending/run-scheduled-sends";
import {
  checkPickupFolder,
  DONE_FOLDER,
  FAILED_FOLDER,
  listPickupFiles,
  moveAfterImport,
  type PickupFolderProblem,
} from "./pickup-folder";
import { queueImport } from "./queue-import";
import { runImport } from "./run-import";

/** What the history shows as "who" when a person reads the raw label (the pages say it in words). */
export const PICKUP_ACTOR_LABEL = "scheduled pickup";

export const pickupPatterns = (pickup: ImportPickup): Record<ImportKind, string> => ({
  patrons: pickup.patronsPattern,
  items: pickup.itemsPattern,
  loans: pickup.loansPattern,
  returns: pickup.returnsPattern,
});

/**
 * The libraries whose pickup time (library-local) has come today and that were not picked up
 * today yet. Each is claimed for the day in the database (one update that only one worker
 * wins), so several workers never pick up twice.
 */
export async function claimDuePickups(
  db: Db,
  now = new Date(),
): Promise<{ libraryId: number; day: string }[]> {
  const pickups = await db.importPickup.findMany({
    where: { enabled: true },
    select: { libraryId: true, time: true, library: { select: { timeZone: true } } },
  });
  const due: { libraryId: number; day: string }[] = [];
  for (const pickup of pickups) {
    const { timeZone } = pickup.library;
    if (!localTimeReached(pickup.time, timeZone, now)) continue;
    const day = localToday(timeZone, now);
    const date = new Date(`${day}T00:00:00Z`);
    const claimed = await db.importPickup.updateMany({
      where: {
        libraryId: pickup.libraryId,
        enabled: true,
        OR: [{ lastDay: null }, { lastDay: { lt: date } }],
      },
      data: { lastDay: date },
    });
    if (claimed.count === 1) due.push({ libraryId: pickup.libraryId, day });
  }
  return due;
}

export type PickupOutcome =
  | { problem: PickupFolderProblem; runs: [] }
  | { problem?: never; runs: { importRunId: number; file: string; movedTo: string }[] };

/**
 * One pickup of a library's folder: every file whose name matches a kind's pattern is imported
 * in order (patrons, items, loans, returns; by name within a kind) as an ImportRun of its own
 * ("scheduled pickup" in the history), then moved to done/ (imported, refused rows and all) or
 * failed/ (the file could not be imported: no header, a missing column). A folder that is
 * missing or unreadable imports nothing and is recorded for the Import page. Safe to run again
 * after a crash: a pickup import left unfinished is resumed and its file moved first.
 */
export async function runPickup(
  db: Db,
  options: { libraryId: number; root: string; importDir: string; databaseUrl?: string; now?: Date },
): Promise<PickupOutcome> {
  const { libraryId } = options;
  const pickup = await db.importPickup.findUnique({ where: { libraryId } });
  if (!pickup) return { runs: [] };
  const checked = await checkPickupFolder(options.root, pickup.folder);
  if (checked.problem) {
    await db.importPickup.update({
      where: { libraryId },
      data: { lastAt: options.now ?? new Date(), lastProblem: `${checked.problem}|${pickup.folder}` },
    });
    return { problem: checked.problem, runs: [] };
  }
  const folder = checked.path;
  const runs: { importRunId: number; file: string; movedTo: string }[] = [];
  const importAndMove = async (importRunId: number, file: string) => {
    await runImport(db, importRunId, { databaseUrl: options.databaseUrl });
    const run = await db.importRun.findUniqueOrThrow({
      where: { id: importRunId },
      select: { status: true },
    });
    if (!existsSync(file)) return;
    const movedTo = await moveAfterImport(
      file,
      run.status === "succeeded" ? DONE_FOLDER : FAILED_FOLDER,
      new Date(),
    );
    runs.push({ importRunId, file: path.basename(file), movedTo });
  };

  const unfinished = await db.importRun.findMany({
    where: { libraryId, viaPickup: true, status: { in: ["queued", "running"] } },
    orderBy: { id: "asc" },
    select: { id: true, fileName: true },
  });
  for (const run of unfinished) await importAndMove(run.id, path.join(folder, run.fileName));

  for (const file of await listPickupFiles(folder, pickupPatterns(pickup))) {
    const run = await queueImport(db, {
      libraryId,
      kind: file.kind,
      fileName: file.name,
      body: createReadStream(file.path),
      folder: options.importDir,
      actorLabel: PICKUP_ACTOR_LABEL,
      viaPickup: true,
      fullSync: pickup.fullSync,
    });
    await importAndMove(run.id, file.path);
  }
  await db.importPickup.update({
    where: { libraryId },
    data: { lastAt: options.now ?? new Date(), lastProblem: null },
  });
  return { runs };
}
