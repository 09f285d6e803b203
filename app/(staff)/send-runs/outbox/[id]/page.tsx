import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/require-staff";
import { db } from "@/lib/db";
import { readOutboxEmail } from "@/lib/sending/read-outbox";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sendRuns.outbox");
  return { title: t("title") };
}

type Props = { params: Promise<{ id: string }> };

/** One captured email of the demo's outbox, shown in a sandboxed frame (no scripts, no forms). */
export default async function OutboxEmailPage({ params }: Props) {
  const { library } = await requireStaff("librarian");
  const { id } = await params;
  const [t, format] = await Promise.all([getTranslations("sendRuns.outbox"), getFormatter()]);
  const email = await readOutboxEmail(db, { libraryId: library.id, id });
  if (!email) notFound();
  return (
    <div className="flex flex-col gap-4">
      <Link href="/send-runs/outbox" className="font-medium underline">
        {t("back")}
      </Link>
      <h1 className="text-2xl font-semibold">{email.subject}</h1>
      <p>
        {t("to")}:{" "}
        <Link href={`/patrons/${email.patronId}`} className="underline">
          {email.to.join(", ")}
        </Link>{" "}
        · {format.dateTime(new Date(email.createdAt), { dateStyle: "medium", timeStyle: "medium" })}
      </p>
      <iframe
        title={t("preview")}
        srcDoc={email.html}
        sandbox=""
        className="h-[70vh] w-full rounded-lg border border-line bg-white"
      />
    </div>
  );
}
