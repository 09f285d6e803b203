import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PrintLetterButton } from "@/components/desk/print-letter-button";
import { requireStaff } from "@/lib/auth/require-staff";
import { db } from "@/lib/db";
import { loadPatronStory } from "@/lib/desk/patron-story";
import { libraryToday, type StaffLibrary } from "@/lib/library/current-library";
import { NoticeTimeline } from "./notice-timeline";
import {
  ContactSection,
  FlagsSection,
  HistorySection,
  LoansSection,
  NotesSection,
  PreferencesSection,
} from "./patron-sections";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

function parseId(value: string): number | null {
  return /^\d{1,9}$/.test(value) ? Number(value) : null;
}

async function loadStory(id: number | null, library: StaffLibrary) {
  if (id === null) return null;
  return loadPatronStory(db, {
    patronId: id,
    libraryId: library.id,
    today: libraryToday(library),
    timeZone: library.timeZone,
  });
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { library } = await requireStaff("desk");
  const id = parseId((await params).id);
  const patron =
    id === null
      ? null
      : await db.patron.findFirst({
          where: { id, libraryId: library.id },
          select: { firstName: true, lastName: true },
        });
  return { title: patron ? `${patron.firstName} ${patron.lastName}` : `#${id ?? ""}` };
}

export default async function PatronPage({ params }: { params: Params }) {
  const staff = await requireStaff("desk");
  const story = await loadStory(parseId((await params).id), staff.library);
  if (!story) notFound();
  const [t, tLanguage] = await Promise.all([getTranslations("patron"), getTranslations("patron.languages")]);
  const { patron } = story;
  const latest = story.notices[0];
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/patrons" className="underline">
          {t("backToSearch")}
        </Link>
      </p>
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">
            {patron.firstName} {patron.lastName}
          </h1>
          <p className="mt-1 flex flex-wrap gap-x-3 text-muted">
            <span className="tabular">{t("card", { cardNumber: patron.cardNumber })}</span>
            <span>{t("homeBranch", { branch: patron.homeBranch })}</span>
            <span>{t("languageLabel", { language: tLanguage(patron.language) })}</span>
          </p>
        </div>
        {latest ? (
          <section aria-label={t("printLatest")} className="flex flex-col gap-1">
            <p className="text-sm text-muted">{t("printLatest")}</p>
            <PrintLetterButton noticeId={latest.id} />
          </section>
        ) : null}
      </header>
      <FlagsSection flags={story.flags} />
      <div className="grid gap-6 lg:grid-cols-2">
        <ContactSection story={story} />
        <PreferencesSection story={story} />
      </div>
      <LoansSection story={story} />
      <NoticeTimeline notices={story.notices} />
      <div className="grid gap-6 lg:grid-cols-2">
        <NotesSection story={story} />
        <HistorySection story={story} libraryId={staff.library.id} />
      </div>
    </div>
  );
}
