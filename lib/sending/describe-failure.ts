import type { AttemptFailure } from "@/lib/delivery/with-retry";

/** What stopped a run, for the librarian: a code under errors.sending (messages/*.json) and the provider's words. */
export type RunStop = {
  code: "api_key" | "quota" | "network" | "provider" | "rejected" | "sender";
  message: string;
};

/** Turns a failed call into what a librarian reads ("Resend refused the API key: check RESEND_API_KEY"). */
export function describeFailure(failure: AttemptFailure): RunStop {
  const words = failure.reason;
  if (["invalid_api_key", "missing_api_key", "restricted_api_key"].includes(failure.code)) {
    return { code: "api_key", message: `Resend refused the API key: check RESEND_API_KEY (${words})` };
  }
  if (failure.code === "daily_quota_exceeded" || failure.code === "monthly_quota_exceeded") {
    return {
      code: "quota",
      message: `Resend's sending quota is used up; the rest waits for the next run (${words})`,
    };
  }
  if (failure.code === "invalid_from_address" || /domain is not verified|from/i.test(words)) {
    return { code: "sender", message: `Resend refused the sender address: check it in Settings (${words})` };
  }
  if (failure.retryable && /^network/.test(words)) {
    return { code: "network", message: `Resend could not be reached: check the network (${words})` };
  }
  if (failure.retryable) return { code: "provider", message: `Resend kept failing: ${words}` };
  return { code: "rejected", message: `Resend refused the emails: ${words}` };
}
