import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getStaffSession } from "@/lib/auth/get-staff-session";
import { refusedPage } from "@/lib/auth/require-staff";

/**
 * What a staff member sees, with HTTP 403, on a page their role may not open (requireStaff
 * calls forbidden()): which role the page needs and who to ask.
 */
export default async function Forbidden() {
  const [staff, t, tRoles] = await Promise.all([
    getStaffSession(),
    getTranslations("forbidden"),
    getTranslations("roles"),
  ]);
  const { need } = refusedPage();
  return (
    <div className="max-w-2xl">
      <title>{t("title")}</title>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <div className="mt-6 rounded-lg border border-line bg-surface p-5">
        <p className="text-lg">{t("body")}</p>
        {need && staff ? (
          <p className="mt-3 leading-relaxed">
            {t("needRole", { need: tRoles(need), role: tRoles(staff.role) })}
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
