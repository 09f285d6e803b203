import { getLocale, getTranslations } from "next-intl/server";
import { loadStatistics, stageLabelIn } from "@/app/(staff)/statistics/load-statistics";
import { type Cell, statisticsTables } from "@/app/(staff)/statistics/statistics-tables";
import { staffRoute } from "@/lib/auth/staff-route";
import { toCsvLine } from "@/lib/import/to-csv-line";

export const dynamic = "force-dynamic";

/**
 * The Statistics page's tables as one CSV (semicolons, UTF-8 with BOM, numbers as the staff
 * member's spreadsheet reads them: no thousands separators, their decimal comma or point).
 */
export const GET = staffRoute("manager", async (request, { library }) => {
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const [t, locale] = await Promise.all([getTranslations("statistics"), getLocale()]);
  const { report, period } = await loadStatistics(library, search);
  const tag = locale === "en" ? "en-GB" : "nl-BE";
  const decimal = new Intl.NumberFormat(tag, {
    useGrouping: false,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const percent = new Intl.NumberFormat(tag, {
    useGrouping: false,
    style: "percent",
    maximumFractionDigits: 2,
  });
  const value = (cell: Cell): string => {
    switch (cell.kind) {
      case "text":
      case "date":
        return cell.value;
      case "count":
        return String(cell.value);
      case "money":
        return decimal.format(cell.cents / 100);
      case "share":
        return cell.value === null ? "" : percent.format(cell.value);
      case "none":
        return "";
    }
  };
  const { notices } = report;
  const lines = [
    toCsvLine([t("csv.period"), notices.from, notices.to]),
    toCsvLine([t("csv.previous"), notices.previousFrom, notices.previousTo]),
  ];
  for (const table of statisticsTables(report, t, stageLabelIn(locale))) {
    lines.push("\r\n", toCsvLine([t("csv.table"), table.title]), toCsvLine(table.columns));
    for (const row of table.rows) lines.push(toCsvLine(row.map(value)));
  }
  const name = `${t("csv.filename")}-${period.from}-${period.to}.csv`;
  return new Response(`\uFEFF${lines.join("")}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
