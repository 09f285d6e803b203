import "server-only";
import type { Db } from "@/lib/db-client";

/** The library's tokens, live first, newest first: never the secret (it is not stored). */
export function listApiTokens(db: Db, { libraryId }: { libraryId: number }) {
  return db.apiToken.findMany({
    where: { libraryId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      scope: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true } },
    },
  });
}
