import "server-only";
import { db } from "@/lib/db";
import { libraryToday, type StaffLibrary } from "@/lib/library/current-library";
import { choosePeriod, type PeriodChoice } from "@/lib/statistics/statistics-period";
import { getStatisticsReport, type StatisticsReport } from "@/lib/statistics/statistics-report";

export type StatisticsSearch = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const id = (value: string | undefined) => (value && /^\d{1,9}$/.test(value) ? Number(value) : null);

export type LoadedStatistics = {
  period: PeriodChoice;
  branchId: number | null;
  stageId: number | null;
  report: StatisticsReport;
  /** the same choice as a query string, for the CSV link */
  query: string;
};

/**
 * The Statistics page's choice (period, branch, stage) from its query string and the report
 * for it, for the page and its CSV alike. Ids are only ever looked for in the staff member's
 * library: another library's branch simply finds nothing.
 */
export async function loadStatistics(
  library: StaffLibrary,
  search: StatisticsSearch,
): Promise<LoadedStatistics> {
  const period = choosePeriod(
    { period: one(search.period), from: one(search.from), to: one(search.to) },
    libraryToday(library),
  );
  const branchId = id(one(search.branch));
  const stageId = id(one(search.stage));
  const report = await getStatisticsReport(db, {
    libraryId: library.id,
    from: period.from,
    to: period.to,
    branchIds: branchId === null ? null : [branchId],
    stageIds: stageId === null ? null : [stageId],
  });
  const params = new URLSearchParams({ period: period.preset });
  if (period.preset === "custom") {
    params.set("from", period.typedFrom);
    params.set("to", period.typedTo);
  }
  if (branchId !== null) params.set("branch", String(branchId));
  if (stageId !== null) params.set("stage", String(stageId));
  return { period, branchId, stageId, report, query: params.toString() };
}

/** A stage's label in the staff member's language (stages keep { nl, fr, en }). */
export function stageLabelIn(locale: string) {
  return (stage: { key: string; labels: unknown }): string => {
    const labels = (stage.labels ?? {}) as Record<string, string | undefined>;
    return labels[locale] ?? labels.nl ?? stage.key;
  };
}
