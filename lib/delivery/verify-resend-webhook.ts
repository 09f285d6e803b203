import type { WebhookEventPayload } from "resend";
import { Webhook } from "svix";

export type VerifiedWebhook =
  | { ok: true; svixId: string; event: WebhookEventPayload }
  | { ok: false; reason: string /** signed correctly, but the body is not JSON */; malformed?: boolean };

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string {
  if (headers instanceof Headers) return headers.get(name) ?? "";
  const value = headers[name] ?? headers[name.toLowerCase()];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/**
 * Checks a Resend webhook's Svix signature over the raw body (read it with `await req.text()`,
 * never re-serialised JSON) and rejects timestamps more than 5 minutes off, so a captured
 * request cannot be replayed later. Dedupe on `svixId`: delivery is at least once.
 */
export function verifyResendWebhook(rawBody: string, headers: HeaderSource, secret: string): VerifiedWebhook {
  const svixHeaders = {
    "svix-id": header(headers, "svix-id"),
    "svix-timestamp": header(headers, "svix-timestamp"),
    "svix-signature": header(headers, "svix-signature"),
  };
  if (!svixHeaders["svix-id"] || !svixHeaders["svix-timestamp"] || !svixHeaders["svix-signature"]) {
    return { ok: false, reason: "missing svix-id, svix-timestamp or svix-signature header" };
  }
  try {
    const event = new Webhook(secret).verify(rawBody, svixHeaders) as WebhookEventPayload;
    return { ok: true, svixId: svixHeaders["svix-id"], event };
  } catch (error) {
    // svix checks the signature first and parses the body after: a SyntaxError means it was signed.
    if (error instanceof SyntaxError) return { ok: false, reason: error.message, malformed: true };
    return { ok: false, reason: error instanceof Error ? error.message : "invalid signature" };
  }
}
