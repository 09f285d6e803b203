import { startFakeResend } from "@/lib/fake-resend/fake-resend";
import { createRateLimiter } from "./rate-limiter";
import { buildResendClient } from "./resend-client";
import { sendEmailBatch } from "./send-email-batch";
import type { OutgoingEmail } from "./types";

export type DeliveryBench = {
  emails: number;
  batchEmailsPerSecond: number;
  singleEmailsPerSecond: number;
  /** how many times faster batches of 100 are than one call per email */
  ratio: number;
};

/**
 * Emails per second through the local fake, in batches of 100 and one per call, with the fake
 * answering after `latencyMs` (the API's round trip). No rate limit: it measures the transport;
 * under Resend's limit of N calls a second the ratio is simply 100.
 */
export async function benchDelivery({ emails = 300, latencyMs = 20 } = {}): Promise<DeliveryBench> {
  const fake = await startFakeResend({ latencyMs });
  try {
    const client = buildResendClient({
      apiKey: "re_bench",
      baseUrl: fake.url,
      from: "Bench <bench@rappel.example>",
      limiter: createRateLimiter({ perSecond: 1_000_000, burst: 1_000_000 }),
    });
    const list: OutgoingEmail[] = Array.from({ length: emails }, (_, i) => ({
      to: `patron${i}@example.org`,
      subject: `Notice ${i}`,
      html: `<p>Notice ${i}</p>`,
      text: `Notice ${i}`,
    }));
    const batchStart = performance.now();
    await sendEmailBatch(client, list, { idempotencyKey: `bench-batch-${Date.now()}` });
    const batchSeconds = (performance.now() - batchStart) / 1000;
    const singleStart = performance.now();
    for (const [i, email] of list.entries()) {
      await sendEmailBatch(client, [email], { idempotencyKey: `bench-single-${Date.now()}-${i}` });
    }
    const singleSeconds = (performance.now() - singleStart) / 1000;
    const batchEmailsPerSecond = emails / batchSeconds;
    const singleEmailsPerSecond = emails / singleSeconds;
    return {
      emails,
      batchEmailsPerSecond: Math.round(batchEmailsPerSecond),
      singleEmailsPerSecond: Math.round(singleEmailsPerSecond),
      ratio: Math.round((batchEmailsPerSecond / singleEmailsPerSecond) * 10) / 10,
    };
  } finally {
    await fake.stop();
  }
}
