import type { LocalDate } from "@/lib/dates";
import { dictionaryFor } from "./dictionary";
import type { Language } from "./types";

export const NOTICE_TIME_ZONE = "Europe/Brussels";

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

export type DateStyle = "long" | "short" | "numeric";

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  /** dinsdag 17 maart 2026 / mardi 17 mars 2026 / Tuesday, 17 March 2026 */
  long: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
  /** 17 mrt 2026 / 17 mars 2026 / 17 Mar 2026 */
  short: { day: "numeric", month: "short", year: "numeric" },
  /** 17/03/2026 */
  numeric: { day: "2-digit", month: "2-digit", year: "numeric" },
};

/** A library-local day in the patron's language. The day is a calendar day: no time zone shift. */
export function formatDate(date: LocalDate, language: Language, style: DateStyle = "long"): string {
  const locale = dictionaryFor(language).locale;
  const key = `${locale}|${style}|${date}`;
  let formatted = formattedDates.get(key);
  if (formatted === undefined) {
    const formatter = cached(
      `d|${locale}|${style}`,
      () => new Intl.DateTimeFormat(locale, { ...DATE_OPTIONS[style], timeZone: "UTC" }),
    );
    formatted = formatter.format(new Date(`${date}T12:00:00Z`));
    if (formattedDates.size >= FORMATTED_DATES_SIZE) formattedDates.clear();
    formattedDates.set(key, formatted);
  }
  return formatted;
}

/**
 * A send run writes the same few dates (due dates, the plan date) in every email; formatting
 * one with Intl costs tens of microseconds, so each is formatted once per language and style.
 */
const formattedDates = new Map<string, string>();
const FORMATTED_DATES_SIZE = 10_000;

/** An instant as date and time in Brussels, e.g. for "sent on ...". */
export function formatDateTime(instant: Date, language: Language, timeZone = NOTICE_TIME_ZONE): string {
  const locale = dictionaryFor(language).locale;
  const formatter = cached(
    `dt|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone }),
  );
  return formatter.format(instant);
}

/** Cents as euros: "€ 1,50" (nl-BE), "1,50 €" (fr-BE), "€1.50" (en-GB). */
export function formatMoney(cents: number, language: Language): string {
  const locale = dictionaryFor(language).locale;
  const formatter = cached(
    `m|${locale}`,
    () => new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }),
  );
  return formatter.format(cents / 100);
}
