import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/require-staff";
import { db } from "@/lib/db";
import { listBranchChoices } from "@/lib/staff/list-staff";
import { CreateStaffForm } from "../staff-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffAdmin");
  return { title: t("createTitle") };
}

export default async function NewStaffPage() {
  const { library } = await requireStaff("admin");
  const [t, branches] = await Promise.all([getTranslations("staffAdmin"), listBranchChoices(db, library.id)]);
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <p>
        <Link href="/admin/staff" className="underline">
          {t("backToList")}
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-semibold">{t("createTitle")}</h1>
        <p className="mt-2 leading-relaxed text-muted">{t("createIntro")}</p>
      </div>
      <section className="rounded-lg border border-line bg-surface p-5">
        <CreateStaffForm branches={branches} />
      </section>
    </div>
  );
}
