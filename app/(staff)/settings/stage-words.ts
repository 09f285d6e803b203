import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import type { StageField, StageLabels, StageValues } from "@/lib/settings/stage-settings";

export function stageLabel(labels: StageLabels, locale: string, key: string): string {
  return labels[locale as keyof StageLabels] || labels.nl || labels.en || labels.fr || key;
}

/** The words for one field's value: "3 dagen vóór de inleverdatum", "€ 2,50", "brief". */
export async function fieldWords() {
  const [t, format] = await Promise.all([getTranslations("settings"), getFormatter()]);
  return <F extends StageField>(field: F, value: StageValues[F]): string => {
    switch (field) {
      case "offsetDays": {
        const days = value as number;
        if (days < 0) return t("whenBefore", { days: -days });
        if (days > 0) return t("whenAfter", { days });
        return t("whenOn");
      }
      case "feeCents":
        return format.number((value as number) / 100, { style: "currency", currency: "EUR" });
      case "enabled":
        return value ? t("yes") : t("no");
      case "dayCount":
        return t(`dayCounts.${value as "calendar"}`);
      case "channel":
        return t(`channels.${value as "email"}`);
      case "fallback":
        return t(`fallbacks.${value as "none"}`);
      default:
        return t(`audiences.${value as "all"}`);
    }
  };
}
