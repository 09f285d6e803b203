import type { Metadata } from "next";
import Link from "next/link";
import type { Messages } from "next-intl";
import { getTranslations } from "next-intl/server";

export type PlannedPage = keyof Messages["pages"];

export async function comingSoonMetadata(page: PlannedPage): Promise<Metadata> {
  const t = await getTranslations("pages");
  return { title: t(`${page}.title`) };
}

/** A page that is planned but not built yet: says so plainly, and what it will do. */
export async function ComingSoon({ page }: { page: PlannedPage }) {
  const [t, tSoon] = await Promise.all([getTranslations("pages"), getTranslations("comingSoon")]);
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-semibold">{t(`${page}.title`)}</h1>
      <p className="mt-4 inline-block rounded-full bg-warn-soft px-3 py-1 text-sm font-medium text-warn">
        {tSoon("badge")}
      </p>
      <p className="mt-4 text-lg">{tSoon("lead")}</p>
      <section
        aria-labelledby="planned-heading"
        className="mt-6 rounded-lg border border-line bg-surface p-5"
      >
        <h2 id="planned-heading" className="font-semibold">
          {tSoon("plan")}
        </h2>
        <p className="mt-2 leading-relaxed">{t(`${page}.plan`)}</p>
      </section>
      <p className="mt-6">
        <Link href="/" className="font-medium underline">
          {tSoon("backToToday")}
        </Link>
      </p>
    </div>
  );
}
