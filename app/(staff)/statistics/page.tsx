import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ScrollableTable } from "@/components/scrollable-table";
import { requireStaff } from "@/lib/auth/require-staff";
import { PERIOD_PRESETS } from "@/lib/statistics/statistics-period";
import { share } from "@/lib/statistics/statistics-report";
import { loadStatistics, type StatisticsSearch, stageLabelIn } from "./load-statistics";
import { StatisticsChart } from "./statistics-chart";
import { type Cell, FIGURES, figureCells, type StatisticsTable, statisticsTables } from "./statistics-tables";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("statistics");
  return { title: t("title") };
}

const COLORS = {
  email: "#2f7d84",
  post: "#b45309",
  bounce: "#b91c1c",
  complaint: "#6b21a8",
  dead: "#4b5563",
  spent: "#b45309",
  saved: "#2f7d84",
  within3: "#93c5cb",
  within7: "#0e4f55",
};
const STAGE_COLORS = ["#0e4f55", "#b45309", "#6b21a8", "#2f7d84", "#b91c1c", "#4b5563"];
const fieldClass = "rounded-md border border-field bg-surface px-3 py-2 text-ink";

export default async function StatisticsPage({ searchParams }: { searchParams: Promise<StatisticsSearch> }) {
  const { library } = await requireStaff("manager");
  const [t, format, locale] = await Promise.all([getTranslations("statistics"), getFormatter(), getLocale()]);
  const { period, branchId, stageId, report, query } = await loadStatistics(library, await searchParams);
  const { notices, dead } = report;
  const stageLabel = stageLabelIn(locale);
  const tables = statisticsTables(report, t, stageLabel);
  const table = (id: string) => tables.find((x) => x.id === id) as StatisticsTable;

  const day = (value: string) =>
    format.dateTime(new Date(`${value}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const bucketLabel = (start: string) =>
    notices.bucket === "month"
      ? format.dateTime(new Date(`${start}T12:00:00Z`), { month: "short", year: "numeric", timeZone: "UTC" })
      : format.dateTime(new Date(`${start}T12:00:00Z`), { day: "numeric", month: "short", timeZone: "UTC" });
  const cell = (value: Cell): string => {
    switch (value.kind) {
      case "text":
        return value.value;
      case "date":
        return notices.bucket === "month" ? bucketLabel(value.value) : day(value.value);
      case "count":
        return format.number(value.value);
      case "money":
        return format.number(value.cents / 100, { style: "currency", currency: "EUR" });
      case "share":
        return value.value === null
          ? t("none")
          : format.number(value.value, { style: "percent", maximumFractionDigits: 2 });
      case "none":
        return t("none");
    }
  };
  const branchName = report.branches.find((b) => b.id === branchId)?.name ?? t("filters.allBranches");
  const stage = report.stages.find((s) => s.id === stageId);
  const bucketWord = t(`bucket.${notices.bucket}`);
  const money = (cents: number) => format.number(cents / 100, { style: "currency", currency: "EUR" });

  const overTime = notices.overTime.map((b, index) => ({
    label: bucketLabel(b.start),
    email: b.emailNotices,
    post: b.postNotices,
    bounceRate: share(b.emailsBounced, b.emailsSent),
    complaintRate: share(b.emailsComplained, b.emailsSent),
    deadAddresses: dead.overTime[index]?.deadAddresses ?? 0,
    postageSpent: b.postageCents / 100,
    postageSaved: (b.emailsWithoutLetter * report.postage.letterCents) / 100,
  }));
  const stageRows = report.stages.map((s) => {
    const groups = notices.groups.filter((g) => g.stageId === s.id);
    const loans = groups.reduce((sum, g) => sum + g.loans, 0);
    return {
      label: stageLabel(s),
      settledWithin3: share(
        groups.reduce((sum, g) => sum + g.settledWithin3, 0),
        loans,
      ),
      settledWithin7: share(
        groups.reduce((sum, g) => sum + g.settledWithin7, 0),
        loans,
      ),
    };
  });
  const feeStages = report.stages.filter((s) =>
    notices.groups.some((g) => g.stageId === s.id && g.feeCents > 0),
  );
  const feeRows = report.branches.map((branch) => ({
    label: branch.name,
    ...Object.fromEntries(
      feeStages.map((s) => [
        `stage${s.id}`,
        notices.groups
          .filter((g) => g.branchId === branch.id && g.stageId === s.id)
          .reduce((sum, g) => sum + g.feeCents, 0) / 100,
      ]),
    ),
  }));

  return (
    <div className="flex flex-col gap-6">
      <header className="max-w-3xl">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-muted">{t("intro")}</p>
      </header>

      <form method="get" className="rounded-lg border border-line bg-surface p-4 print:hidden">
        <fieldset className="flex flex-wrap items-end gap-3">
          <legend className="mb-2 font-semibold">{t("filters.legend")}</legend>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">{t("filters.period")}</span>
            <select name="period" defaultValue={period.preset} className={fieldClass}>
              {PERIOD_PRESETS.map((preset) => (
                <option key={preset} value={preset}>
                  {t(`filters.presets.${preset}`)}
                </option>
              ))}
            </select>
          </label>
          {(["from", "to"] as const).map((field) => (
            <label key={field} className="flex flex-col gap-1 text-sm">
              <span className="font-medium">{t(`filters.${field}`)}</span>
              <input
                type="date"
                name={field}
                defaultValue={
                  period.preset === "custom"
                    ? field === "from"
                      ? period.typedFrom
                      : period.typedTo
                    : period[field]
                }
                aria-invalid={period.error ? true : undefined}
                aria-describedby={period.error ? "period-error" : undefined}
                className={fieldClass}
              />
            </label>
          ))}
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">{t("filters.branch")}</span>
            <select name="branch" defaultValue={branchId ?? ""} className={fieldClass}>
              <option value="">{t("filters.allBranches")}</option>
              {report.branches.map((branch) => (
                <option key={branch.id} value={branch.id}>
                  {branch.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">{t("filters.stage")}</span>
            <select name="stage" defaultValue={stageId ?? ""} className={fieldClass}>
              <option value="">{t("filters.allStages")}</option>
              {report.stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {stageLabel(s)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            className="rounded-md bg-brand px-4 py-2 font-medium text-white hover:bg-brand-strong"
          >
            {t("filters.show")}
          </button>
          <a href={`/api/statistics/csv?${query}`} download className="py-2 font-medium underline">
            {t("filters.download")}
          </a>
        </fieldset>
        {period.error ? (
          <p
            id="period-error"
            role="alert"
            className="mt-3 rounded-md border border-warn bg-warn-soft p-3 text-warn"
          >
            {t(`filters.errors.${period.error}`)}
          </p>
        ) : null}
      </form>

      <section aria-labelledby="figures-heading" className="flex flex-col gap-3">
        <h2 id="figures-heading" className="text-lg font-semibold">
          {t("sections.figures")}
        </h2>
        <p className="text-muted">
          {t("period", {
            from: day(notices.from),
            to: day(notices.to),
            previousFrom: day(notices.previousFrom),
            previousTo: day(notices.previousTo),
          })}
          <br />
          {t("scope", { branch: branchName, stage: stage ? stageLabel(stage) : t("filters.allStages") })}
        </p>
        <dl className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {FIGURES.map((id) => {
            const [current, previous] = figureCells(report, id);
            return (
              <div
                key={id}
                data-figure={id}
                className="flex flex-col-reverse justify-end rounded-lg border border-line bg-surface p-4 break-inside-avoid"
              >
                <dt className="text-sm">
                  <span className="block font-medium">{t(`figures.${id}.label`)}</span>
                  <span className="block text-muted">
                    {previous ? t("previous", { value: cell(previous) }) : t("snapshot")}
                  </span>
                  <span className="mt-1 block text-muted">{t(`figures.${id}.definition`)}</span>
                </dt>
                <dd className="text-2xl font-semibold tabular">{cell(current)}</dd>
              </div>
            );
          })}
        </dl>
        <p className="text-sm text-muted">{t("notices")}</p>
      </section>

      <ChartSection
        id="over-time"
        title={t("sections.overTime")}
        text={t("sections.overTimeText", { bucket: bucketWord })}
      >
        <StatisticsChart
          kind="bar"
          stacked
          data={overTime}
          xKey="label"
          locale={locale}
          label={t("sections.overTime")}
          series={[
            { key: "email", name: t("series.email"), color: COLORS.email },
            { key: "post", name: t("series.post"), color: COLORS.post },
          ]}
        />
      </ChartSection>

      <ChartSection
        id="health"
        title={t("sections.health")}
        text={t("sections.healthText", { bucket: bucketWord })}
      >
        <StatisticsChart
          kind="line"
          data={overTime}
          xKey="label"
          valueKind="share"
          locale={locale}
          label={t("sections.health")}
          series={[
            { key: "bounceRate", name: t("series.bounceRate"), color: COLORS.bounce },
            { key: "complaintRate", name: t("series.complaintRate"), color: COLORS.complaint },
          ]}
        />
        <StatisticsChart
          kind="bar"
          data={overTime}
          xKey="label"
          locale={locale}
          label={t("series.deadAddresses")}
          series={[{ key: "deadAddresses", name: t("series.deadAddresses"), color: COLORS.dead }]}
        />
      </ChartSection>

      <ChartSection
        id="postage"
        title={t("sections.postage")}
        text={t("sections.postageText", {
          letter: money(report.postage.letterCents),
          registered: money(report.postage.registeredCents),
        })}
      >
        <StatisticsChart
          kind="bar"
          data={overTime}
          xKey="label"
          valueKind="money"
          locale={locale}
          label={t("sections.postage")}
          series={[
            { key: "postageSpent", name: t("series.postageSpent"), color: COLORS.spent },
            { key: "postageSaved", name: t("series.postageSaved"), color: COLORS.saved },
          ]}
        />
      </ChartSection>

      <DataTable
        table={table("overTime")}
        cell={cell}
        caption={`${t("sections.table")}: ${table("overTime").title}`}
      />

      <ChartSection id="outcomes" title={t("sections.outcomes")} text={t("sections.outcomesText")}>
        <StatisticsChart
          kind="bar"
          data={stageRows}
          xKey="label"
          valueKind="share"
          locale={locale}
          label={t("sections.outcomes")}
          series={[
            { key: "settledWithin3", name: t("series.settledWithin3"), color: COLORS.within3 },
            { key: "settledWithin7", name: t("series.settledWithin7"), color: COLORS.within7 },
          ]}
        />
        <DataTable table={table("stages")} cell={cell} caption={table("stages").title} />
      </ChartSection>

      <ChartSection id="fees" title={t("sections.fees")} text={t("sections.feesText")}>
        <StatisticsChart
          kind="bar"
          stacked
          data={feeRows}
          xKey="label"
          valueKind="money"
          locale={locale}
          label={t("sections.fees")}
          series={feeStages.map((s, index) => ({
            key: `stage${s.id}`,
            name: stageLabel(s),
            color: STAGE_COLORS[index % STAGE_COLORS.length],
          }))}
        />
        <DataTable table={table("fees")} cell={cell} caption={table("fees").title} />
      </ChartSection>
    </div>
  );
}

function ChartSection({
  id,
  title,
  text,
  children,
}: {
  id: string;
  title: string;
  text: string;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-3 sm:p-5 break-inside-avoid"
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="text-muted">{text}</p>
      {children}
    </section>
  );
}

function DataTable({
  table,
  cell,
  caption,
}: {
  table: StatisticsTable;
  cell: (value: Cell) => string;
  caption: string;
}) {
  return (
    <ScrollableTable label={caption}>
      <table className="w-full text-sm" data-table={table.id}>
        <caption className="px-3 pt-3 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-line text-left">
            {table.columns.map((column, index) => (
              <th
                key={column}
                scope="col"
                className={`px-3 py-2 font-medium ${index > 0 ? "text-right" : ""}`}
              >
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={cell(row[0])} className="border-b border-line last:border-0">
              {row.map((value, index) =>
                index === 0 ? (
                  <th key={table.columns[index]} scope="row" className="px-3 py-2 text-left font-normal">
                    {cell(value)}
                  </th>
                ) : (
                  <td key={table.columns[index]} className="px-3 py-2 text-right">
                    {cell(value)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
