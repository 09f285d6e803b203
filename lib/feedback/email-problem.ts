/**
 * What a delivery event means for the patron's address, as a code staff UIs translate
 * (messages "bounces.problems.<code>"), never the provider's raw words. Pure: the webhook's
 * type and its bounce fields in, one code out.
 */
export type EventMeaning =
  | "sent"
  | "delivered"
  | "delayed"
  | "permanent_bounce"
  | "transient_bounce"
  | "suppressed"
  | "failed"
  | "complaint"
  | "no_delivery"
  | "other";

/** Meanings that make an address dead (lib/feedback/bounce-policy.ts). */
export const DEAD_MEANINGS: ReadonlySet<EventMeaning> = new Set([
  "permanent_bounce",
  "suppressed",
  "failed",
  "complaint",
]);

/** The problems the Bounces page lists, in the order of its counts and filter. */
export const PROBLEM_TYPES = [
  "permanent_bounce",
  "transient_bounce",
  "suppressed",
  "failed",
  "complaint",
  "no_delivery",
] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number];

/** The event types stored for each problem type (for queries). */
export const PROBLEM_EVENT_TYPES = [
  "email.bounced",
  "email.suppressed",
  "email.failed",
  "email.complained",
  "rappel.no_delivery",
] as const;

/** Rappel's own event when an overdue notice heard nothing back in time (fall-back-silent-notices.ts). */
export const NO_DELIVERY_EVENT = "rappel.no_delivery";

type EventFields = { type: string; bounceType?: string | null; bounceSubType?: string | null };

const SUPPRESSED_SUBTYPES = new Set(["suppressed", "onaccountsuppressionlist"]);

export function eventMeaning(event: EventFields): EventMeaning {
  switch (event.type) {
    case "email.sent":
      return "sent";
    case "email.delivered":
      return "delivered";
    case "email.delivery_delayed":
      return "delayed";
    case "email.complained":
      return "complaint";
    case "email.failed":
      return "failed";
    case "email.suppressed":
      return "suppressed";
    case NO_DELIVERY_EVENT:
      return "no_delivery";
    case "email.bounced": {
      const type = (event.bounceType ?? "").toLowerCase();
      const subType = (event.bounceSubType ?? "").toLowerCase();
      if (type === "permanent") return SUPPRESSED_SUBTYPES.has(subType) ? "suppressed" : "permanent_bounce";
      // Transient and Undetermined: the address may work tomorrow; counted towards the limit.
      return "transient_bounce";
    }
    default:
      return "other";
  }
}

/**
 * The provider's reason in plain words, as a code: "mailbox_full", "no_such_address", ...
 * Messages "bounces.reasons.<code>" say it in the staff member's language.
 */
export type ReasonCode =
  | "no_such_address"
  | "address_rejected"
  | "suppressed"
  | "mailbox_full"
  | "message_too_large"
  | "content_rejected"
  | "temporary"
  | "undetermined"
  | "send_failed"
  | "complaint"
  | "no_delivery"
  | "delayed"
  | "delivered"
  | "sent"
  | "other";

export function reasonCode(event: EventFields): ReasonCode {
  const meaning = eventMeaning(event);
  const subType = (event.bounceSubType ?? "").toLowerCase();
  switch (meaning) {
    case "permanent_bounce":
      return subType === "noemail" || subType === "general" ? "no_such_address" : "address_rejected";
    case "transient_bounce":
      if ((event.bounceType ?? "").toLowerCase() === "undetermined") return "undetermined";
      if (subType === "mailboxfull") return "mailbox_full";
      if (subType === "messagetoolarge") return "message_too_large";
      if (subType === "contentrejected" || subType === "attachmentrejected") return "content_rejected";
      return "temporary";
    case "suppressed":
      return "suppressed";
    case "failed":
      return "send_failed";
    case "complaint":
      return "complaint";
    case "no_delivery":
      return "no_delivery";
    case "delayed":
      return "delayed";
    case "delivered":
      return "delivered";
    case "sent":
      return "sent";
    default:
      return "other";
  }
}
