import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

// A placeholder until staff accounts arrive (next-auth with a credentials provider); the
// sign-in form replaces the body of this page, the (auth) layout stays.
export default async function SignInPage() {
  const t = await getTranslations("signIn");
  return (
    <div className="rounded-lg border border-line bg-surface p-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-4 leading-relaxed">{t("comingSoon")}</p>
      <p className="mt-3 rounded-md bg-warn-soft p-3 leading-relaxed text-warn">{t("openForNow")}</p>
      <p className="mt-6">
        <Link href="/" className="font-medium underline">
          {t("toDashboard")}
        </Link>
      </p>
    </div>
  );
}
