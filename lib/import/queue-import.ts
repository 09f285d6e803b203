import "server-only";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Db } from "@/lib/db-client";
import type { ImportKind } from "@/lib/generated/prisma/client";

export type QueueImportInput = {
  libraryId: number;
  kind: ImportKind;
  fileName: string;
  /** the file's bytes as they arrive (a request body), never held in memory whole */
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;
  /** the folder uploaded files wait in (env.IMPORT_DIR) */
  folder: string;
  actorLabel: string;
  startedById?: number | null;
  apiTokenId?: number | null;
  fullSync?: boolean;
  maxCloseShare?: number;
  /** the file came from the library's pickup folder (run-pickup.ts) */
  viaPickup?: boolean;
};

/**
 * Streams an uploaded file to disk and records it as a queued ImportRun: the import itself
 * runs later (runImport), outside the request. A file that fails to arrive leaves nothing.
 */
export async function queueImport(db: Db, input: QueueImportInput) {
  await mkdir(input.folder, { recursive: true });
  const filePath = path.resolve(input.folder, `${randomUUID()}.csv`);
  try {
    const source =
      "getReader" in input.body ? Readable.fromWeb(input.body as never) : Readable.from(input.body);
    await pipeline(source, createWriteStream(filePath));
    const { size } = await stat(filePath);
    return await db.importRun.create({
      data: {
        libraryId: input.libraryId,
        kind: input.kind,
        fileName: input.fileName.slice(0, 200) || "import.csv",
        filePath,
        fileBytes: BigInt(size),
        actorLabel: input.actorLabel,
        startedById: input.startedById ?? null,
        apiTokenId: input.apiTokenId ?? null,
        fullSync: input.kind === "loans" && (input.fullSync ?? false),
        maxCloseShare: input.maxCloseShare ?? 0.2,
        viaPickup: input.viaPickup ?? false,
      },
    });
  } catch (error) {
    await rm(filePath, { force: true });
    throw error;
  }
}
