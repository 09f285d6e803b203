"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type ChartSeries = { key: string; name: string; color: string };
export type ChartValueKind = "count" | "money" | "share";

/**
 * One chart of the Statistics page (Recharts, SVG): bars (stacked when asked) or lines over a
 * category axis. The numbers are in the table under it; this is the picture. Text is dark on
 * white and bars carry a dark outline, so it reads on paper and at phone width (fewer ticks).
 */
export function StatisticsChart({
  kind,
  data,
  xKey,
  series,
  stacked = false,
  valueKind = "count",
  locale,
  label,
}: {
  kind: "bar" | "line";
  data: Record<string, string | number | null>[];
  xKey: string;
  series: ChartSeries[];
  stacked?: boolean;
  valueKind?: ChartValueKind;
  locale: string;
  label: string;
}) {
  const numberFormat =
    valueKind === "money"
      ? new Intl.NumberFormat(locale, { style: "currency", currency: "EUR", maximumFractionDigits: 0 })
      : valueKind === "share"
        ? new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 })
        : new Intl.NumberFormat(locale);
  const format = (value: unknown) =>
    typeof value === "number" ? numberFormat.format(value) : String(value ?? "");
  const axis = { stroke: "#4b5563", tick: { fill: "#17202b", fontSize: 12 } };
  const common = (
    <>
      <CartesianGrid stroke="#d3d8df" vertical={false} />
      <XAxis dataKey={xKey} {...axis} minTickGap={12} />
      <YAxis
        {...axis}
        tickFormatter={format}
        width={valueKind === "count" ? 48 : 64}
        allowDecimals={valueKind !== "count"}
      />
      <Tooltip formatter={format} />
      {/* legend words in ink, not in the series' colour: a light bar colour is no text colour */}
      <Legend
        wrapperStyle={{ fontSize: 13 }}
        formatter={(value) => <span style={{ color: "#17202b" }}>{value}</span>}
      />
    </>
  );
  return (
    <figure className="statistics-chart h-72 w-full break-inside-avoid" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 288 }}>
        {kind === "bar" ? (
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            {common}
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                fill={s.color}
                stroke="#17202b"
                strokeWidth={0.5}
                stackId={stacked ? "stack" : undefined}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        ) : (
          <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            {common}
            {series.map((s, index) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.name}
                stroke={s.color}
                strokeWidth={2}
                strokeDasharray={index === 1 ? "6 3" : undefined}
                dot={{ r: 2 }}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        )}
      </ResponsiveContainer>
    </figure>
  );
}
