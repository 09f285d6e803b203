import "server-only";
import { getFormatter } from "next-intl/server";
import type { LocalDate } from "@/lib/dates";
import { type ChannelReason, formatChannelReason } from "@/lib/planning/channel-reason";

/** Dates and times the way the patron page shows them, in the staff member's language. */
export async function patronFormats() {
  const format = await getFormatter();
  return {
    /** a library-local day: noon UTC is inside that day in every European time zone */
    day: (date: LocalDate) => format.dateTime(new Date(`${date}T12:00:00Z`), { dateStyle: "medium" }),
    instantDay: (date: Date) => format.dateTime(date, { dateStyle: "medium" }),
    instant: (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }),
    euros: (cents: number) => format.number(cents / 100, { style: "currency", currency: "EUR" }),
  };
}

/**
 * Why a notice has its channel, in the staff member's language: from the planner's structured
 * reason (Notice.channelReasonDetail), else the stored words (notices made before it was kept).
 */
export function channelReasonWords(
  notice: { channelReason: string; channelReasonDetail: ChannelReason | null },
  locale: string,
): string {
  const detail = notice.channelReasonDetail;
  if (detail && typeof detail === "object" && "code" in detail)
    return formatChannelReason(detail, locale === "nl" ? "nl" : "en");
  return notice.channelReason;
}
