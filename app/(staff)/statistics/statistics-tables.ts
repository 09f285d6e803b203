import "server-only";
import type { getTranslations } from "next-intl/server";
import type { LocalDate } from "@/lib/dates";
import { type NoticeGroup, type NoticeTotals, sumTotals } from "@/lib/statistics/notice-statistics";
import {
  postageSavedCents,
  type StatisticsReport,
  share,
  stillOutAfterLastStage,
} from "@/lib/statistics/statistics-report";

/** A value with its kind, so the page and the CSV each write it their own way. */
export type Cell =
  | { kind: "text"; value: string }
  | { kind: "date"; value: LocalDate }
  | { kind: "count"; value: number }
  | { kind: "money"; cents: number }
  | { kind: "share"; value: number | null }
  | { kind: "none" };

export type StatisticsTable = { id: string; title: string; columns: string[]; rows: Cell[][] };

export const FIGURES = [
  "notices",
  "emailShare",
  "postNotices",
  "postageSpent",
  "postageSaved",
  "postageAllLetters",
  "bounceRate",
  "complaintRate",
  "deadAddressesNew",
  "deadAddressesNow",
  "reachableShare",
  "optedInShare",
  "settledWithin3",
  "settledWithin7",
  "renewedFromLink",
  "stillOutAfterLastStage",
  "fees",
] as const;
export type FigureId = (typeof FIGURES)[number];

type Translate = Awaited<ReturnType<typeof getTranslations<"statistics">>>;

const text = (value: string): Cell => ({ kind: "text", value });
const count = (value: number): Cell => ({ kind: "count", value });
const money = (cents: number): Cell => ({ kind: "money", cents });
const ratio = (part: number, whole: number): Cell => ({ kind: "share", value: share(part, whole) });

/** One figure for this period and the previous one (null: a snapshot of today, no previous). */
export function figureCells(report: StatisticsReport, id: FigureId): [Cell, Cell | null] {
  const both = (make: (totals: NoticeTotals, period: "current" | "previous") => Cell): [Cell, Cell] => [
    make(report.notices.totals, "current"),
    make(report.notices.previous, "previous"),
  ];
  const { reach, dead, postage } = report;
  switch (id) {
    case "notices":
      return both((t) => count(t.notices));
    case "emailShare":
      return both((t) => ratio(t.emailNotices, t.notices));
    case "postNotices":
      return both((t) => count(t.postNotices));
    case "postageSpent":
      return both((t) => money(t.postageCents));
    case "postageSaved":
      return both((t) => money(postageSavedCents(t, postage)));
    case "postageAllLetters":
      return both((t) => money(t.postageCents + postageSavedCents(t, postage)));
    case "bounceRate":
      return both((t) => ratio(t.emailsBounced, t.emailsSent));
    case "complaintRate":
      return both((t) => ratio(t.emailsComplained, t.emailsSent));
    case "deadAddressesNew":
      return [count(dead.total), count(dead.previous)];
    case "deadAddressesNow":
      return [count(reach.deadAddresses), null];
    case "reachableShare":
      return [ratio(reach.reachableByEmail, reach.activePatrons), null];
    case "optedInShare":
      return [ratio(reach.optedIn, reach.activePatrons), null];
    case "settledWithin3":
      return both((t) => ratio(t.settledWithin3, t.loans));
    case "settledWithin7":
      return both((t) => ratio(t.settledWithin7, t.loans));
    case "renewedFromLink":
      return both((t) => count(t.renewedFromLink));
    case "stillOutAfterLastStage":
      return both((_t, period) => count(stillOutAfterLastStage(report, period)));
    case "fees":
      return both((t) => money(t.feeCents));
  }
}

function byStage(groups: readonly NoticeGroup[], stageId: number): NoticeTotals {
  return sumTotals(groups.filter((group) => group.stageId === stageId));
}

/**
 * The page's numbers as tables (the charts draw the same rows): the figures against the period
 * before, each bucket of the period, each stage, and fees by branch and stage.
 */
export function statisticsTables(
  report: StatisticsReport,
  t: Translate,
  stageLabel: (stage: StatisticsReport["stages"][number]) => string,
): StatisticsTable[] {
  const { notices, dead, postage } = report;
  const figures: StatisticsTable = {
    id: "figures",
    title: t("tables.figures"),
    columns: [
      t("columns.figure"),
      t("columns.thisPeriod"),
      t("columns.previousPeriod"),
      t("columns.definition"),
    ],
    rows: FIGURES.map((id) => {
      const [current, previous] = figureCells(report, id);
      return [
        text(t(`figures.${id}.label`)),
        current,
        previous ?? { kind: "none" },
        text(t(`figures.${id}.definition`)),
      ];
    }),
  };
  const overTime: StatisticsTable = {
    id: "overTime",
    title: t("tables.overTime"),
    columns: [
      t(`columns.bucket.${notices.bucket}`),
      t("columns.email"),
      t("columns.post"),
      t("columns.notices"),
      t("columns.emailShare"),
      t("columns.bounceRate"),
      t("columns.complaintRate"),
      t("columns.deadAddresses"),
      t("columns.postageSpent"),
      t("columns.postageSaved"),
      t("columns.fees"),
    ],
    rows: notices.overTime.map((bucket, index) => [
      { kind: "date", value: bucket.start },
      count(bucket.emailNotices),
      count(bucket.postNotices),
      count(bucket.notices),
      ratio(bucket.emailNotices, bucket.notices),
      ratio(bucket.emailsBounced, bucket.emailsSent),
      ratio(bucket.emailsComplained, bucket.emailsSent),
      count(dead.overTime[index]?.deadAddresses ?? 0),
      money(bucket.postageCents),
      money(postageSavedCents(bucket, postage)),
      money(bucket.feeCents),
    ]),
  };
  const stages: StatisticsTable = {
    id: "stages",
    title: t("tables.stages"),
    columns: [
      t("columns.stage"),
      t("columns.notices"),
      t("columns.email"),
      t("columns.post"),
      t("columns.loans"),
      t("columns.settledWithin3"),
      t("columns.settledWithin7"),
      t("columns.renewedFromLink"),
      t("columns.stillOut"),
      t("columns.fees"),
    ],
    rows: report.stages.map((stage) => {
      const s = byStage(notices.groups, stage.id);
      return [
        text(stageLabel(stage)),
        count(s.notices),
        count(s.emailNotices),
        count(s.postNotices),
        count(s.loans),
        ratio(s.settledWithin3, s.loans),
        ratio(s.settledWithin7, s.loans),
        count(s.renewedFromLink),
        count(s.loans - s.settledWithin7),
        money(s.feeCents),
      ];
    }),
  };
  const feeStages = report.stages.filter((stage) =>
    notices.groups.some((g) => g.stageId === stage.id && g.feeCents > 0),
  );
  const fees: StatisticsTable = {
    id: "fees",
    title: t("tables.fees"),
    columns: [t("columns.branch"), ...feeStages.map(stageLabel), t("columns.total")],
    rows: report.branches.map((branch) => {
      const ofBranch = notices.groups.filter((g) => g.branchId === branch.id);
      const fee = (stageId: number) =>
        ofBranch.filter((g) => g.stageId === stageId).reduce((s, g) => s + g.feeCents, 0);
      return [
        text(branch.name),
        ...feeStages.map((stage) => money(fee(stage.id))),
        money(ofBranch.reduce((s, g) => s + g.feeCents, 0)),
      ];
    }),
  };
  return [figures, overTime, stages, fees];
}
