export type DeliveryOutcome = "delivered" | "bounced" | "complained";

const RESEND_TEST_ADDRESS = /^(delivered|bounced|complained)(\+[^@]*)?@resend\.dev$/;
/** demo data can bounce or complain without using Resend's addresses */
const BOUNCE_DOMAIN = /@([^@]+\.)?bounce\.test$/;
const COMPLAINT_DOMAIN = /@([^@]+\.)?complaint\.test$/;

/**
 * What happens to a mail sent to `address`, the way Resend's test addresses behave:
 * bounced@resend.dev bounces permanently, complained@resend.dev is delivered and marked as spam,
 * anything else is delivered. `+label` variants behave like the plain address.
 */
export function outcomeFor(address: string): DeliveryOutcome {
  const bare = (address.match(/<([^>]+)>/)?.[1] ?? address).trim().toLowerCase();
  const test = bare.match(RESEND_TEST_ADDRESS);
  if (test) return test[1] as DeliveryOutcome;
  if (BOUNCE_DOMAIN.test(bare)) return "bounced";
  if (COMPLAINT_DOMAIN.test(bare)) return "complained";
  return "delivered";
}

/** One bounce among several recipients bounces the email, as one complaint marks it. */
export function outcomeForRecipients(addresses: string[]): DeliveryOutcome {
  const outcomes = addresses.map(outcomeFor);
  if (outcomes.includes("bounced")) return "bounced";
  if (outcomes.includes("complained")) return "complained";
  return "delivered";
}
