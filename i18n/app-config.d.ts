import type messages from "@/messages/nl.json";
import type { StaffLocale } from "./locales";

// Type-checked message keys and locales for next-intl's t() and getLocale().
declare module "next-intl" {
  interface AppConfig {
    Locale: StaffLocale;
    Messages: typeof messages;
  }
}
