import "server-only";
import type { LocalDate } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import type { StageKind } from "@/lib/generated/prisma/enums";
import { type DeadAddressTrend, type EmailReach, getDeadAddressTrend, getEmailReach } from "./email-reach";
import { getNoticeStatistics, type NoticeStatistics, type NoticeTotals } from "./notice-statistics";

type Queryable = Pick<Db, "$queryRaw" | "noticeStage" | "branch" | "library">;

export type StatisticsStage = { id: number; key: string; position: number; kind: StageKind; labels: unknown };

export type StatisticsReport = {
  notices: NoticeStatistics;
  reach: EmailReach;
  dead: DeadAddressTrend;
  stages: StatisticsStage[];
  branches: { id: number; name: string }[];
  /** the library's current postage (lib/letters records it on each letter it batches) */
  postage: { letterCents: number; registeredCents: number };
  /** the last enabled stage (highest position): "still out after the last stage" */
  lastStageId: number | null;
};

export type StatisticsQuery = {
  libraryId: number;
  from: LocalDate;
  to: LocalDate;
  branchIds?: readonly number[] | null;
  stageIds?: readonly number[] | null;
};

/** Every figure of the Statistics page for one library, period, branches and stages. */
export async function getStatisticsReport(db: Queryable, query: StatisticsQuery): Promise<StatisticsReport> {
  const { libraryId, branchIds = null } = query;
  const notices = await getNoticeStatistics(db, query);
  const [reach, dead, stages, branches, library] = await Promise.all([
    getEmailReach(db, { libraryId, branchIds }),
    getDeadAddressTrend(db, { ...query, bucket: notices.bucket, branchIds }),
    db.noticeStage.findMany({
      where: { libraryId },
      orderBy: { position: "asc" },
      select: { id: true, key: true, position: true, kind: true, labels: true, enabled: true },
    }),
    db.branch.findMany({ where: { libraryId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.library.findUniqueOrThrow({
      where: { id: libraryId },
      select: { letterPostageCents: true, registeredPostageCents: true },
    }),
  ]);
  const enabled = stages.filter((stage) => stage.enabled);
  return {
    notices,
    reach,
    dead,
    stages: stages.map(({ enabled: _enabled, ...stage }) => stage),
    branches,
    postage: { letterCents: library.letterPostageCents, registeredCents: library.registeredPostageCents },
    lastStageId: enabled.at(-1)?.id ?? null,
  };
}

/** A share, or null when there is nothing to share out. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/**
 * What email saved in postage: each email that needed no letter, at today's postage for a
 * letter (an email never replaces a registered letter: those stages send one anyway).
 */
export function postageSavedCents(totals: NoticeTotals, postage: StatisticsReport["postage"]): number {
  return totals.emailsWithoutLetter * postage.letterCents;
}

/** Loans the last stage reached that were neither returned nor renewed within 7 days of it. */
export function stillOutAfterLastStage(report: StatisticsReport, period: "current" | "previous"): number {
  const groups = period === "current" ? report.notices.groups : report.notices.previousGroups;
  return groups
    .filter((group) => group.stageId === report.lastStageId)
    .reduce((sum, group) => sum + group.loans - group.settledWithin7, 0);
}
