import "server-only";
import { env } from "@/lib/env";
import { SendingError } from "./sending-error";

type LibrarySender = { emailFrom: string | null; emailReplyTo: string | null };

/** The sender and reply-to of a library's notices: its settings, else EMAIL_FROM. */
export function senderOf(library: LibrarySender): { from: string; replyTo: string | null } {
  return { from: library.emailFrom?.trim() || env.EMAIL_FROM, replyTo: library.emailReplyTo?.trim() || null };
}

/** True when email goes to Resend itself (a key and no RESEND_BASE_URL pointing at a fake). */
export function sendsForReal(): boolean {
  return Boolean(env.RESEND_API_KEY) && !env.RESEND_BASE_URL;
}

/**
 * Checked when a run starts, so a librarian hears at once what is missing instead of after
 * the first batch: a key, and with real Resend a sender address of the library's own.
 */
export function checkSendingConfigured(library: LibrarySender): void {
  if (!env.RESEND_API_KEY) {
    throw new SendingError("RESEND_API_KEY is not set: Rappel cannot send email.", "no_api_key");
  }
  if (sendsForReal() && !library.emailFrom?.trim()) {
    throw new SendingError(
      "Set the sender address under Settings before sending through Resend.",
      "no_sender",
    );
  }
}
