import "server-only";
import { addDays, DEFAULT_TIME_ZONE, type LocalDate, localTimeToInstant } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditFilters = {
  actorId?: number;
  action?: string;
  entityType?: string;
  entityId?: string;
  /** library-local days, both included */
  from?: LocalDate;
  to?: LocalDate;
};

export type AuditRow = {
  id: number;
  at: Date;
  actorId: number | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  patronId: number | null;
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
};

export const AUDIT_PAGE_SIZE = 50;

const ROW = {
  id: true,
  at: true,
  actorId: true,
  actorLabel: true,
  action: true,
  entityType: true,
  entityId: true,
  patronId: true,
  before: true,
  after: true,
} as const;

function whereFor(libraryId: number, filters: AuditFilters, timeZone: string): Prisma.AuditEntryWhereInput {
  return {
    libraryId,
    actorId: filters.actorId,
    action: filters.action,
    entityType: filters.entityType,
    entityId: filters.entityId,
    at: {
      gte: filters.from ? localTimeToInstant(filters.from, "00:00", timeZone) : undefined,
      lt: filters.to ? localTimeToInstant(addDays(filters.to, 1), "00:00", timeZone) : undefined,
    },
  };
}

/** One page of a library's audit log, newest first. */
export async function listAuditEntries(
  db: Db,
  libraryId: number,
  filters: AuditFilters,
  options: { page?: number; pageSize?: number; timeZone?: string } = {},
): Promise<{ rows: AuditRow[]; total: number; page: number; pageCount: number }> {
  const pageSize = options.pageSize ?? AUDIT_PAGE_SIZE;
  const where = whereFor(libraryId, filters, options.timeZone ?? DEFAULT_TIME_ZONE);
  const total = await db.auditEntry.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const rows = await db.auditEntry.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: ROW,
  });
  return { rows, total, page, pageCount };
}

/** What the filter lists offer: the actors, actions and entity types that occur in a library's log. */
export async function auditFilterOptions(
  db: Db,
  libraryId: number,
): Promise<{
  actors: { id: number; label: string }[];
  actions: string[];
  entityTypes: string[];
}> {
  const [actors, actions, entityTypes] = await Promise.all([
    db.auditEntry.findMany({
      where: { libraryId, actorId: { not: null } },
      distinct: ["actorId"],
      orderBy: [{ actorId: "asc" }, { at: "desc" }],
      select: { actorId: true, actorLabel: true },
    }),
    db.auditEntry.findMany({
      where: { libraryId },
      distinct: ["action"],
      orderBy: { action: "asc" },
      select: { action: true },
    }),
    db.auditEntry.findMany({
      where: { libraryId },
      distinct: ["entityType"],
      orderBy: { entityType: "asc" },
      select: { entityType: true },
    }),
  ]);
  return {
    actors: actors
      .map((a) => ({ id: a.actorId as number, label: a.actorLabel }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    actions: actions.map((a) => a.action),
    entityTypes: entityTypes.map((e) => e.entityType),
  };
}

/** The entries about one patron, newest first, for the patron's page. */
export async function listAuditForPatron(
  db: Db,
  { libraryId, patronId, limit = 100 }: { libraryId: number; patronId: number; limit?: number },
): Promise<AuditRow[]> {
  return db.auditEntry.findMany({
    where: { libraryId, patronId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: ROW,
  });
}
