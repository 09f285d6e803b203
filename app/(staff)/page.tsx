import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/require-staff";
import { roleAtLeast } from "@/lib/auth/roles";
import { addDays, localTimeToInstant } from "@/lib/dates";
import { db } from "@/lib/db";
import { libraryToday } from "@/lib/library/current-library";
import { getEmailHealth } from "@/lib/statistics/email-health";
import { getTodayFigures } from "@/lib/statistics/today-figures";
import { EmailHealthSection } from "./_today/email-health";
import {
  DueSoonTable,
  FiguresDate,
  HeadlineCards,
  OverdueTable,
  UnusableEmailTable,
} from "./_today/today-sections";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("today");
  return { title: t("title") };
}

export default async function TodayPage() {
  const staff = await requireStaff("desk");
  const { library } = staff;
  const t = await getTranslations("today");
  const today = libraryToday(library);
  const stages = await db.noticeStage.findMany({
    where: { libraryId: library.id, kind: "overdue", enabled: true },
    select: { offsetDays: true },
  });
  const [figures, health] = await Promise.all([
    getTodayFigures(db, {
      libraryId: library.id,
      today,
      overdueStageOffsets: stages.map((stage) => stage.offsetDays),
    }),
    // up to the end of the library's today (which a demo or test may pin)
    getEmailHealth(db, {
      libraryId: library.id,
      now: localTimeToInstant(addDays(today, 1), "00:00", library.timeZone),
    }),
  ]);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <FiguresDate today={today} />
        {roleAtLeast(staff.role, "librarian") ? (
          <Link href="/dry-run" className="mt-1 inline-block font-medium underline">
            {t("dryRunLink")}
          </Link>
        ) : null}
      </div>
      <HeadlineCards figures={figures} />
      <div className="grid grid-cols-1 gap-6 2xl:grid-cols-2">
        <DueSoonTable figures={figures} />
        <OverdueTable figures={figures} />
      </div>
      <UnusableEmailTable figures={figures} />
      <EmailHealthSection health={health} canReview={roleAtLeast(staff.role, "librarian")} />
    </div>
  );
}
