import "server-only";
import type { Db, DbTx } from "@/lib/db-client";
import { inTransaction } from "@/lib/db-client";
import type { BouncePolicy } from "./bounce-policy";
import { NO_DELIVERY_EVENT } from "./email-problem";

/**
 * An overdue notice sent by email that heard nothing back (no delivery, bounce or any other
 * event after "sent") within the policy's hours becomes a letter in the print queue (reason
 * email_bounced, status queued), with a "no delivery" event recorded against the notice so
 * the Bounces page and the patron's timeline say why. The address is not flagged: silence
 * does not prove it dead. Stages without a letter fallback are left alone. Set-based, in one
 * statement; the daily run calls it per library. Returns the letters queued.
 */
export async function fallBackSilentNotices(
  db: Db | DbTx,
  options: { libraryId: number; policy: Pick<BouncePolicy, "silentFallbackHours">; now?: Date },
): Promise<{ letters: number }> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - options.policy.silentFallbackHours * 3_600_000);
  return inTransaction(db, async (tx) => {
    const [row] = await tx.$queryRaw<{ letters: number }[]>`
      WITH silent AS (
        SELECT n."id", coalesce(b."fallback", s."fallback")::text AS fallback
        FROM "Notice" n
        JOIN "NoticeStage" s ON s."id" = n."stageId"
        LEFT JOIN "BranchStageSetting" b ON b."stageId" = n."stageId" AND b."branchId" = n."branchId"
        WHERE n."libraryId" = ${options.libraryId}
          AND n."channel" = 'email'
          AND n."status" IN ('sent', 'delayed')
          AND n."sentAt" < ${cutoff}
          AND n."deliveredAt" IS NULL AND n."bouncedAt" IS NULL
          AND s."kind" = 'overdue'
          AND coalesce(b."fallback", s."fallback") <> 'none'
          AND NOT EXISTS (SELECT 1 FROM "Letter" l
                          WHERE l."noticeId" = n."id" AND l."reason" IN ('email_bounced', 'desk'))
          AND NOT EXISTS (SELECT 1 FROM "DeliveryEvent" e
                          WHERE e."noticeId" = n."id" AND e."type" <> 'email.sent')
        FOR UPDATE OF n SKIP LOCKED
      ), letters AS (
        INSERT INTO "Letter" ("noticeId", "reason", "status", "registered")
        SELECT "id", 'email_bounced'::"LetterReason", 'queued'::"LetterStatus", fallback = 'registered_letter'
        FROM silent
        ON CONFLICT ("noticeId", "reason") DO NOTHING
        RETURNING "id", "noticeId"
      ), events AS (
        INSERT INTO "DeliveryEvent" ("noticeId", "type", "occurredAt", "state", "outcome")
        SELECT l."noticeId", ${NO_DELIVERY_EVENT}, ${now}, 'applied'::"DeliveryEventState",
               jsonb_build_object('meaning', 'no_delivery', 'letterId', l."id")
        FROM letters l
        RETURNING "id"
      )
      SELECT count(*)::int AS letters FROM events`;
    return { letters: row?.letters ?? 0 };
  });
}
