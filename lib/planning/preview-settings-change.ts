import "server-only";
import type { LocalDate } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Channel } from "@/lib/generated/prisma/enums";
import { type PlanCount, type PlanResult, planNotices } from "./plan-notices";

export type { PlanCount };

export const PREVIEW_CHANNELS: readonly Channel[] = ["email", "letter", "registered_letter"];

/** What a dry run would make, counted: in total, per channel (all three) and per stage (all stages). */
export type PlanCounts = {
  totals: PlanCount;
  byChannel: Record<Channel, PlanCount>;
  /** by stage id */
  byStage: Record<number, PlanCount>;
};

export type SettingsChangePreview = {
  date: LocalDate;
  before: PlanCounts;
  after: PlanCounts;
  /** every stage id seen before or after, in position order of the stages after the change */
  stageIds: number[];
};

/** Thrown to roll the preview's transaction back; carries the result out. */
class RollBack extends Error {
  constructor(readonly preview: SettingsChangePreview) {
    super("preview rolled back");
  }
}

export function countPlan(plan: Pick<PlanResult, "totals" | "byChannel" | "byStage">): PlanCounts {
  const zero = (): PlanCount => ({ notices: 0, loans: 0 });
  const byChannel = Object.fromEntries(PREVIEW_CHANNELS.map((c) => [c, zero()])) as Record<
    Channel,
    PlanCount
  >;
  for (const row of plan.byChannel) byChannel[row.channel] = { notices: row.notices, loans: row.loans };
  const byStage: Record<number, PlanCount> = {};
  for (const row of plan.byStage) byStage[row.stageId] = { notices: row.notices, loans: row.loans };
  return { totals: { ...plan.totals }, byChannel, byStage };
}

type PreviewOptions = {
  libraryId: number;
  date: LocalDate;
  apply: (tx: Prisma.TransactionClient) => Promise<void>;
};

/**
 * The effect of a settings change on the run of `date`, inside a transaction the caller
 * rolls back: a dry run with the settings as they are, then `apply` (the change, written as
 * the save would write it), a dry run again. `apply` may throw to refuse the change (a
 * validation error): that error comes out as it is. Staff actions run it with
 * `rollBack: true`.
 */
export async function previewSettingsChangeIn(
  tx: Prisma.TransactionClient,
  { libraryId, date, apply }: PreviewOptions,
): Promise<SettingsChangePreview> {
  const before = await planNotices(tx, { libraryId, date, dryRun: true });
  await apply(tx);
  const after = await planNotices(tx, { libraryId, date, dryRun: true });
  const stages = await tx.noticeStage.findMany({
    where: { libraryId },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  return { date, before: countPlan(before), after: countPlan(after), stageIds: stages.map((s) => s.id) };
}

/** The same in a transaction of its own, rolled back so nothing stays written. */
export async function previewSettingsChange(
  db: Db,
  options: PreviewOptions & {
    /** ms; the two dry runs on a large library take a while */
    timeout?: number;
  },
): Promise<SettingsChangePreview> {
  try {
    await db.$transaction(
      async (tx) => {
        throw new RollBack(await previewSettingsChangeIn(tx, options));
      },
      { maxWait: 60_000, timeout: options.timeout ?? PREVIEW_TIMEOUT_MS },
    );
  } catch (error) {
    if (error instanceof RollBack) return error.preview;
    throw error;
  }
  throw new Error("The preview transaction ended without its result.");
}

/** Two dry runs of a large library take a while. */
export const PREVIEW_TIMEOUT_MS = 300_000;
