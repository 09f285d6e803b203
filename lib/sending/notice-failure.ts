// Why an email notice failed, as stored on the Notice and as staff read it. Client-safe.
import type { ErrorCode, Problem } from "@/lib/errors/domain-error";

/**
 * What Rappel itself stores in Notice.failureCode when it fails an email before sending
 * (the fix-batch step): no address to send to, or stored content it could not render again.
 * A provider's rejection is stored in failureReason instead, in the provider's own words.
 */
export const NOTICE_FAILURE_CODES = ["no_email", "unrenderable"] as const;
export type NoticeFailureCode = (typeof NOTICE_FAILURE_CODES)[number];

const CODES: Record<NoticeFailureCode, ErrorCode> = {
  no_email: "noticeFailure.no_email",
  unrenderable: "noticeFailure.unrenderable",
};

/**
 * A failed notice's reason as staff see it: Rappel's own code (worded from messages "errors"),
 * the provider's words (shown as the provider's), or nothing stored. A code from a newer
 * version is shown as an unknown failure, not as text.
 */
export type NoticeFailure =
  | { kind: "problem"; problem: Problem }
  | { kind: "provider"; words: string }
  | { kind: "none" };

export function noticeFailure(notice: {
  failureCode: string | null;
  failureReason: string | null;
}): NoticeFailure {
  if (notice.failureCode) {
    const code = CODES[notice.failureCode as NoticeFailureCode] ?? "noticeFailure.unknown";
    return { kind: "problem", problem: { code } };
  }
  if (notice.failureReason) return { kind: "provider", words: notice.failureReason };
  return { kind: "none" };
}
