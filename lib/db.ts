import "server-only";
import { createDbClient } from "@/lib/db-client";
import { env } from "@/lib/env";

// One Prisma client per process; the globalThis guard survives dev-server reloads.
const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createDbClient> };

export const db = globalForPrisma.prisma ?? createDbClient(env.DATABASE_URL, env.DATABASE_POOL_MAX);
if (env.NODE_ENV !== "production") globalForPrisma.prisma = db;
