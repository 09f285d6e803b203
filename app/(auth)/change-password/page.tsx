import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getStaffSession } from "@/lib/auth/get-staff-session";
import { signInPath } from "@/lib/auth/paths";
import { ChangePasswordForm } from "./change-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("changePassword");
  return { title: t("title") };
}

/** Forced after a password reset (requireStaff sends people here), or chosen from the header. */
export default async function ChangePasswordPage() {
  const staff = await getStaffSession();
  if (!staff) redirect(signInPath("/change-password"));
  const t = await getTranslations("changePassword");
  return (
    <div className="rounded-lg border border-line bg-surface p-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-3 leading-relaxed">{staff.mustChangePassword ? t("forced") : t("voluntary")}</p>
      <p className="mt-1 text-sm text-muted">{staff.email}</p>
      <ChangePasswordForm forced={staff.mustChangePassword} email={staff.email} />
    </div>
  );
}
