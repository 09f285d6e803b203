import "server-only";
import { type LocalDate, toDbDate } from "@/lib/dates";
import type { DbTx } from "@/lib/db-client";
import type { BatchStateError } from "./mark-batch-printed";

/** Marks a printed batch and its letters posted on a library-local date. */
export async function markBatchPosted(
  tx: DbTx,
  input: { libraryId: number; batchId: number; postedOn: LocalDate; now?: Date },
): Promise<{ ok: true; letters: number } | { ok: false; error: BatchStateError }> {
  const batch = await tx.letterBatch.findFirst({
    where: { id: input.batchId, libraryId: input.libraryId },
    select: { id: true, printedAt: true, postedAt: true },
  });
  if (!batch) return { ok: false, error: "not_found" };
  if (!batch.printedAt) return { ok: false, error: "not_printed" };
  if (batch.postedAt) return { ok: false, error: "already_posted" };
  const now = input.now ?? new Date();
  const postedOn = toDbDate(input.postedOn);
  const marked = await tx.letterBatch.updateMany({
    where: { id: batch.id, postedAt: null },
    data: { postedAt: now, postedOn },
  });
  if (marked.count === 0) return { ok: false, error: "already_posted" };
  const letters = await tx.letter.updateMany({
    where: { batchId: batch.id, status: "printed" },
    data: { status: "posted", postedAt: now, postedOn },
  });
  return { ok: true, letters: letters.count };
}
