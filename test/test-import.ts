import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { inject } from "vitest";
import type { Db } from "@/lib/db-client";
import type { ImportKind } from "@/lib/generated/prisma/client";
import { queueImport } from "@/lib/import/queue-import";
import { runImport } from "@/lib/import/run-import";

export const TEST_IMPORT_DIR = path.join(tmpdir(), "rappel-import-tests");

/** Test fixture: a library with two branches (ILS codes HB and FIL). */
export async function createImportLibrary(db: Db, code = "lib") {
  const library = await db.library.create({ data: { code, name: `Bibliotheek ${code}` } });
  const address = { street: "Markt 1", postalCode: "8760", city: "Meulebeke" };
  await db.branch.createMany({
    data: [
      { libraryId: library.id, ilsCode: "HB", name: "Hoofdbibliotheek", ...address },
      { libraryId: library.id, ilsCode: "FIL", name: "Filiaal", ...address },
    ],
  });
  return library;
}

/** Queues `content` as an uploaded file and imports it, the way the upload page does. */
export async function importFile(
  db: Db,
  libraryId: number,
  kind: ImportKind,
  content: string | Buffer,
  options: { fullSync?: boolean; maxCloseShare?: number; chunkSize?: number } = {},
) {
  const run = await queueImport(db, {
    libraryId,
    kind,
    fileName: `${kind}.csv`,
    body: Readable.from([Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8")]),
    folder: TEST_IMPORT_DIR,
    actorLabel: "Test",
    fullSync: options.fullSync,
    maxCloseShare: options.maxCloseShare,
  });
  // the production path: chunks on a pg connection of their own (not on the embedded database)
  const databaseUrl = inject("embeddedDatabase") ? undefined : inject("databaseUrl");
  await runImport(db, run.id, { chunkSize: options.chunkSize, databaseUrl });
  const done = await db.importRun.findUniqueOrThrow({ where: { id: run.id } });
  const rejections = await db.importRejection.findMany({
    where: { importRunId: run.id },
    orderBy: [{ line: "asc" }, { id: "asc" }],
    select: { line: true, column: true, reason: true, value: true },
  });
  return { run: done, rejections };
}
