import type { ErrorResponse } from "resend";
import type { AttemptFailure } from "./with-retry";

const NEVER_RETRY = new Set(["daily_quota_exceeded", "monthly_quota_exceeded"]);
const RETRY = new Set(["rate_limit_exceeded", "concurrent_idempotent_requests", "internal_server_error"]);

/**
 * Turns the SDK's `error` (it never throws) into a failed attempt: 429 rate limits, 5xx and
 * network failures (statusCode null) are worth retrying; quotas and 4xx validation errors are not.
 */
export function classifyResendError(
  error: ErrorResponse,
  headers: Record<string, string> | null,
): AttemptFailure {
  const status = error.statusCode;
  const retryable =
    !NEVER_RETRY.has(error.name) &&
    (RETRY.has(error.name) || status === null || status >= 500 || status === 429);
  const reason = status === null ? `network: ${error.message}` : `${status} ${error.name}: ${error.message}`;
  return {
    ok: false,
    retryable,
    reason,
    code: error.name,
    retryAfterMs: retryable ? retryAfterMs(headers) : undefined,
  };
}

/** retry-after in seconds (or an HTTP date), as Resend sends it with a 429 */
function retryAfterMs(headers: Record<string, string> | null): number | undefined {
  const value = headers?.["retry-after"];
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
