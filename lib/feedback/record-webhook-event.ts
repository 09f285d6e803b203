import "server-only";
import type { Db } from "@/lib/db-client";

/** The fields of a Resend email event Rappel keeps (verified and parsed by receive-resend-webhook.ts). */
export type WebhookEvent = {
  type: string;
  created_at: string;
  data: {
    email_id: string;
    to?: string[];
    bounce?: { type?: string; subType?: string; message?: string };
    failed?: { reason?: string };
    suppressed?: { type?: string; message?: string };
  };
};

export type RecordResult = "recorded" | "duplicate" | "unknown_email";

/**
 * Stores a verified webhook against its notice (found by Resend's email id) as a pending
 * event, in one statement: a redelivery with the same svix-id is ignored by the unique key,
 * whatever the concurrency. An email Rappel does not know is not stored. The work it causes
 * is done later by processPendingDeliveryEvents.
 */
export async function recordWebhookEvent(
  db: Pick<Db, "$queryRaw">,
  input: { svixId: string; event: WebhookEvent; payload: string },
): Promise<RecordResult> {
  const { event } = input;
  const occurredAt = new Date(event.created_at);
  const at = Number.isNaN(occurredAt.getTime()) ? new Date() : occurredAt;
  const bounce = event.data.bounce;
  const detail = bounce?.message ?? event.data.failed?.reason ?? event.data.suppressed?.message ?? null;
  const bounceType = bounce?.type ?? (event.data.suppressed ? "Permanent" : null);
  const bounceSubType = bounce?.subType ?? (event.data.suppressed ? "Suppressed" : null);
  const rows = await db.$queryRaw<{ inserted: boolean; known: boolean }[]>`
    WITH notice AS (
      SELECT "id" FROM "Notice" WHERE "providerId" = ${event.data.email_id}
    ), inserted AS (
      INSERT INTO "DeliveryEvent"
        ("noticeId", "type", "occurredAt", "externalId", "bounceType", "bounceSubType", "detail", "payload", "state")
      SELECT notice."id", ${event.type}, ${at}, ${input.svixId}, ${bounceType}, ${bounceSubType},
             ${detail ? detail.slice(0, 2000) : null}, ${input.payload}::jsonb, 'pending'
      FROM notice
      ON CONFLICT ("externalId") DO NOTHING
      RETURNING "id"
    )
    SELECT EXISTS (SELECT 1 FROM inserted) AS inserted, EXISTS (SELECT 1 FROM notice) AS known`;
  const row = rows[0];
  if (row?.inserted) return "recorded";
  return row?.known ? "duplicate" : "unknown_email";
}
