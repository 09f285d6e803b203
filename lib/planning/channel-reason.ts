import type { LocalDate } from "@/lib/dates";
import type { Channel } from "@/lib/generated/prisma/enums";
import type { SettingLevel } from "@/lib/settings/stage-settings";

/** Why email cannot reach a patron. */
export type EmailProblem = "no_email" | "invalid" | "bounced" | "complained";

/**
 * Why a notice has its channel, or why there is none: a code and its params, so that the
 * staff UI can say it in its own language. `channel: null` = no notice at this stage.
 */
export type ChannelReason =
  | { code: "stage_channel"; params: { channel: Channel; level: SettingLevel; branchName?: string } }
  | { code: "registered_stage"; params: { level: SettingLevel; branchName?: string } }
  | { code: "patron_stage_channel"; params: { channel: Channel } }
  | { code: "patron_prefers_email"; params: Record<string, never> }
  | { code: "patron_prefers_letter"; params: { channel: Channel | null } }
  | {
      code: "email_impossible";
      params: { problem: EmailProblem; since: LocalDate | null; channel: Channel | null };
    }
  | { code: "paused"; params: { until: LocalDate } }
  | { code: "not_opted_in"; params: Record<string, never> }
  | { code: "pre_due_email_only"; params: { channel: Channel } };

export type ChannelReasonCode = ChannelReason["code"];
export type ReasonLocale = "nl" | "en";

const CHANNEL_WORDS: Record<ReasonLocale, Record<Channel | "none", string>> = {
  en: { email: "email", letter: "letter", registered_letter: "registered letter", none: "no notice" },
  nl: { email: "e-mail", letter: "brief", registered_letter: "aangetekende brief", none: "geen bericht" },
};

const PROBLEM_WORDS: Record<ReasonLocale, Record<EmailProblem, string>> = {
  en: {
    no_email: "no email address",
    invalid: "address invalid",
    bounced: "address bounced",
    complained: "patron marked a notice as spam",
  },
  nl: {
    no_email: "geen e-mailadres",
    invalid: "adres ongeldig",
    bounced: "adres gebounced",
    complained: "lener markeerde een bericht als spam",
  },
};

/** The reason as one sentence staff understand, e.g. "email impossible: address bounced on 2026-10-02 -> letter". */
export function formatChannelReason(reason: ChannelReason, locale: ReasonLocale = "en"): string {
  const channel = (value: Channel | null) => CHANNEL_WORDS[locale][value ?? "none"];
  const nl = locale === "nl";
  const where = (params: { level: SettingLevel; branchName?: string }) =>
    params.level === "branch" && params.branchName
      ? nl
        ? ` (ingesteld voor filiaal ${params.branchName})`
        : ` (set on branch ${params.branchName})`
      : "";
  switch (reason.code) {
    case "stage_channel":
      return nl
        ? `kanaal van de fase: ${channel(reason.params.channel)}${where(reason.params)}`
        : `stage channel: ${channel(reason.params.channel)}${where(reason.params)}`;
    case "registered_stage":
      return nl
        ? `deze fase is altijd een aangetekende brief${where(reason.params)}`
        : `this stage is always a registered letter${where(reason.params)}`;
    case "patron_stage_channel":
      return nl
        ? `lener koos voor deze fase: ${channel(reason.params.channel)}`
        : `patron chose for this stage: ${channel(reason.params.channel)}`;
    case "patron_prefers_email":
      return nl ? "lener koos e-mail" : "patron chose email";
    case "patron_prefers_letter":
      return nl
        ? `lener koos brieven -> ${channel(reason.params.channel)}`
        : `patron chose letters -> ${channel(reason.params.channel)}`;
    case "email_impossible": {
      const { problem, since } = reason.params;
      const on = since ? (nl ? ` op ${since}` : ` on ${since}`) : "";
      return nl
        ? `e-mail onmogelijk: ${PROBLEM_WORDS.nl[problem]}${on} -> ${channel(reason.params.channel)}`
        : `email impossible: ${PROBLEM_WORDS.en[problem]}${on} -> ${channel(reason.params.channel)}`;
    }
    case "paused":
      return nl
        ? `berichten gepauzeerd tot en met ${reason.params.until}`
        : `notices paused up to and including ${reason.params.until}`;
    case "not_opted_in":
      return nl
        ? "lener koos niet voor herinneringen vóór de vervaldatum"
        : "patron did not opt in to reminders before the due date";
    case "pre_due_email_only":
      return nl
        ? `herinneringen vóór de vervaldatum gaan enkel per e-mail, niet per ${channel(reason.params.channel)}`
        : `reminders before the due date go by email only, not by ${channel(reason.params.channel)}`;
  }
}
