import "server-only";
import { getTranslations } from "next-intl/server";
import { type ReasonCode, reasonCode } from "@/lib/feedback/email-problem";

type EventFields = { type: string; bounceType: string | null; bounceSubType: string | null };

const EVENT_KEYS = [
  "email.sent",
  "email.delivered",
  "email.delivery_delayed",
  "email.complained",
  "email.failed",
  "email.suppressed",
  "email.opened",
  "email.clicked",
  "rappel.no_delivery",
  "letter.printed",
  "letter.posted",
  "letter.returned",
] as const;
type EventKey = (typeof EVENT_KEYS)[number];

/** Message keys cannot hold dots (next-intl nests on them): "email.sent" -> "email_sent". */
type MessageKey<T extends string> = T extends `${infer A}.${infer B}`
  ? MessageKey<`${A}_${B}`>
  : T extends `${infer A}-${infer B}`
    ? MessageKey<`${A}_${B}`>
    : T;
const messageKey = (code: string) => code.replace(/[.-]/g, "_");

/**
 * The words the patron page uses for delivery events, never the codes: "E-mail afgeleverd",
 * "Onbestelbaar: mailbox vol (tijdelijk)". Changes (audit entries) are worded by the audit
 * log's own vocabulary (components/audit-words.ts).
 */
export async function feedbackWords() {
  const t = await getTranslations("bounces");
  return {
    event(event: EventFields): string {
      if (event.type === "email.bounced") {
        const reason = t(`reasons.${reasonCode(event)}`);
        const permanent = (event.bounceType ?? "").toLowerCase() === "permanent";
        return permanent ? t("events.bounced", { reason }) : t("events.bouncedTemporary", { reason });
      }
      return (EVENT_KEYS as readonly string[]).includes(event.type)
        ? t(`events.${messageKey(event.type) as MessageKey<EventKey>}`)
        : t("events.other");
    },
    /** the bounce line of a notice: "mailbox vol (tijdelijk)" */
    bounceReason(event: EventFields): string {
      const reason = t(`reasons.${reasonCode(event)}`);
      const permanent = (event.bounceType ?? "").toLowerCase() === "permanent";
      return permanent || event.type !== "email.bounced"
        ? reason
        : `${reason} (${t("types.transient_bounce")})`;
    },
    /** a flag's reason: "mailbox vol (els@example.be)" */
    flagDetail(code: ReasonCode, address: string | null): string {
      const reason = t(`reasons.${code}`);
      return address ? t("flagDetail", { reason, address }) : reason;
    },
  };
}
