import { z } from "zod";

/** The staff UI's languages. Dutch first: the libraries using Rappel are Flemish. */
export const LOCALES = ["nl", "en"] as const;
export type StaffLocale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: StaffLocale = "nl";

/** The cookie that remembers the chosen language (next-intl's conventional name). */
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** Dates on the staff screens are library-local; the libraries are in Belgium. */
export const STAFF_TIME_ZONE = "Europe/Brussels";

export const ZLocale = z.enum(LOCALES);

/** Each language's name in that language: a switcher shows it the way its readers know it. */
export const LOCALE_NAMES: Record<StaffLocale, string> = {
  nl: "Nederlands",
  en: "English",
};
