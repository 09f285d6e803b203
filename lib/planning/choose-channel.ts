import type { LocalDate } from "@/lib/dates";
import type {
  Audience,
  Channel,
  ChannelPreference,
  EmailStatus,
  Fallback,
  LetterReason,
  StageKind,
} from "@/lib/generated/prisma/enums";
import type { SettingLevel } from "@/lib/settings/stage-settings";
import type { ChannelReason, EmailProblem } from "./channel-reason";

export type ChannelStage = {
  kind: StageKind;
  channel: Channel;
  fallback: Fallback;
  audience: Audience;
  channelLevel: SettingLevel;
  branchName?: string;
};

export type ChannelPatron = {
  email: string | null;
  emailStatus: EmailStatus;
  /** the library-local day the email status last changed */
  emailStatusDate: LocalDate | null;
  channelPreference: ChannelPreference | null;
  preDueOptIn: boolean;
  noticesPausedUntil: LocalDate | null;
};

export type ChannelChoice = {
  /** null = no notice at this stage for this patron */
  channel: Channel | null;
  reason: ChannelReason;
  /** why a letter is printed, for the Letter row */
  letterReason: LetterReason | null;
};

const DEAD_STATUSES: ReadonlySet<EmailStatus> = new Set(["invalid", "bounced", "complained"]);

/** Why email cannot reach the patron, or null when it can (soft bounces still count as working). */
export function emailProblem(patron: Pick<ChannelPatron, "email" | "emailStatus">): EmailProblem | null {
  if (patron.email == null || patron.email.replace(/^ +| +$/g, "") === "") return "no_email";
  if (DEAD_STATUSES.has(patron.emailStatus)) return patron.emailStatus as EmailProblem;
  return null;
}

export function needsOptIn(stage: Pick<ChannelStage, "kind" | "audience">): boolean {
  return stage.kind === "pre_due" || stage.audience === "opted_in";
}

/**
 * The channel of one patron's notice at one stage, and why. The order of the rules:
 * a pause stops everything; opt-in stages need the opt-in; a registered-letter stage is
 * always a registered letter; then the patron's choice for this stage, the patron's
 * general preference (letters -> the stage's fallback), the stage's channel; email that
 * cannot arrive goes to the fallback (a letter stage's own letter), and fallback none
 * means no notice. Reminders before the due date only ever go by email.
 *
 * The planner's SQL uses this very function through a decision table (plan-notices.ts),
 * so the rules live here only.
 */
export function chooseChannel(input: {
  stage: ChannelStage;
  patron: ChannelPatron;
  /** the patron's channel for this stage (PatronStageSetting), null = inherited */
  patronStageChannel: Channel | null;
  date: LocalDate;
}): ChannelChoice {
  const { stage, patron, patronStageChannel, date } = input;
  if (patron.noticesPausedUntil != null && patron.noticesPausedUntil >= date) {
    return none({ code: "paused", params: { until: patron.noticesPausedUntil } });
  }
  if (needsOptIn(stage) && !patron.preDueOptIn) return none({ code: "not_opted_in", params: {} });
  const where = {
    level: stage.channelLevel,
    ...(stage.channelLevel === "branch" && stage.branchName ? { branchName: stage.branchName } : {}),
  };
  if (stage.channel === "registered_letter") {
    return {
      channel: "registered_letter",
      reason: { code: "registered_stage", params: where },
      letterReason: "stage_channel",
    };
  }

  const choice = pick();
  if (stage.kind === "pre_due" && choice.channel != null && choice.channel !== "email") {
    return none({ code: "pre_due_email_only", params: { channel: choice.channel } });
  }
  return choice;

  function pick(): ChannelChoice {
    const fallback = stage.fallback === "none" ? null : stage.fallback;
    if (patronStageChannel == null && patron.channelPreference === "letter" && stage.channel === "email") {
      return {
        channel: fallback,
        reason: { code: "patron_prefers_letter", params: { channel: fallback } },
        letterReason: fallback ? "no_email" : null,
      };
    }
    const wanted: Channel =
      patronStageChannel ?? (patron.channelPreference === "email" ? "email" : stage.channel);
    const chosenBy: ChannelReason =
      patronStageChannel != null
        ? { code: "patron_stage_channel", params: { channel: patronStageChannel } }
        : patron.channelPreference === "email" && stage.channel !== "email"
          ? { code: "patron_prefers_email", params: {} }
          : { code: "stage_channel", params: { channel: stage.channel, ...where } };
    if (wanted !== "email") {
      return {
        channel: wanted,
        reason: chosenBy,
        letterReason: chosenBy.code === "stage_channel" ? "stage_channel" : "no_email",
      };
    }
    const problem = emailProblem(patron);
    if (problem == null) return { channel: "email", reason: chosenBy, letterReason: null };
    // A letter stage the patron wanted by email falls back to its own letter.
    const instead = stage.channel === "letter" ? "letter" : fallback;
    const since = problem === "no_email" ? null : patron.emailStatusDate;
    return {
      channel: instead,
      reason: { code: "email_impossible", params: { problem, since, channel: instead } },
      letterReason: instead == null ? null : stage.channel === "letter" ? "stage_channel" : "no_email",
    };
  }
}

function none(reason: ChannelReason): ChannelChoice {
  return { channel: null, reason, letterReason: null };
}
