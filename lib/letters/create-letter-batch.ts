import "server-only";
import type { LocalDate } from "@/lib/dates";
import type { DbTx } from "@/lib/db-client";
import { renderPlannedNotices } from "@/lib/rendering/render-planned-notices";
import { letterContentOf, loadQueuedLetters, storedNoticeContent } from "./queued-letters";

export type CreateLetterBatchInput = {
  libraryId: number;
  branchId: number;
  /** registered letters go in a batch of their own */
  registered: boolean;
  /** only these letters; omitted = every letter of the branch waiting ("everything for this branch") */
  letterIds?: number[];
  createdById?: number | null;
  /** the library-local day of printing: the letters' date */
  today: LocalDate;
  baseUrl: string;
};

export type CreateLetterBatchResult = {
  /** null when nothing could go in a batch */
  batchId: number | null;
  letters: number;
  /** letters that dropped out: every item returned or renewed since (now cancelled) */
  droppedOut: { letterId: number; noticeId: number; patronId: number }[];
  /** letters left in the queue because the patron's address cannot be printed */
  problems: number;
  /** letters another staff member put in a batch at the same moment */
  takenByOthers: number;
};

/**
 * Puts waiting letters of one branch in a new batch, inside the caller's transaction.
 * The letters are claimed with `FOR UPDATE SKIP LOCKED` and a `batchId IS NULL` check, so two
 * staff members printing the same letters at once each get a letter in one batch only.
 * A letter whose items were all returned or renewed is cancelled with a note instead; one
 * whose patron has no usable address stays in the queue as a problem. Each letter in the
 * batch gets its content frozen (what it prints, for identical reprints) and the postage of
 * the day from the library's settings.
 */
export async function createLetterBatch(
  tx: DbTx,
  input: CreateLetterBatchInput,
): Promise<CreateLetterBatchResult> {
  const ids = input.letterIds;
  const claimed = await tx.$queryRaw<{ id: number; noticeId: number; rendered: boolean }[]>`
    SELECT l.id, l."noticeId", n."renderedAt" IS NOT NULL AS rendered
    FROM "Letter" l JOIN "Notice" n ON n.id = l."noticeId"
    WHERE n."libraryId" = ${input.libraryId} AND n."branchId" = ${input.branchId}
      AND n.status <> 'cancelled'
      AND l.status = 'queued' AND l."batchId" IS NULL AND l.reason <> 'desk'
      AND l.registered = ${input.registered}
      AND (${ids ?? null}::int[] IS NULL OR l.id = ANY(${ids ?? null}::int[]))
    ORDER BY l.id
    FOR UPDATE OF l SKIP LOCKED`;
  const result: CreateLetterBatchResult = {
    batchId: null,
    letters: 0,
    droppedOut: [],
    problems: 0,
    takenByOthers: ids ? ids.length - claimed.length : 0,
  };
  if (claimed.length === 0) return result;

  const unrendered = claimed.filter((row) => !row.rendered).map((row) => row.noticeId);
  if (unrendered.length > 0) {
    await renderPlannedNotices(tx, {
      libraryId: input.libraryId,
      noticeIds: unrendered,
      baseUrl: input.baseUrl,
    });
  }
  const letters = await loadQueuedLetters(tx, {
    libraryId: input.libraryId,
    letterIds: claimed.map((row) => row.id),
  });

  const settled = letters.filter((letter) => letter.state === "settled");
  if (settled.length > 0) {
    await tx.letter.updateMany({
      where: { id: { in: settled.map((letter) => letter.id) } },
      data: { status: "cancelled", cancelReason: "loans_settled" },
    });
    result.droppedOut = settled.map((letter) => ({
      letterId: letter.id,
      noticeId: letter.notice.id,
      patronId: letter.notice.patron.id,
    }));
  }
  result.problems = letters.filter((letter) => letter.state === "problem").length;

  const printable = letters.filter((letter) => letter.state === "printable");
  if (printable.length === 0) return result;
  const library = await tx.library.findUniqueOrThrow({
    where: { id: input.libraryId },
    select: { letterPostageCents: true, registeredPostageCents: true },
  });
  const batch = await tx.letterBatch.create({
    data: {
      libraryId: input.libraryId,
      branchId: input.branchId,
      registered: input.registered,
      createdById: input.createdById ?? null,
    },
  });
  const rows = printable.map((letter) => {
    const content = storedNoticeContent(letter.notice.content);
    if (!content) throw new Error(`Notice ${letter.notice.id} has no content to print`);
    return {
      id: letter.id,
      content: JSON.stringify(
        letterContentOf({
          content,
          patron: letter.notice.patron,
          items: letter.items,
          reason: letter.reason,
          registered: letter.registered,
          recipientEmail: letter.notice.recipientEmail,
          date: input.today,
        }),
      ),
    };
  });
  const postage = input.registered ? library.registeredPostageCents : library.letterPostageCents;
  // One statement whatever the batch's size; the batchId check is the claim's second lock.
  const updated = await tx.$executeRaw`
    UPDATE "Letter" l
    SET "batchId" = ${batch.id}, content = r.content::jsonb, "postageCents" = ${postage}
    FROM unnest(${rows.map((row) => row.id)}::int[], ${rows.map((row) => row.content)}::text[]) AS r(id, content)
    WHERE l.id = r.id AND l."batchId" IS NULL AND l.status = 'queued'`;
  result.batchId = batch.id;
  result.letters = updated;
  return result;
}
