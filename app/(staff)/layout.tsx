import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { FocusFirstError } from "@/components/focus-first-error";
import { LanguageSwitcher } from "@/components/language-switcher";
import { SignOutButton } from "@/components/sign-out-button";
import { StaffNav } from "@/components/staff-nav";
import { CHANGE_PASSWORD_PATH } from "@/lib/auth/paths";
import { requireStaff } from "@/lib/auth/require-staff";
import { roleAtLeast } from "@/lib/auth/roles";
import { STAFF_PAGES } from "@/lib/auth/staff-pages";
import { LibraryChooser } from "./library-chooser";

// Every staff page reads the database at request time; the build never touches it.
export const dynamic = "force-dynamic";

export default async function StaffLayout({ children }: { children: ReactNode }) {
  // Every page checks its own role too; this makes sure the shell never shows signed out.
  const staff = await requireStaff("desk");
  const [t, tNav, tRoles] = await Promise.all([
    getTranslations("shell"),
    getTranslations("nav"),
    getTranslations("roles"),
  ]);
  const nav = STAFF_PAGES.filter((page) => roleAtLeast(staff.role, page.role));
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
          <div className="flex min-w-0 flex-wrap items-baseline gap-x-3">
            <Link href="/" className="text-xl font-bold tracking-tight text-brand no-underline">
              Rappel
            </Link>
            {staff.libraryId === null ? (
              <LibraryChooser current={staff.library} />
            ) : (
              <span className="truncate text-sm text-muted">{staff.library.name}</span>
            )}
          </div>
          <div className="flex flex-wrap items-center gap-x-5 gap-y-2 print:hidden">
            <section aria-label={t("userMenu")} className="flex flex-wrap items-center gap-x-4 gap-y-2">
              <p className="text-sm leading-tight">
                <span className="sr-only">{t("account")} </span>
                <span className="block font-semibold">{staff.name}</span>
                <span className="block text-muted">
                  {tRoles(staff.role)}
                  {staff.branchName ? ` · ${staff.branchName}` : ""}
                </span>
              </p>
              <Link href={CHANGE_PASSWORD_PATH} className="text-sm underline">
                {t("changePassword")}
              </Link>
              <SignOutButton />
            </section>
            <LanguageSwitcher />
          </div>
        </div>
      </header>
      <div className="mx-auto flex w-full max-w-7xl flex-1 flex-col gap-6 px-4 py-4 sm:px-6 lg:flex-row lg:gap-8 lg:py-8">
        <div className="border-b border-line pb-3 lg:w-52 lg:shrink-0 lg:border-b-0 lg:pb-0 print:hidden">
          <StaffNav
            label={t("mainNavigation")}
            items={nav.map((item) => ({ href: item.href, label: tNav(item.key) }))}
          />
        </div>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 pb-12 focus:outline-none">
          {children}
        </main>
        <FocusFirstError />
      </div>
    </div>
  );
}
