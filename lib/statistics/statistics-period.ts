import { addDays, daysBetween, isLocalDate, type LocalDate } from "@/lib/dates";

export const PERIOD_PRESETS = ["last30", "last90", "last365", "thisYear", "lastYear", "custom"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** Longest custom period: three years keep a chart of months readable. */
export const MAX_PERIOD_DAYS = 3 * 366;

export type PeriodChoice = {
  preset: PeriodPreset;
  from: LocalDate;
  to: LocalDate;
  /** why the custom period asked for could not be used (the default is shown instead) */
  error: "invalidDate" | "fromAfterTo" | "tooLong" | "future" | null;
  /** what was typed, kept for the form after a refusal */
  typedFrom: string;
  typedTo: string;
};

/**
 * The period of the Statistics page from its query: a preset, counted back from the library's
 * yesterday (today's notices are still going out), or a custom from/to of library-local days.
 */
export function choosePeriod(
  input: { period?: string; from?: string; to?: string },
  today: LocalDate,
): PeriodChoice {
  const yesterday = addDays(today, -1);
  const preset = PERIOD_PRESETS.includes(input.period as PeriodPreset)
    ? (input.period as PeriodPreset)
    : "last365";
  const typedFrom = input.from ?? "";
  const typedTo = input.to ?? "";
  const fixed = (p: Exclude<PeriodPreset, "custom">): { from: LocalDate; to: LocalDate } => {
    const year = Number(today.slice(0, 4));
    if (p === "last30") return { from: addDays(yesterday, -29), to: yesterday };
    if (p === "last90") return { from: addDays(yesterday, -89), to: yesterday };
    if (p === "thisYear")
      return { from: `${year}-01-01`, to: yesterday < `${year}-01-01` ? today : yesterday };
    if (p === "lastYear") return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    return { from: addDays(yesterday, -364), to: yesterday };
  };
  if (preset !== "custom") return { preset, ...fixed(preset), error: null, typedFrom, typedTo };
  const refuse = (error: NonNullable<PeriodChoice["error"]>): PeriodChoice => ({
    preset,
    ...fixed("last365"),
    error,
    typedFrom,
    typedTo,
  });
  if (!isLocalDate(typedFrom) || !isLocalDate(typedTo)) return refuse("invalidDate");
  if (typedFrom > typedTo) return refuse("fromAfterTo");
  if (typedFrom > today) return refuse("future");
  if (daysBetween(typedFrom, typedTo) + 1 > MAX_PERIOD_DAYS) return refuse("tooLong");
  return { preset, from: typedFrom, to: typedTo, error: null, typedFrom, typedTo };
}
