import { classifyResendError } from "./classify-resend-error";
import type { ResendClient } from "./resend-client";
import { toResendEmail } from "./to-resend-email";
import type { DeliveryFailure, DeliveryResult, OutgoingEmail } from "./types";
import { type AttemptFailure, type RetryOptions, withRetry } from "./with-retry";

export const MAX_BATCH_SIZE = 100;

export type SendEmailBatchOptions = {
  /**
   * Names this list of emails for Resend, for 24 hours. Retrying the same list (same emails,
   * same order) with the same key never sends twice. Lists over 100 go as several calls
   * keyed `${idempotencyKey}:1`, `:2`, ...
   */
  idempotencyKey: string;
  /**
   * permissive (default): an invalid email fails alone and the others go;
   * strict: one invalid email rejects its whole call of up to 100.
   */
  validation?: "permissive" | "strict";
  retry?: RetryOptions;
};

export type BatchResponse = { data: { id: string }[]; errors?: { index: number; message: string }[] };

/**
 * Sends emails through Resend's batch API, at most 100 a call, each call waiting for the rate
 * limiter and retried on 429, 5xx and network failures with the same idempotency key.
 * Returns one result per email, in the order given; it never throws for a failed delivery.
 */
export async function sendEmailBatch(
  client: ResendClient,
  emails: OutgoingEmail[],
  { idempotencyKey, validation = "permissive", retry }: SendEmailBatchOptions,
): Promise<DeliveryResult[]> {
  const chunks: OutgoingEmail[][] = [];
  for (let i = 0; i < emails.length; i += MAX_BATCH_SIZE) chunks.push(emails.slice(i, i + MAX_BATCH_SIZE));
  const results: DeliveryResult[] = [];
  for (const [index, chunk] of chunks.entries()) {
    const key = chunks.length === 1 ? idempotencyKey : `${idempotencyKey}:${index + 1}`;
    const payload = chunk.map((email) => toResendEmail(email, client.from));
    const outcome = await withRetry<BatchResponse>(async () => {
      const { data, error, headers } = await client.sdk.batch.send(payload, {
        idempotencyKey: key,
        batchValidation: validation,
      });
      if (error) {
        const failure = classifyResendError(error, headers);
        // this call waits retry-after (withRetry); repeated refusals hold everyone back
        if (failure.code === "rate_limit_exceeded" && failure.retryAfterMs) {
          client.limiter.refused(failure.retryAfterMs);
        }
        return failure;
      }
      return { ok: true, value: data as BatchResponse };
    }, retry);
    results.push(
      ...(outcome.ok ? matchResults(chunk.length, outcome.value) : chunk.map(() => asResult(outcome))),
    );
  }
  return results;
}

/** In permissive mode `data` lists the accepted emails only, in order, skipping the `errors`. */
export function matchResults(count: number, response: BatchResponse): DeliveryResult[] {
  const errors = new Map((response.errors ?? []).map((e) => [e.index, e.message]));
  const ids = response.data.map((d) => d.id);
  const positional = ids.length === count;
  let next = 0;
  return Array.from({ length: count }, (_, index): DeliveryResult => {
    const message = errors.get(index);
    if (message !== undefined && !positional) {
      return { ok: false, retryable: false, reason: message, code: "validation_error" };
    }
    const id = ids[positional ? index : next++];
    if (!id)
      return { ok: false, retryable: false, reason: "Resend returned no id for this email", code: "no_id" };
    return { ok: true, providerId: id };
  });
}

function asResult({ retryable, reason, code }: AttemptFailure): DeliveryFailure {
  return { ok: false, retryable, reason, code };
}
