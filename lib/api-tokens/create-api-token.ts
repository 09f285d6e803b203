import "server-only";
import type { Db, DbTx } from "@/lib/db-client";
import type { ApiTokenScope } from "@/lib/generated/prisma/client";
import { hashToken, newTokenSecret } from "./token-secret";

/**
 * Creates an API token for a library. The secret is returned here once, to be shown to the
 * admin; the database keeps only its sha256 and its first characters.
 */
export async function createApiToken(
  tx: Db | DbTx,
  input: { libraryId: number; name: string; scope: ApiTokenScope; createdById: number | null },
) {
  const secret = newTokenSecret();
  const token = await tx.apiToken.create({
    data: {
      libraryId: input.libraryId,
      name: input.name,
      scope: input.scope,
      tokenHash: hashToken(secret),
      prefix: secret.slice(0, 10),
      createdById: input.createdById,
    },
    select: { id: true, name: true, scope: true, prefix: true },
  });
  return { ...token, secret };
}
