import "server-only";
import type { Db } from "@/lib/db-client";
import type { ApiTokenScope } from "@/lib/generated/prisma/client";
import { hashToken, TOKEN_PREFIX } from "./token-secret";

export type ApiCaller = {
  token: { id: number; name: string; scope: ApiTokenScope };
  library: { id: number; code: string; name: string; timeZone: string };
};

/** "last used" is written at most once a minute per token: a busy ILS should not turn reads into writes. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The token and its library for an `Authorization: Bearer rpl_...` header, or null for a
 * missing, unknown or revoked token. Looked up by the sha256 of the secret.
 */
export async function authenticateApiToken(db: Db, authorization: string | null): Promise<ApiCaller | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? "");
  if (!match?.[1].startsWith(TOKEN_PREFIX) || match[1].length > 200) return null;
  const found = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]) },
    include: { library: { select: { id: true, code: true, name: true, timeZone: true } } },
  });
  if (!found || found.revokedAt) return null;
  const now = new Date();
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  return { token: { id: found.id, name: found.name, scope: found.scope }, library: found.library };
}
