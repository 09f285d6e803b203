import "server-only";
import type { Db } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EventOutcome } from "./apply-delivery-event";
import {
  PROBLEM_EVENT_TYPES,
  PROBLEM_TYPES,
  type ProblemType,
  type ReasonCode,
  reasonCode,
} from "./email-problem";

export const BOUNCE_PERIODS = ["7", "30", "90", "365", "all"] as const;
export type BouncePeriod = (typeof BOUNCE_PERIODS)[number];
export const BOUNCE_LIST_LIMIT = 500;

export type BounceFilters = {
  branchId?: number | null;
  type?: ProblemType | null;
  period?: BouncePeriod;
  /** dismissed problems instead of open ones */
  dismissed?: boolean;
};

export type BounceRow = {
  eventId: number;
  occurredAt: Date;
  type: ProblemType;
  reason: ReasonCode;
  noticeId: number;
  patron: { id: number; name: string; cardNumber: string; email: string | null; emailStatus: string };
  /** the address the email went to */
  address: string | null;
  branch: string;
  /** what Rappel already did */
  did: {
    addressDead: boolean;
    flagged: boolean;
    softBounces: number | null;
    noLetterFallback: boolean;
    oldAddress: boolean;
    letter: { status: string; printedAt: Date | null; postedAt: Date | null } | null;
  };
  dismissed: { at: Date; note: string | null; by: string | null } | null;
};

// The problem type of an event, in SQL (the same rule as eventMeaning in email-problem.ts).
const PROBLEM_SQL = Prisma.sql`
  CASE
    WHEN e."type" = 'email.bounced' AND lower(coalesce(e."bounceType", '')) = 'permanent'
         AND lower(coalesce(e."bounceSubType", '')) IN ('suppressed', 'onaccountsuppressionlist') THEN 'suppressed'
    WHEN e."type" = 'email.bounced' AND lower(coalesce(e."bounceType", '')) = 'permanent' THEN 'permanent_bounce'
    WHEN e."type" = 'email.bounced' THEN 'transient_bounce'
    WHEN e."type" = 'email.suppressed' THEN 'suppressed'
    WHEN e."type" = 'email.failed' THEN 'failed'
    WHEN e."type" = 'email.complained' THEN 'complaint'
    ELSE 'no_delivery'
  END`;

function whereClause(libraryId: number, filters: BounceFilters, now: Date, withType: boolean) {
  const parts = [
    Prisma.sql`n."libraryId" = ${libraryId}`,
    Prisma.sql`e."type" IN (${Prisma.join([...PROBLEM_EVENT_TYPES])})`,
    Prisma.sql`e."state" = 'applied'`,
    filters.dismissed ? Prisma.sql`e."dismissedAt" IS NOT NULL` : Prisma.sql`e."dismissedAt" IS NULL`,
  ];
  if (filters.branchId) parts.push(Prisma.sql`n."branchId" = ${filters.branchId}`);
  const period = filters.period ?? "30";
  if (period !== "all")
    parts.push(Prisma.sql`e."occurredAt" >= ${new Date(now.getTime() - Number(period) * 86_400_000)}`);
  if (withType && filters.type) parts.push(Prisma.sql`(${PROBLEM_SQL}) = ${filters.type}`);
  return Prisma.join(parts, " AND ");
}

/**
 * The Bounces page: every email problem of one library (bounces, suppressed addresses, failed
 * sends, complaints, notices never heard from) with the patron, the address, the branch, the
 * reason as a code, and what Rappel did about it; newest first, at most BOUNCE_LIST_LIMIT rows;
 * and the count per type under the same filters (all types).
 */
export async function listBounces(
  db: Db,
  options: { libraryId: number; filters?: BounceFilters; now?: Date },
): Promise<{ rows: BounceRow[]; counts: Record<ProblemType, number>; truncated: boolean }> {
  const filters = options.filters ?? {};
  const now = options.now ?? new Date();
  const [found, countRows] = await Promise.all([
    db.$queryRaw<{ id: number }[]>`
      SELECT e."id"
      FROM "DeliveryEvent" e JOIN "Notice" n ON n."id" = e."noticeId"
      WHERE ${whereClause(options.libraryId, filters, now, true)}
      ORDER BY e."occurredAt" DESC, e."id" DESC
      LIMIT ${BOUNCE_LIST_LIMIT + 1}`,
    db.$queryRaw<{ type: ProblemType; count: number }[]>`
      SELECT ${PROBLEM_SQL} AS type, count(*)::int AS count
      FROM "DeliveryEvent" e JOIN "Notice" n ON n."id" = e."noticeId"
      WHERE ${whereClause(options.libraryId, filters, now, false)}
      GROUP BY 1`,
  ]);
  const ids = found.slice(0, BOUNCE_LIST_LIMIT).map((r) => r.id);
  const events = await db.deliveryEvent.findMany({
    where: { id: { in: ids } },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    include: {
      dismissedBy: { select: { name: true } },
      notice: {
        select: {
          id: true,
          recipientEmail: true,
          branch: { select: { name: true } },
          letters: {
            where: { reason: { in: ["email_bounced", "desk"] } },
            orderBy: { id: "asc" },
            select: { status: true, printedAt: true, postedAt: true },
          },
          patron: {
            select: {
              id: true,
              firstName: true,
              lastName: true,
              cardNumber: true,
              email: true,
              emailStatus: true,
            },
          },
        },
      },
    },
  });
  const counts = Object.fromEntries(PROBLEM_TYPES.map((type) => [type, 0])) as Record<ProblemType, number>;
  for (const row of countRows) counts[row.type] = row.count;
  const rows = events.map((e): BounceRow => {
    const outcome = (e.outcome ?? {}) as Partial<EventOutcome>;
    const { patron } = e.notice;
    const letter = e.notice.letters.at(-1) ?? null;
    const reason = reasonCode(e);
    return {
      eventId: e.id,
      occurredAt: e.occurredAt,
      type: problemType(reason),
      reason,
      noticeId: e.notice.id,
      patron: {
        id: patron.id,
        name: `${patron.firstName} ${patron.lastName}`,
        cardNumber: patron.cardNumber,
        email: patron.email,
        emailStatus: patron.emailStatus,
      },
      address: e.notice.recipientEmail,
      branch: e.notice.branch.name,
      did: {
        addressDead: outcome.addressDead ?? false,
        flagged: outcome.flagId !== undefined,
        softBounces: outcome.softBounces ?? null,
        noLetterFallback: outcome.noLetterFallback ?? false,
        oldAddress: outcome.oldAddress ?? false,
        letter,
      },
      dismissed: e.dismissedAt
        ? { at: e.dismissedAt, note: e.dismissNote, by: e.dismissedBy?.name ?? null }
        : null,
    };
  });
  return { rows, counts, truncated: found.length > BOUNCE_LIST_LIMIT };
}

function problemType(reason: ReasonCode): ProblemType {
  switch (reason) {
    case "no_such_address":
    case "address_rejected":
      return "permanent_bounce";
    case "suppressed":
      return "suppressed";
    case "send_failed":
      return "failed";
    case "complaint":
      return "complaint";
    case "no_delivery":
      return "no_delivery";
    default:
      return "transient_bounce";
  }
}
