import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/require-staff";
import { db } from "@/lib/db";
import { BOUNCE_POLICY_LIMITS, loadBouncePolicy } from "@/lib/feedback/bounce-policy";
import { BouncePolicyForm } from "./policy-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("bounces.policy");
  return { title: t("title") };
}

/** Settings -> Bounces: the library's bounce rules, with their defaults. */
export default async function BouncePolicyPage() {
  const staff = await requireStaff("librarian");
  const { library } = staff;
  const [t, policy] = await Promise.all([
    getTranslations("bounces.policy"),
    loadBouncePolicy(db, library.id),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <p>
        <Link href="/bounces" className="underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-3xl text-muted">{t("lead")}</p>
      <p className="max-w-3xl">{t("defaults")}</p>
      <BouncePolicyForm policy={policy} limits={BOUNCE_POLICY_LIMITS} />
    </div>
  );
}
