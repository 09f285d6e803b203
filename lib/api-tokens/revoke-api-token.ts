import "server-only";
import type { Db, DbTx } from "@/lib/db-client";

/** Revokes a token of this library; false when there is no such live token. */
export async function revokeApiToken(
  tx: Db | DbTx,
  input: { libraryId: number; tokenId: number },
): Promise<boolean> {
  const { count } = await tx.apiToken.updateMany({
    where: { id: input.tokenId, libraryId: input.libraryId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count === 1;
}
