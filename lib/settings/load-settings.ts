import "server-only";
import { fromDbDate, type LocalDate } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  BranchInfo,
  BranchStageOverride,
  LibrarySettings,
  PatronSettings,
  PatronStageOverride,
  StageLabels,
  SystemStage,
} from "./stage-settings";

/** The app's client or a transaction client. */
export type Reader = Db | Prisma.TransactionClient;

/** The library's stages, branches and branch overrides: one small query, whatever the size. */
export async function loadLibrarySettings(db: Reader, libraryId: number): Promise<LibrarySettings> {
  return (await readLibrarySettings(db, libraryId, false)).settings;
}

/**
 * The library's settings and its branches' closed days in one query (one round trip: the
 * daily planner reads them on every run and every slice of a send run).
 */
export async function loadLibrarySettingsWithClosedDays(
  db: Reader,
  libraryId: number,
): Promise<{ settings: LibrarySettings; closedDays: { branchId: number; date: LocalDate }[] }> {
  return readLibrarySettings(db, libraryId, true);
}

type StageJson = Omit<SystemStage, "updatedAt"> & { updatedAt: string | null };
type OverrideJson = Omit<BranchStageOverride, "updatedAt"> & { updatedAt: string | null };

async function readLibrarySettings(db: Reader, libraryId: number, withClosedDays: boolean) {
  const [row] = await db.$queryRaw<
    {
      timeZone: string | null;
      stages: StageJson[] | null;
      branches: BranchInfo[] | null;
      overrides: OverrideJson[] | null;
      closedDays: { branchId: number; date: LocalDate }[] | null;
    }[]
  >`
    SELECT (SELECT "timeZone" FROM "Library" WHERE id = ${libraryId}) AS "timeZone",
           (SELECT json_agg(json_build_object(
                     'id', s.id, 'key', s.key, 'position', s.position, 'kind', s.kind, 'labels', s.labels,
                     'offsetDays', s."offsetDays", 'dayCount', s."dayCount", 'enabled', s.enabled,
                     'channel', s.channel, 'fallback', s.fallback, 'feeCents', s."feeCents",
                     'audience', s.audience, 'updatedAt', s."updatedAt", 'updatedById', s."updatedById")
                   ORDER BY s.position)
            FROM "NoticeStage" s WHERE s."libraryId" = ${libraryId}) AS stages,
           (SELECT json_agg(json_build_object('id', b.id, 'name', b.name, 'openWeekdays', b."openWeekdays")
                   ORDER BY b.id)
            FROM "Branch" b WHERE b."libraryId" = ${libraryId}) AS branches,
           (SELECT json_agg(json_build_object(
                     'id', o.id, 'stageId', o."stageId", 'branchId', o."branchId", 'offsetDays', o."offsetDays",
                     'dayCount', o."dayCount", 'enabled', o.enabled, 'channel', o.channel,
                     'fallback', o.fallback, 'feeCents', o."feeCents", 'audience', o.audience,
                     'updatedAt', o."updatedAt", 'updatedById', o."updatedById")
                   ORDER BY o.id)
            FROM "BranchStageSetting" o JOIN "NoticeStage" s ON s.id = o."stageId"
            WHERE s."libraryId" = ${libraryId}) AS overrides,
           CASE WHEN ${withClosedDays} THEN
             (SELECT json_agg(json_build_object('branchId', d."branchId", 'date', d.date) ORDER BY d."branchId", d.date)
              FROM "BranchClosedDay" d JOIN "Branch" b ON b.id = d."branchId"
              WHERE b."libraryId" = ${libraryId})
           END AS "closedDays"`;
  if (!row || row.timeZone == null) throw new Error(`No library with id ${libraryId}.`);
  const settings: LibrarySettings = {
    libraryId,
    timeZone: row.timeZone,
    stages: (row.stages ?? []).map((stage) => ({
      ...stage,
      labels: (stage.labels ?? {}) as StageLabels,
      updatedAt: stage.updatedAt == null ? null : new Date(stage.updatedAt),
    })),
    branches: row.branches ?? [],
    branchOverrides: (row.overrides ?? []).map((override) => ({
      ...override,
      updatedAt: override.updatedAt == null ? null : new Date(override.updatedAt),
    })),
  };
  return { settings, closedDays: row.closedDays ?? [] };
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
