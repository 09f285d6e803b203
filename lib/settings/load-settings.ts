import "server-only";
import { fromDbDate } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LibrarySettings, PatronSettings, PatronStageOverride, StageLabels } from "./stage-settings";

/** The app's client or a transaction client. */
export type Reader = Db | Prisma.TransactionClient;

/** The library's stages, branches and branch overrides: four small queries, whatever the size. */
export async function loadLibrarySettings(db: Reader, libraryId: number): Promise<LibrarySettings> {
  // One after the other: `db` may be a transaction, whose one connection runs one query at a time.
  const library = await db.library.findUniqueOrThrow({
    where: { id: libraryId },
    select: { timeZone: true },
  });
  const stages = await db.noticeStage.findMany({ where: { libraryId }, orderBy: { position: "asc" } });
  const branches = await db.branch.findMany({
    where: { libraryId },
    select: { id: true, name: true, openWeekdays: true },
    orderBy: { id: "asc" },
  });
  const branchOverrides = await db.branchStageSetting.findMany({ where: { stage: { libraryId } } });
  return {
    libraryId,
    timeZone: library.timeZone,
    stages: stages.map((stage) => ({
      id: stage.id,
      key: stage.key,
      position: stage.position,
      kind: stage.kind,
      labels: (stage.labels ?? {}) as StageLabels,
      offsetDays: stage.offsetDays,
      dayCount: stage.dayCount,
      enabled: stage.enabled,
      channel: stage.channel,
      fallback: stage.fallback,
      feeCents: stage.feeCents,
      audience: stage.audience,
      updatedAt: stage.updatedAt,
      updatedById: stage.updatedById,
    })),
    branches,
    branchOverrides,
  };
}

/** One patron's person-level settings and per-stage overrides. */
export async function loadPatronSettings(
  db: Reader,
  patronId: number,
): Promise<{ settings: PatronSettings; overrides: PatronStageOverride[] }> {
  const patron = await db.patron.findUniqueOrThrow({
    where: { id: patronId },
    select: {
      id: true,
      channelPreference: true,
      preDueOptIn: true,
      language: true,
      noticesPausedUntil: true,
      updatedAt: true,
      stageOverrides: true,
    },
  });
  return {
    settings: {
      id: patron.id,
      channelPreference: patron.channelPreference,
      preDueOptIn: patron.preDueOptIn,
      language: patron.language,
      noticesPausedUntil: patron.noticesPausedUntil ? fromDbDate(patron.noticesPausedUntil) : null,
      updatedAt: patron.updatedAt,
    },
    overrides: patron.stageOverrides,
  };
}
