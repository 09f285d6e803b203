import "server-only";
import type { Db } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PatronSlice } from "./plan-notices";

/**
 * Cancels planned (not yet sent) notices none of whose loans still needs it: every loan was
 * returned, or renewed to a new due date, after the notice was planned. Their queued letters
 * are cancelled too. Returns the number of notices cancelled. A notice that still has one
 * open loan of its cycle stays; the sender lists only those loans. With `patrons`, only the
 * notices of that slice of patrons (a send run plans slice by slice, and each slice's planning
 * looks at its own patrons' notices only: the slices together look at every notice once, not
 * the library's whole queue once per slice).
 */
export async function dropStaleNotices(
  db: Db | Prisma.TransactionClient,
  { libraryId, patrons }: { libraryId: number; patrons?: PatronSlice },
) {
  const slice = patrons
    ? Prisma.sql`AND n."patronId" >= ${patrons.fromId} AND n."patronId" < ${patrons.toId}`
    : Prisma.empty;
  const cancelled = await db.$queryRaw<{ id: number }[]>`
    UPDATE "Notice" n SET status = 'cancelled'
    WHERE n."libraryId" = ${libraryId} AND n.status = 'planned' ${slice}
      AND NOT EXISTS (
        SELECT 1 FROM "NoticeLoan" nl JOIN "Loan" l ON l.id = nl."loanId"
        WHERE nl."noticeId" = n.id AND l."returnedAt" IS NULL AND l."dueDate" = nl."dueDate")
    RETURNING n.id`;
  if (cancelled.length > 0) {
    await db.$executeRaw`
      UPDATE "Letter" SET status = 'cancelled'
      WHERE "noticeId" = ANY(${cancelled.map((n) => n.id)}::int[]) AND status = 'queued' AND "batchId" IS NULL`;
  }
  return cancelled.length;
}
