import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getStaffSession } from "@/lib/auth/get-staff-session";
import { CHANGE_PASSWORD_PATH, safeReturnPath } from "@/lib/auth/paths";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

type SearchParams = Promise<{ callbackUrl?: string; signedOut?: string; error?: string }>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const [params, staff, t] = await Promise.all([searchParams, getStaffSession(), getTranslations("signIn")]);
  const returnTo = safeReturnPath(params.callbackUrl);
  if (staff) redirect(staff.mustChangePassword ? CHANGE_PASSWORD_PATH : returnTo);
  return (
    <div className="rounded-lg border border-line bg-surface p-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-3 leading-relaxed text-muted">{t("intro")}</p>
      {params.signedOut ? (
        <p role="status" className="mt-4 rounded-md bg-brand-soft p-3 font-medium text-brand-strong">
          {t("signedOut")}
        </p>
      ) : null}
      <SignInForm returnTo={returnTo} initialError={params.error} />
      <p className="mt-6 text-sm text-muted">{t("forgotten")}</p>
    </div>
  );
}
