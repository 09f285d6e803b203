import "server-only";
import { createDbClient } from "@/lib/db-client";
import { env } from "@/lib/env";

// One Prisma client per process. Kept on globalThis in production too: Next bundles route
// handlers, pages and actions separately, and each bundle would otherwise make its own client
// and pool. On the embedded database (one session, one connection) that second pool would wait
// for the first and fail.
const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createDbClient> };

// The app owns the embedded database's one connection for its lifetime (idle timeout 0):
// reconnecting to PGlite's socket server between requests dropped connections mid-request.
export const db =
  globalForPrisma.prisma ??
  createDbClient(env.DATABASE_URL, env.DATABASE_POOL_MAX, env.DATABASE_POOL_MAX === 1 ? 0 : 10_000);
globalForPrisma.prisma = db;
