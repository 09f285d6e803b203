import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/require-staff";
import { db } from "@/lib/db";
import { getStaffUser, listBranchChoices } from "@/lib/staff/list-staff";
import { DisableStaffForm, EditStaffForm, ResetPasswordForm } from "../staff-forms";

type Params = Promise<{ id: string }>;

function parseId(value: string): number | null {
  return /^\d{1,9}$/.test(value) ? Number(value) : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations("staffAdmin");
  return { title: `${t("edit")} #${parseId((await params).id) ?? ""}` };
}

export default async function EditStaffPage({ params }: { params: Params }) {
  const me = await requireStaff("admin");
  const id = parseId((await params).id);
  if (id === null) notFound();
  const [t, tShell, user, branches] = await Promise.all([
    getTranslations("staffAdmin"),
    getTranslations("shell"),
    getStaffUser(db, me.library.id, id),
    listBranchChoices(db, me.library.id),
  ]);
  if (!user) notFound();
  const isSelf = user.id === me.id;
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <p>
        <Link href="/admin/staff" className="underline">
          {t("backToList")}
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-semibold">{t("editTitle", { name: user.name })}</h1>
        <p className="mt-1 text-muted">{user.email}</p>
        {user.disabledAt ? (
          <p className="mt-2 inline-block rounded-full bg-warn-soft px-3 py-1 text-sm font-medium text-warn">
            {t("disabled")}
          </p>
        ) : null}
      </div>
      {isSelf ? <p className="rounded-md bg-warn-soft p-3 text-warn">{t("ownAccountNote")}</p> : null}
      <section aria-labelledby="profile-heading" className="rounded-lg border border-line bg-surface p-5">
        <h2 id="profile-heading" className="mb-4 text-lg font-semibold">
          {t("profile")}
        </h2>
        <p className="mb-4 text-sm text-muted">{t("emailFixed")}</p>
        <EditStaffForm
          id={user.id}
          profile={{ name: user.name, role: user.role, branchId: user.branchId }}
          branches={branches}
          isSelf={isSelf}
        />
      </section>
      <section aria-labelledby="access-heading" className="rounded-lg border border-line bg-surface p-5">
        <h2 id="access-heading" className="mb-4 text-lg font-semibold">
          {t("access")}
        </h2>
        <div className="flex flex-col gap-6">
          {isSelf ? (
            <Link href="/change-password" className="underline">
              {tShell("changePassword")}
            </Link>
          ) : (
            <>
              <ResetPasswordForm id={user.id} />
              <DisableStaffForm id={user.id} disabled={user.disabledAt !== null} />
            </>
          )}
        </div>
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="text-lg font-semibold">
          {t("history")}
        </h2>
        <p className="mt-2">
          <Link href={`/audit?entity=StaffUser&entityId=${user.id}`} className="underline">
            {t("historyLink")}
          </Link>
        </p>
      </section>
    </div>
  );
}
