import "server-only";
import type { Db } from "@/lib/db-client";

export const MAX_OUTBOX_PAGE = 1_000;

/**
 * What the library system has not read yet: the library's outbox entries after `afterId` (the
 * last id it saw), oldest first, at most `limit`. `nextCursor` is the id to ask after next
 * time (unchanged when there was nothing new).
 */
export async function listOutboxAfter(db: Db, input: { libraryId: number; afterId: number; limit: number }) {
  const entries = await db.ilsOutboxEntry.findMany({
    where: { libraryId: input.libraryId, id: { gt: input.afterId } },
    orderBy: { id: "asc" },
    take: Math.min(Math.max(input.limit, 1), MAX_OUTBOX_PAGE),
    select: { id: true, kind: true, source: true, payload: true, createdAt: true },
  });
  return { entries, nextCursor: entries.length > 0 ? entries[entries.length - 1].id : input.afterId };
}
