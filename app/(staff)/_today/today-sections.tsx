import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { LocalDate } from "@/lib/dates";
import { DUE_SOON_DAYS, type TodayFigures } from "@/lib/statistics/today-figures";

// The Today page's parts. Every figure is text in a card or a table cell; the bars only
// repeat the numbers visually and are hidden from assistive technology.

/** A day -> an instant inside it in every European time zone, for the date formatter. */
function dayForDisplay(date: LocalDate): Date {
  return new Date(`${date}T12:00:00Z`);
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

export async function FiguresDate({ today }: { today: LocalDate }) {
  const [t, format] = await Promise.all([getTranslations("today"), getFormatter()]);
  const date = format.dateTime(dayForDisplay(today), {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  return <p className="mt-1 text-muted">{t("figuresFor", { date })}</p>;
}

export async function HeadlineCards({ figures }: { figures: TodayFigures }) {
  const [t, format] = await Promise.all([getTranslations("today.headline"), getFormatter()]);
  const { headline } = figures;
  const cards = [
    { label: t("openLoans"), value: headline.openLoans },
    { label: t("overdueLoans"), value: headline.overdueLoans },
    {
      label: t("patrons"),
      value: headline.patrons,
      note: t("patronsWithOpenLoans", { count: headline.patronsWithOpenLoans }),
    },
    { label: t("patronsWithoutUsableEmail"), value: headline.patronsWithoutUsableEmail },
  ];
  return (
    <section aria-labelledby="headline-heading">
      <h2 id="headline-heading" className="sr-only">
        {t("title")}
      </h2>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {cards.map((card) => (
          // dd before dt visually: the number is what the eye looks for first.
          <div
            key={card.label}
            className="flex flex-col-reverse justify-end rounded-lg border border-line bg-surface p-4"
          >
            <dt className="text-sm text-muted">
              {card.label}
              {card.note ? <span className="block">{card.note}</span> : null}
            </dt>
            <dd className="text-3xl font-semibold tabular">{format.number(card.value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

type FigureRow = {
  key: string;
  label: ReactNode;
  counts: number[];
  /** bar length, 0..1, relative to the largest row */
  bar: number;
  /** the share as text, e.g. "17%" */
  share: string;
};

/**
 * A card with a heading, a visible description and a table of counts with a share column.
 * The caption names the table for screen readers (it repeats the visible heading); the
 * description is linked with aria-describedby. A phone shows the counts only.
 */
function FigureTable(props: {
  id: string;
  title: string;
  description: string;
  headers: { label: string; counts: string[]; share: string };
  rows: FigureRow[];
  totals: { label: string; counts: (number | null)[] };
  note?: string;
  formatNumber: (value: number) => string;
}) {
  const { id, headers, rows, totals, formatNumber } = props;
  const cell = "border-b border-line px-1.5 py-2 sm:px-3";
  const headCell = "border-b-2 border-line px-1.5 py-2 align-bottom font-semibold sm:px-3";
  const footCell = "px-1.5 py-2 font-semibold sm:px-3";
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="rounded-lg border border-line bg-surface p-3 sm:p-5"
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {props.title}
      </h2>
      <p id={`${id}-description`} className="mt-1 mb-3 text-sm leading-relaxed text-muted">
        {props.description}
      </p>
      {props.note ? <p className="mb-3 font-medium">{props.note}</p> : null}
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm" aria-describedby={`${id}-description`}>
          <caption className="sr-only">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col" className={headCell}>
                {headers.label}
              </th>
              {headers.counts.map((label) => (
                <th key={label} scope="col" className={`${headCell} text-right`}>
                  {label}
                </th>
              ))}
              <th scope="col" className={`${headCell} hidden sm:table-cell`}>
                {headers.share}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" className={`${cell} font-normal sm:whitespace-nowrap`}>
                  {row.label}
                </th>
                {row.counts.map((count, index) => (
                  <td key={headers.counts[index]} className={`${cell} text-right tabular`}>
                    {formatNumber(count)}
                  </td>
                ))}
                <td className={`${cell} hidden sm:table-cell sm:w-1/3`}>
                  <div className="flex items-center justify-end gap-3">
                    <span
                      aria-hidden="true"
                      className="block h-2.5 flex-1 overflow-hidden rounded-full bg-bar-track"
                    >
                      <span
                        className="block h-full rounded-full bg-bar"
                        style={{ width: `${Math.round(row.bar * 100)}%` }}
                      />
                    </span>
                    <span className="w-11 shrink-0 text-right tabular text-muted">{row.share}</span>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className={footCell}>
                {totals.label}
              </th>
              {totals.counts.map((count, index) => (
                <td key={headers.counts[index]} className={`${footCell} text-right tabular`}>
                  {count === null ? null : formatNumber(count)}
                </td>
              ))}
              <td className={`${footCell} hidden sm:table-cell`} />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

async function numberFormatting() {
  const format = await getFormatter();
  return {
    format,
    formatNumber: (value: number) => format.number(value),
    percent: (value: number) => format.number(value, { style: "percent", maximumFractionDigits: 0 }),
  };
}

export async function DueSoonTable({ figures }: { figures: TodayFigures }) {
  const [t, { format, formatNumber, percent }] = await Promise.all([
    getTranslations("today.dueSoon"),
    numberFormatting(),
  ]);
  const total = figures.dueSoon.reduce((sum, day) => sum + day.loans, 0);
  const largest = Math.max(0, ...figures.dueSoon.map((day) => day.loans));
  return (
    <FigureTable
      id="due-soon"
      title={t("title")}
      description={t("caption", { days: DUE_SOON_DAYS })}
      headers={{ label: t("day"), counts: [t("loans"), t("patrons")], share: t("share") }}
      rows={figures.dueSoon.map((day) => ({
        key: day.date,
        label: (
          <>
            <span className="whitespace-nowrap">
              {format.dateTime(dayForDisplay(day.date), { weekday: "short", day: "numeric", month: "short" })}
            </span>{" "}
            {day.daysFromToday <= 1 ? (
              <span className="inline-block rounded bg-brand-soft px-1.5 py-0.5 text-xs font-medium text-brand-strong sm:ml-1">
                {day.daysFromToday === 0 ? t("today") : t("tomorrow")}
              </span>
            ) : null}
          </>
        ),
        counts: [day.loans, day.patrons],
        bar: ratio(day.loans, largest),
        share: percent(ratio(day.loans, total)),
      }))}
      totals={{ label: t("total"), counts: [total, null] }}
      formatNumber={formatNumber}
    />
  );
}

export async function OverdueTable({ figures }: { figures: TodayFigures }) {
  const [t, { formatNumber, percent }] = await Promise.all([
    getTranslations("today.overdue"),
    numberFormatting(),
  ]);
  const total = figures.headline.overdueLoans;
  const largest = Math.max(0, ...figures.overdue.map((bucket) => bucket.loans));
  return (
    <FigureTable
      id="overdue"
      title={t("title")}
      description={t("caption")}
      note={total === 0 ? t("none") : undefined}
      headers={{ label: t("daysLate"), counts: [t("loans"), t("patrons")], share: t("share") }}
      rows={figures.overdue.map((bucket) => ({
        key: String(bucket.fromDays),
        label:
          bucket.toDays === null
            ? t("openEnded", { from: bucket.fromDays })
            : t("range", { from: bucket.fromDays, to: bucket.toDays }),
        counts: [bucket.loans, bucket.patrons],
        bar: ratio(bucket.loans, largest),
        share: percent(ratio(bucket.loans, total)),
      }))}
      totals={{ label: t("total"), counts: [total, null] }}
      formatNumber={formatNumber}
    />
  );
}

export async function UnusableEmailTable({ figures }: { figures: TodayFigures }) {
  const [t, { formatNumber, percent }] = await Promise.all([
    getTranslations("today.unusableEmail"),
    numberFormatting(),
  ]);
  const allPatrons = figures.headline.patrons;
  const largest = Math.max(0, ...figures.unusableEmail.map((row) => row.patrons));
  const withOpenLoans = figures.unusableEmail.reduce((sum, row) => sum + row.withOpenLoans, 0);
  return (
    <FigureTable
      id="unusable-email"
      title={t("title")}
      description={t("caption")}
      headers={{ label: t("reason"), counts: [t("patrons"), t("withOpenLoans")], share: t("share") }}
      rows={figures.unusableEmail.map((row) => ({
        key: row.reason,
        label: t(`reasons.${row.reason}`),
        counts: [row.patrons, row.withOpenLoans],
        bar: ratio(row.patrons, largest),
        share: percent(ratio(row.patrons, allPatrons)),
      }))}
      totals={{ label: t("total"), counts: [figures.headline.patronsWithoutUsableEmail, withOpenLoans] }}
      formatNumber={formatNumber}
    />
  );
}
