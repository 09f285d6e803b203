import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/require-staff";
import { STAFF_ROLES } from "@/lib/auth/roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("forbidden");
  return { title: t("title") };
}

/** Where requireStaff() sends someone whose role is too low for the page they asked for. */
export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<{ need?: string }> }) {
  const staff = await requireStaff("desk");
  const [{ need }, t, tRoles] = await Promise.all([
    searchParams,
    getTranslations("forbidden"),
    getTranslations("roles"),
  ]);
  const needed = STAFF_ROLES.find((role) => role === need);
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <div className="mt-6 rounded-lg border border-line bg-surface p-5">
        <p className="text-lg">{t("body")}</p>
        {needed ? (
          <p className="mt-3 leading-relaxed">
            {t("needRole", { need: tRoles(needed), role: tRoles(staff.role) })}
          </p>
        ) : null}
        <p className="mt-3 leading-relaxed text-muted">{t("ask")}</p>
      </div>
      <p className="mt-6">
        <Link href="/" className="font-medium underline">
          {t("backToToday")}
        </Link>
      </p>
    </div>
  );
}
