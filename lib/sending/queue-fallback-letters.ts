import "server-only";
import type { Db, DbTx } from "@/lib/db-client";

/**
 * Queues the print-room letter for email notices that cannot go out (the provider rejected
 * the address, or there is none), where the stage (or its branch override) has a letter
 * fallback. Returns the number of letters queued; a notice never gets two.
 */
export async function queueFallbackLetters(tx: DbTx | Db, noticeIds: number[]): Promise<number> {
  if (noticeIds.length === 0) return 0;
  return tx.$executeRaw`
    INSERT INTO "Letter" ("noticeId", reason, registered)
    SELECT n.id, 'no_email'::"LetterReason", f.fallback = 'registered_letter'
    FROM "Notice" n
    JOIN "NoticeStage" s ON s.id = n."stageId"
    LEFT JOIN "BranchStageSetting" b ON b."stageId" = n."stageId" AND b."branchId" = n."branchId"
    CROSS JOIN LATERAL (SELECT coalesce(b.fallback, s.fallback) AS fallback) f
    WHERE n.id = ANY(${noticeIds}::int[]) AND f.fallback IN ('letter', 'registered_letter')
    ON CONFLICT ("noticeId", reason) DO NOTHING`;
}
