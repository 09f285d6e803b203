import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ScrollableTable } from "@/components/scrollable-table";
import { requireStaff } from "@/lib/auth/require-staff";
import { db } from "@/lib/db";
import { listStaffUsers, type StaffListRow } from "@/lib/staff/list-staff";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffAdmin");
  return { title: t("title") };
}

async function StatusText({ user, now }: { user: StaffListRow; now: Date }) {
  const [t, format] = await Promise.all([getTranslations("staffAdmin"), getFormatter()]);
  const parts: string[] = [];
  if (user.disabledAt) parts.push(t("disabled"));
  else if (user.lockedUntil && user.lockedUntil > now)
    parts.push(
      t("lockedUntil", { time: format.dateTime(user.lockedUntil, { hour: "2-digit", minute: "2-digit" }) }),
    );
  else parts.push(t("active"));
  if (user.mustChangePassword && !user.disabledAt) parts.push(t("mustChange"));
  return <>{parts.join(" · ")}</>;
}

export default async function StaffListPage() {
  const me = await requireStaff("admin");
  const [t, tRoles, format, users] = await Promise.all([
    getTranslations("staffAdmin"),
    getTranslations("roles"),
    getFormatter(),
    listStaffUsers(db, me.library.id),
  ]);
  const now = new Date();
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-muted">{t("intro")}</p>
        </div>
        <Link
          href="/admin/staff/new"
          className="rounded-md bg-brand px-4 py-2 font-medium text-white no-underline hover:bg-brand-strong hover:text-white"
        >
          {t("new")}
        </Link>
      </div>
      <ScrollableTable label={t("caption")}>
        <table className="w-full min-w-[44rem] text-left text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="border-b border-line bg-canvas">
            <tr>
              <th scope="col" className="px-4 py-2 font-semibold">
                {t("name")}
              </th>
              <th scope="col" className="px-4 py-2 font-semibold">
                {t("role")}
              </th>
              <th scope="col" className="px-4 py-2 font-semibold">
                {t("branch")}
              </th>
              <th scope="col" className="px-4 py-2 font-semibold">
                {t("status")}
              </th>
              <th scope="col" className="px-4 py-2 font-semibold">
                {t("lastSignIn")}
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr
                key={user.id}
                className={`border-b border-line last:border-0 ${user.disabledAt ? "text-muted" : ""}`}
              >
                <th scope="row" className="px-4 py-2 font-normal">
                  <Link href={`/admin/staff/${user.id}`} className="font-medium underline">
                    {user.name}
                  </Link>
                  {user.id === me.id ? <span className="text-muted"> ({t("you")})</span> : null}
                  <span className="block text-muted">{user.email}</span>
                </th>
                <td className="px-4 py-2">{tRoles(user.role)}</td>
                <td className="px-4 py-2">{user.branch?.name ?? t("allBranches")}</td>
                <td className="px-4 py-2">
                  <StatusText user={user} now={now} />
                </td>
                <td className="px-4 py-2">
                  {user.lastSignInAt
                    ? format.dateTime(user.lastSignInAt, {
                        day: "numeric",
                        month: "short",
                        year: "numeric",
                        hour: "2-digit",
                        minute: "2-digit",
                      })
                    : t("never")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
    </div>
  );
}
