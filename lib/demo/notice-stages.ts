import type { Audience, Channel, Fallback, StageKind } from "@/lib/generated/prisma/enums";
import type { DbTx } from "./db-tx";

export type DemoStage = {
  key: string;
  kind: StageKind;
  labels: { nl: string; fr: string; en: string };
  offsetDays: number;
  channel: Channel;
  fallback: Fallback;
  feeCents: number;
  audience: Audience;
};

/**
 * The demo's system-level stages, after the forum's Meulebeke and Edegem practice: an opt-in
 * email three days before the due date, overdue notices 1 and 2 by email (free), 3 by letter
 * and 4 by registered letter, with the postage charged.
 */
export const DEMO_NOTICE_STAGES: readonly DemoStage[] = [
  {
    key: "pre-due",
    kind: "pre_due",
    labels: { nl: "Herinnering vooraf", fr: "Rappel avant l'échéance", en: "Pre-due reminder" },
    offsetDays: -3,
    channel: "email",
    fallback: "none",
    feeCents: 0,
    audience: "opted_in",
  },
  {
    key: "overdue-1",
    kind: "overdue",
    labels: { nl: "Eerste aanmaning", fr: "Premier rappel", en: "First overdue notice" },
    offsetDays: 7,
    channel: "email",
    fallback: "letter",
    feeCents: 0,
    audience: "all",
  },
  {
    key: "overdue-2",
    kind: "overdue",
    labels: { nl: "Tweede aanmaning", fr: "Deuxième rappel", en: "Second overdue notice" },
    offsetDays: 14,
    channel: "email",
    fallback: "letter",
    feeCents: 100,
    audience: "all",
  },
  {
    key: "overdue-3",
    kind: "overdue",
    labels: { nl: "Derde aanmaning", fr: "Troisième rappel", en: "Third overdue notice" },
    offsetDays: 21,
    channel: "letter",
    fallback: "letter",
    feeCents: 150,
    audience: "all",
  },
  {
    key: "overdue-4",
    kind: "overdue",
    labels: {
      nl: "Laatste aanmaning (aangetekend)",
      fr: "Dernier rappel (recommandé)",
      en: "Final notice (registered letter)",
    },
    offsetDays: 28,
    channel: "registered_letter",
    fallback: "registered_letter",
    feeCents: 700,
    audience: "all",
  },
];

/** Branch-level settings, so the demo shows all three levels: Harelbeke warns a week ahead
 * (the forum's Kampenhout practice); Meulebeke charges more postage for the third notice. */
export const DEMO_BRANCH_OVERRIDES = [
  { branch: "HAR", stage: "pre-due", offsetDays: -7 },
  { branch: "MEU", stage: "overdue-3", feeCents: 200 },
] as const;

/** Writes the stages and the branch overrides; returns the stage ids by key. */
export async function createDemoNoticeStages(
  tx: DbTx,
  libraryId: number,
  branchIds: Record<string, number>,
): Promise<{ stageIds: Record<string, number>; branchOverrides: number }> {
  const stageIds: Record<string, number> = {};
  for (const [index, stage] of DEMO_NOTICE_STAGES.entries()) {
    const created = await tx.noticeStage.create({ data: { libraryId, position: index + 1, ...stage } });
    stageIds[stage.key] = created.id;
  }
  for (const { branch, stage, ...setting } of DEMO_BRANCH_OVERRIDES) {
    await tx.branchStageSetting.create({
      data: { stageId: stageIds[stage], branchId: branchIds[branch], ...setting },
    });
  }
  return { stageIds, branchOverrides: DEMO_BRANCH_OVERRIDES.length };
}
