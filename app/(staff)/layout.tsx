import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/components/language-switcher";
import { StaffNav } from "@/components/staff-nav";
import { db } from "@/lib/db";
import { getCurrentLibrary } from "@/lib/library/current-library";

// Every staff page reads the database at request time; the build never touches it.
export const dynamic = "force-dynamic";

const NAV = [
  { href: "/", key: "today" },
  { href: "/patrons", key: "patrons" },
  { href: "/settings", key: "settings" },
  { href: "/templates", key: "templates" },
  { href: "/send-runs", key: "sendRuns" },
  { href: "/bounces", key: "bounces" },
  { href: "/letters", key: "letters" },
  { href: "/statistics", key: "statistics" },
] as const;

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const [t, tNav, library] = await Promise.all([
    getTranslations("shell"),
    getTranslations("nav"),
    getCurrentLibrary(db),
  ]);
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
          <div className="flex min-w-0 flex-wrap items-baseline gap-x-3">
            <Link href="/" className="text-xl font-bold tracking-tight text-brand no-underline">
              Rappel
            </Link>
            <span className="truncate text-sm text-muted">{library?.name ?? t("noLibrary")}</span>
          </div>
          <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
            {/* Sign-in comes with the next release; this is where the signed-in user will show. */}
            <p className="text-sm">
              <span className="text-muted">{t("notSignedIn")}</span>
              <span aria-hidden="true" className="px-1.5 text-muted">
                ·
              </span>
              <Link href="/sign-in" className="font-medium underline">
                {t("signIn")}
              </Link>
            </p>
            <LanguageSwitcher />
          </div>
        </div>
      </header>
      <div className="mx-auto flex w-full max-w-7xl flex-1 flex-col gap-6 px-4 py-4 sm:px-6 lg:flex-row lg:gap-8 lg:py-8">
        <div className="border-b border-line pb-3 lg:w-52 lg:shrink-0 lg:border-b-0 lg:pb-0">
          <StaffNav
            label={t("mainNavigation")}
            items={NAV.map((item) => ({ href: item.href, label: tNav(item.key) }))}
          />
        </div>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 pb-12 focus:outline-none">
          {children}
        </main>
      </div>
    </div>
  );
}
