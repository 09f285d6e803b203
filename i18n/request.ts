import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import type nl from "@/messages/nl.json";
import { DEFAULT_LOCALE, LOCALE_COOKIE, STAFF_TIME_ZONE, type StaffLocale, ZLocale } from "./locales";

// Every catalogue must have the Dutch one's shape: a missing key fails the type check.
const catalogues = {
  nl: () => import("@/messages/nl.json"),
  en: () => import("@/messages/en.json"),
} satisfies Record<StaffLocale, () => Promise<{ default: typeof nl }>>;

// No locale in the URL: staff pick a language once and the cookie keeps it.
export default getRequestConfig(async () => {
  const requested = ZLocale.safeParse((await cookies()).get(LOCALE_COOKIE)?.value);
  const locale = requested.success ? requested.data : DEFAULT_LOCALE;
  return {
    locale,
    timeZone: STAFF_TIME_ZONE,
    messages: (await catalogues[locale]()).default,
  };
});
