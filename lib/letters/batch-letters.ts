import "server-only";
import type { Db } from "@/lib/db-client";
import { type StoredNoticeContent, storedNoticeContent } from "@/lib/rendering/render-planned-notices";

/**
 * The letters of a batch as they print, in the order of the post (postal code, name), read
 * `pageSize` at a time so that a batch of thousands streams into its PDF with flat memory.
 * Each letter prints from its frozen content: a reprint is identical to the first print.
 */
export async function* batchLetterContents(
  db: Db,
  input: { libraryId: number; batchId: number; pageSize?: number },
): AsyncGenerator<StoredNoticeContent[]> {
  const pageSize = input.pageSize ?? 100;
  for (let offset = 0; ; offset += pageSize) {
    const rows = await db.$queryRaw<{ content: unknown }[]>`
      SELECT l.content FROM "Letter" l JOIN "LetterBatch" b ON b.id = l."batchId"
      WHERE b.id = ${input.batchId} AND b."libraryId" = ${input.libraryId} AND l.content IS NOT NULL
      ORDER BY l.content->'patron'->>'postalCode', l.content->'patron'->>'lastName',
               l.content->'patron'->>'firstName', l.id
      LIMIT ${pageSize} OFFSET ${offset}`;
    const contents = rows.map((row) => storedNoticeContent(row.content)).filter((c) => c !== null);
    if (contents.length > 0) yield contents;
    if (rows.length < pageSize) return;
  }
}

/** One batch of the library with its counts, or null. */
export async function loadLetterBatch(db: Db, input: { libraryId: number; batchId: number }) {
  const batch = await db.letterBatch.findFirst({
    where: { id: input.batchId, libraryId: input.libraryId },
    include: {
      branch: { select: { name: true } },
      createdBy: { select: { name: true } },
      _count: { select: { letters: true } },
    },
  });
  return batch;
}

/** The library's latest batches, newest first, with their letter counts and postage. */
export async function listLetterBatches(db: Db, input: { libraryId: number; take?: number }) {
  const batches = await db.letterBatch.findMany({
    where: { libraryId: input.libraryId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.take ?? 20,
    include: { branch: { select: { name: true } }, _count: { select: { letters: true } } },
  });
  const postage = await db.letter.groupBy({
    by: ["batchId"],
    where: { batchId: { in: batches.map((batch) => batch.id) } },
    _sum: { postageCents: true },
  });
  return batches.map((batch) => ({
    ...batch,
    letters: batch._count.letters,
    postageCents: postage.find((row) => row.batchId === batch.id)?._sum.postageCents ?? 0,
  }));
}

export type LetterBatchRow = Awaited<ReturnType<typeof listLetterBatches>>[number];

/** Every letter of a batch, in print order, with what it printed: the batch page and the deposit list. */
export async function listBatchLetters(db: Db, input: { libraryId: number; batchId: number }) {
  const rows = await db.$queryRaw<
    {
      id: number;
      noticeId: number;
      patronId: number;
      content: unknown;
      trackingNumber: string | null;
      postageCents: number;
      status: string;
    }[]
  >`
    SELECT l.id, l."noticeId", n."patronId", l.content, l."trackingNumber", l."postageCents", l.status::text AS status
    FROM "Letter" l JOIN "LetterBatch" b ON b.id = l."batchId" JOIN "Notice" n ON n.id = l."noticeId"
    WHERE b.id = ${input.batchId} AND b."libraryId" = ${input.libraryId}
    ORDER BY l.content->'patron'->>'postalCode', l.content->'patron'->>'lastName',
             l.content->'patron'->>'firstName', l.id`;
  return rows.map((row) => ({ ...row, content: storedNoticeContent(row.content) }));
}

export type BatchLetter = Awaited<ReturnType<typeof listBatchLetters>>[number];
