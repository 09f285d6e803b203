import { describe, expect, it } from "vitest";
import type { Channel } from "@/lib/generated/prisma/enums";
import { DEFAULT_NOTICE_STAGES } from "@/lib/settings/default-stages";
import { formatChannelReason } from "./channel-reason";
import { type ChannelPatron, type ChannelStage, chooseChannel } from "./choose-channel";

const date = "2026-10-10";
const stageOf = (key: string): ChannelStage => {
  const stage = DEFAULT_NOTICE_STAGES.find((s) => s.key === key)!;
  return { ...stage, channelLevel: "system" };
};
const works: ChannelPatron = {
  email: "an@example.be",
  emailStatus: "ok",
  emailStatusDate: null,
  channelPreference: null,
  preDueOptIn: false,
  noticesPausedUntil: null,
};

type Row = [
  string,
  string,
  Partial<ChannelPatron>,
  Channel | null,
  Channel | null,
  string,
  "stage_channel" | "no_email" | null,
];

describe("chooseChannel", () => {
  // behaviour, stage, patron, patron's channel for the stage -> channel, reason code, letter reason
  it.each<Row>([
    ["a working address gets the stage's email", "overdue-1", {}, null, "email", "stage_channel", null],
    [
      "a soft-bouncing address still counts as working",
      "overdue-1",
      { emailStatus: "soft_bouncing" },
      null,
      "email",
      "stage_channel",
      null,
    ],
    [
      "no address: the letter fallback",
      "overdue-1",
      { email: null },
      null,
      "letter",
      "email_impossible",
      "no_email",
    ],
    [
      "a blank address is no address",
      "overdue-1",
      { email: "   " },
      null,
      "letter",
      "email_impossible",
      "no_email",
    ],
    [
      "a bounced address: the letter fallback",
      "overdue-2",
      { emailStatus: "bounced" },
      null,
      "letter",
      "email_impossible",
      "no_email",
    ],
    [
      "a complaint: the letter fallback",
      "overdue-1",
      { emailStatus: "complained" },
      null,
      "letter",
      "email_impossible",
      "no_email",
    ],
    [
      "an invalid address: the letter fallback",
      "overdue-1",
      { emailStatus: "invalid" },
      null,
      "letter",
      "email_impossible",
      "no_email",
    ],
    [
      "a patron who chose letters gets the fallback letter",
      "overdue-1",
      { channelPreference: "letter" },
      null,
      "letter",
      "patron_prefers_letter",
      "no_email",
    ],
    [
      "a patron's letter for one stage wins over the stage's email",
      "overdue-1",
      {},
      "letter",
      "letter",
      "patron_stage_channel",
      "no_email",
    ],
    [
      "a letter stage is a letter even with a working address",
      "overdue-3",
      {},
      null,
      "letter",
      "stage_channel",
      "stage_channel",
    ],
    [
      "a patron who chose email gets the letter stage by email",
      "overdue-3",
      { channelPreference: "email" },
      null,
      "email",
      "patron_prefers_email",
      null,
    ],
    [
      "...but by letter when that email is dead",
      "overdue-3",
      { channelPreference: "email", emailStatus: "bounced" },
      null,
      "letter",
      "email_impossible",
      "stage_channel",
    ],
    [
      "a registered-letter stage ignores a preference for email",
      "overdue-4",
      { channelPreference: "email" },
      "email",
      "registered_letter",
      "registered_stage",
      "stage_channel",
    ],
    ["a paused patron gets nothing", "overdue-1", { noticesPausedUntil: date }, null, null, "paused", null],
    [
      "a pause that ended yesterday no longer counts",
      "overdue-1",
      { noticesPausedUntil: "2026-10-09" },
      null,
      "email",
      "stage_channel",
      null,
    ],
    [
      "a pause stops even the registered letter",
      "overdue-4",
      { noticesPausedUntil: "2026-12-31" },
      null,
      null,
      "paused",
      null,
    ],
    ["pre-due: only to patrons who opted in", "pre-due", {}, null, null, "not_opted_in", null],
    [
      "pre-due: opted in with a working address",
      "pre-due",
      { preDueOptIn: true },
      null,
      "email",
      "stage_channel",
      null,
    ],
    [
      "pre-due: opted in without a working address, no letter instead",
      "pre-due",
      { preDueOptIn: true, emailStatus: "bounced" },
      null,
      null,
      "email_impossible",
      null,
    ],
    [
      "pre-due: a patron who chose letters gets no reminder",
      "pre-due",
      { preDueOptIn: true, channelPreference: "letter" },
      null,
      null,
      "patron_prefers_letter",
      null,
    ],
    [
      "pre-due: never by letter, even when set for the patron",
      "pre-due",
      { preDueOptIn: true },
      "letter",
      null,
      "pre_due_email_only",
      null,
    ],
  ])("%s", (_, key, patron, patronStageChannel, channel, code, letterReason) => {
    const choice = chooseChannel({
      stage: stageOf(key),
      patron: { ...works, ...patron },
      patronStageChannel,
      date,
    });
    expect(choice).toMatchObject({ channel, reason: { code }, letterReason });
  });

  it("a fallback of none means no notice when email is impossible", () => {
    const stage = { ...stageOf("overdue-1"), fallback: "none" as const };
    expect(
      chooseChannel({ stage, patron: { ...works, email: null }, patronStageChannel: null, date }).channel,
    ).toBeNull();
  });

  it("an email stage with a registered-letter fallback sends a registered letter when email is impossible", () => {
    const stage = { ...stageOf("overdue-2"), fallback: "registered_letter" as const };
    const choice = chooseChannel({
      stage,
      patron: { ...works, email: null },
      patronStageChannel: null,
      date,
    });
    expect(choice).toMatchObject({ channel: "registered_letter", letterReason: "no_email" });
  });

  it("says why in words staff understand, in English and Dutch", () => {
    const choice = chooseChannel({
      stage: stageOf("overdue-1"),
      patron: { ...works, emailStatus: "bounced", emailStatusDate: "2026-10-02" },
      patronStageChannel: null,
      date,
    });
    expect(formatChannelReason(choice.reason, "en")).toBe(
      "email impossible: address bounced on 2026-10-02 -> letter",
    );
    expect(formatChannelReason(choice.reason, "nl")).toBe(
      "e-mail onmogelijk: adres gebounced op 2026-10-02 -> brief",
    );
  });

  it("names the branch when the channel was set there", () => {
    const stage: ChannelStage = {
      ...stageOf("overdue-1"),
      channel: "letter",
      channelLevel: "branch",
      branchName: "Meulebeke",
    };
    const choice = chooseChannel({ stage, patron: works, patronStageChannel: null, date });
    expect(formatChannelReason(choice.reason, "en")).toBe("stage channel: letter (set on branch Meulebeke)");
  });
});
