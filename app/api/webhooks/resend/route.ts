import { after, NextResponse } from "next/server";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { processPendingDeliveryEvents } from "@/lib/feedback/process-pending-delivery-events";
import { receiveResendWebhook } from "@/lib/feedback/receive-resend-webhook";

// Resend's signed delivery events. Public (proxy.ts): the Svix signature is the guard.
// Verify and store, answer, and apply the event after the answer has gone.
export async function POST(request: Request) {
  const reply = await receiveResendWebhook(request, { db, secret: env.RESEND_WEBHOOK_SECRET });
  if (reply.log) console.info(`resend webhook: ${reply.log}`);
  if (reply.recorded) {
    after(async () => {
      try {
        await processPendingDeliveryEvents(db, { limit: 50 });
      } catch (error) {
        // The events stay pending; the next webhook or the worker's timer applies them.
        console.error("resend webhook: applying events failed", error);
      }
    });
  }
  return NextResponse.json(reply.body, { status: reply.status });
}
