import "server-only";
import type { DbTx } from "@/lib/db-client";

export type BatchStateError = "not_found" | "no_pdf" | "already_printed" | "not_printed" | "already_posted";

/**
 * Marks a batch and its letters printed. Only a batch whose PDF was produced completely can
 * be printed: a batch whose PDF failed stays unprinted, its letters waiting in it.
 */
export async function markBatchPrinted(
  tx: DbTx,
  input: { libraryId: number; batchId: number; now?: Date },
): Promise<{ ok: true; letters: number } | { ok: false; error: BatchStateError }> {
  const batch = await tx.letterBatch.findFirst({
    where: { id: input.batchId, libraryId: input.libraryId },
    select: { id: true, pdfAt: true, printedAt: true },
  });
  if (!batch) return { ok: false, error: "not_found" };
  if (batch.printedAt) return { ok: false, error: "already_printed" };
  if (!batch.pdfAt) return { ok: false, error: "no_pdf" };
  const now = input.now ?? new Date();
  // conditional: a second click at the same moment changes nothing
  const marked = await tx.letterBatch.updateMany({
    where: { id: batch.id, printedAt: null },
    data: { printedAt: now },
  });
  if (marked.count === 0) return { ok: false, error: "already_printed" };
  const letters = await tx.letter.updateMany({
    where: { batchId: batch.id, status: "queued" },
    data: { status: "printed", printedAt: now },
  });
  return { ok: true, letters: letters.count };
}
