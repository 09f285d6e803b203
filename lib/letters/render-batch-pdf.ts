import "server-only";
import type { Readable } from "node:stream";
import type { Db } from "@/lib/db-client";
import { batchLetterContents } from "./batch-letters";
import { type StreamLettersSummary, streamLetters } from "./stream-letters";

/**
 * A batch's PDF as a stream, from the letters' frozen content, duplex-safe. When the last
 * byte is out the batch records `pdfAt` (it may then be marked printed); when anything fails
 * it records why, and the batch stays unprinted. Null for a batch of another library.
 */
export async function streamBatchPdf(
  db: Db,
  input: { libraryId: number; batchId: number; title: string },
): Promise<{ stream: Readable; done: Promise<StreamLettersSummary> } | null> {
  const batch = await db.letterBatch.findFirst({
    where: { id: input.batchId, libraryId: input.libraryId },
    select: { id: true },
  });
  if (!batch) return null;
  const { stream, done } = streamLetters(batchLetterContents(db, input), {
    title: input.title,
    duplex: true,
  });
  const recorded = done.then(
    async (summary) => {
      await db.letterBatch.update({ where: { id: batch.id }, data: { pdfAt: new Date(), pdfError: null } });
      return summary;
    },
    async (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      await db.letterBatch.update({ where: { id: batch.id }, data: { pdfError: message.slice(0, 500) } });
      throw error;
    },
  );
  return { stream, done: recorded };
}
