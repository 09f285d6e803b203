import { DEFAULT_NOTICE_STAGES, type StageDefinition } from "@/lib/settings/default-stages";
import type { DbTx } from "./db-tx";

export type DemoStage = StageDefinition;

/**
 * Where the demo differs from the stages every new library starts with: the forum's
 * Meulebeke and Edegem practice charges the postage (€ 1.50 for the third notice, € 7.00 for
 * the registered letter), and the reminder and the registered letter say what they are.
 */
const DEMO_STAGE_CHANGES: Record<string, Partial<StageDefinition>> = {
  "pre-due": {
    labels: { nl: "Herinnering vooraf", fr: "Rappel avant l'échéance", en: "Pre-due reminder" },
  },
  "overdue-3": { feeCents: 150 },
  "overdue-4": {
    labels: {
      nl: "Laatste aanmaning (aangetekend)",
      fr: "Dernier rappel (recommandé)",
      en: "Final notice (registered letter)",
    },
    feeCents: 700,
  },
};

/**
 * The demo's system-level stages: the defaults (lib/settings/default-stages.ts) with the
 * changes above. An opt-in email three days before the due date, overdue notices 1 and 2 by
 * email, 3 by letter and 4 by registered letter.
 */
export const DEMO_NOTICE_STAGES: readonly DemoStage[] = DEFAULT_NOTICE_STAGES.map((stage) => ({
  ...stage,
  ...DEMO_STAGE_CHANGES[stage.key],
}));

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
  for (const stage of DEMO_NOTICE_STAGES) {
    const created = await tx.noticeStage.create({ data: { libraryId, ...stage } });
    stageIds[stage.key] = created.id;
  }
  for (const { branch, stage, ...setting } of DEMO_BRANCH_OVERRIDES) {
    await tx.branchStageSetting.create({
      data: { stageId: stageIds[stage], branchId: branchIds[branch], ...setting },
    });
  }
  return { stageIds, branchOverrides: DEMO_BRANCH_OVERRIDES.length };
}
