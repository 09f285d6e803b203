import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ScrollableTable } from "@/components/scrollable-table";
import { requireStaff } from "@/lib/auth/require-staff";
import { db } from "@/lib/db";
import { hasOutbox, readOutbox } from "@/lib/sending/read-outbox";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sendRuns.outbox");
  return { title: t("title") };
}

const th = "px-3 py-2 font-semibold";
const td = "px-3 py-2";
const EVENTS = ["sent", "delivered", "bounced", "complained"] as const;

export default async function OutboxPage() {
  const { library } = await requireStaff("librarian");
  const [t, format] = await Promise.all([getTranslations("sendRuns.outbox"), getFormatter()]);
  const emails = hasOutbox() ? await readOutbox(db, { libraryId: library.id }) : null;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-muted">{hasOutbox() ? t("lead") : t("notDemo")}</p>
      </div>
      {hasOutbox() && emails === null ? <p role="alert">{t("unreachable")}</p> : null}
      {emails ? (
        <ScrollableTable label={t("caption", { count: emails.length })}>
          <table className="w-full min-w-[40rem] text-left text-sm" data-testid="outbox">
            <caption className="px-3 pt-2 text-left text-muted">
              {t("caption", { count: emails.length })}
            </caption>
            <thead className="border-b border-line bg-canvas">
              <tr>
                <th scope="col" className={th}>
                  {t("to")}
                </th>
                <th scope="col" className={th}>
                  {t("subject")}
                </th>
                <th scope="col" className={th}>
                  {t("at")}
                </th>
                <th scope="col" className={th}>
                  {t("state")}
                </th>
              </tr>
            </thead>
            <tbody>
              {emails.map((email) => {
                const event = EVENTS.find((e) => e === email.lastEvent);
                return (
                  <tr key={email.id} className="border-b border-line align-top last:border-0">
                    <th scope="row" className={`${td} font-medium`}>
                      {email.to.join(", ")}
                    </th>
                    <td className={td}>
                      <Link
                        href={`/send-runs/outbox/${email.id}`}
                        className="underline"
                        aria-label={t("openLabel", { to: email.to.join(", ") })}
                      >
                        {email.subject}
                      </Link>
                    </td>
                    <td className={`${td} whitespace-nowrap`}>
                      {format.dateTime(new Date(email.createdAt), {
                        dateStyle: "short",
                        timeStyle: "medium",
                      })}
                    </td>
                    <td className={td}>{event ? t(`events.${event}`) : email.lastEvent}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollableTable>
      ) : null}
    </div>
  );
}
