import "server-only";
import type { Db } from "@/lib/db-client";
import { verifyResendWebhook } from "@/lib/delivery/verify-resend-webhook";
import { type RecordResult, recordWebhookEvent, type WebhookEvent } from "./record-webhook-event";

/** Larger bodies are refused unread: Resend's email events are a few kilobytes. */
export const MAX_WEBHOOK_BYTES = 256 * 1024;

export type WebhookReply = {
  status: number;
  body: { ok: true } | { error: string };
  /** set when an event was stored and waits for processPendingDeliveryEvents */
  recorded: boolean;
  /** for the server log only, never for the caller */
  log?: string;
};

const refuse = (status: number, error: string, log?: string): WebhookReply => ({
  status,
  body: { error },
  recorded: false,
  log,
});

/**
 * POST /api/webhooks/resend, without Next: content type, size, signature (Svix, on the raw
 * body, 5 minutes' tolerance), JSON, then one insert. The answer is the same whether or not the
 * email is known, so the endpoint never tells a caller which notices exist; only the log does.
 */
export async function receiveResendWebhook(
  request: Request,
  deps: { db: Pick<Db, "$queryRaw">; secret: string | undefined },
): Promise<WebhookReply> {
  if (!deps.secret) return refuse(503, "Webhooks are not configured.", "RESEND_WEBHOOK_SECRET is not set");
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) return refuse(415, "Send application/json.");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_WEBHOOK_BYTES) return refuse(413, "The body is too large.");
  const raw = await readCapped(request, MAX_WEBHOOK_BYTES);
  if (raw === null) return refuse(413, "The body is too large.");

  const verified = verifyResendWebhook(raw, request.headers, deps.secret);
  if (!verified.ok) {
    if (verified.malformed) return refuse(400, "The body is not valid JSON.");
    return refuse(401, "Invalid signature.", verified.reason);
  }
  const event = verified.event as unknown as WebhookEvent;
  if (!event || typeof event !== "object" || typeof event.type !== "string")
    return refuse(400, "Not an event.");
  if (!event.type.startsWith("email.")) return { status: 200, body: { ok: true }, recorded: false };
  if (typeof event.data?.email_id !== "string" || typeof event.created_at !== "string")
    return refuse(400, "The event has no email id.");

  const result: RecordResult = await recordWebhookEvent(deps.db, {
    svixId: verified.svixId,
    event,
    payload: raw,
  });
  return {
    status: 200,
    body: { ok: true },
    recorded: result === "recorded",
    ...(result === "unknown_email"
      ? { log: `webhook ${verified.svixId}: ${event.type} for an unknown email ${event.data.email_id}` }
      : {}),
  };
}

/** The body as text, or null once it passes `max` bytes (a lying content-length included). */
async function readCapped(request: Request, max: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
