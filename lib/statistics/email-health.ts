import "server-only";
import type { Db } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";

/** The thresholds providers act on (Resend's advice: bounces under 4 %, complaints under 0.08 %). */
export const BOUNCE_RATE_LIMIT = 0.04;
export const COMPLAINT_RATE_LIMIT = 0.0008;
export const EMAIL_HEALTH_DAYS = 30;

/**
 * A delivery event (aliased `e`) that counts as a bounce in the rates: a permanent bounce or a
 * suppressed address, once the feedback step applied it. The Statistics page counts the same.
 */
export const COUNTS_AS_BOUNCE = Prisma.sql`(e."state" = 'applied'
  AND (e."type" = 'email.bounced' AND lower(coalesce(e."bounceType", '')) = 'permanent' OR e."type" = 'email.suppressed'))`;

export type EmailHealth = {
  /** emails sent in the window */
  sent: number;
  /** of those, permanently bounced (the provider's own measure) */
  bounced: number;
  complained: number;
  bounceRate: number;
  complaintRate: number;
  bounceWarning: boolean;
  complaintWarning: boolean;
};

/**
 * Bounce and complaint rates of one library's email over the last 30 days: the share of the
 * emails sent in the window that bounced permanently, or that a patron marked as spam. One query.
 */
export async function getEmailHealth(
  db: Pick<Db, "$queryRaw">,
  options: { libraryId: number; now?: Date },
): Promise<EmailHealth> {
  const since = new Date((options.now ?? new Date()).getTime() - EMAIL_HEALTH_DAYS * 86_400_000);
  const [row] = await db.$queryRaw<{ sent: number; bounced: number; complained: number }[]>`
    SELECT count(*)::int AS sent,
           count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM "DeliveryEvent" e
             WHERE e."noticeId" = n."id" AND ${COUNTS_AS_BOUNCE}))::int AS bounced,
           count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM "DeliveryEvent" e
             WHERE e."noticeId" = n."id" AND e."type" = 'email.complained'))::int AS complained
    FROM "Notice" n
    WHERE n."libraryId" = ${options.libraryId} AND n."channel" = 'email' AND n."sentAt" >= ${since}`;
  const sent = row?.sent ?? 0;
  const bounced = row?.bounced ?? 0;
  const complained = row?.complained ?? 0;
  const bounceRate = sent === 0 ? 0 : bounced / sent;
  const complaintRate = sent === 0 ? 0 : complained / sent;
  return {
    sent,
    bounced,
    complained,
    bounceRate,
    complaintRate,
    bounceWarning: bounceRate >= BOUNCE_RATE_LIMIT,
    complaintWarning: complaintRate >= COMPLAINT_RATE_LIMIT,
  };
}
