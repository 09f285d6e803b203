import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { BOUNCE_RATE_LIMIT, COMPLAINT_RATE_LIMIT, type EmailHealth } from "@/lib/statistics/email-health";

/** Bounce and complaint rates of the last 30 days, each with its warning level and a link to the bounces. */
export async function EmailHealthSection({ health, canReview }: { health: EmailHealth; canReview: boolean }) {
  const [t, format] = await Promise.all([getTranslations("bounces.health"), getFormatter()]);
  const percent = (value: number, digits: number) =>
    format.number(value, { style: "percent", maximumFractionDigits: digits, minimumFractionDigits: 0 });
  const rows = [
    {
      key: "bounces",
      label: t("bounceRate"),
      rate: percent(health.bounceRate, 1),
      count: health.bounced,
      warning: health.bounceWarning,
      limit: percent(BOUNCE_RATE_LIMIT, 0),
      href: "/bounces?type=permanent_bounce&period=30",
    },
    {
      key: "complaints",
      label: t("complaintRate"),
      rate: percent(health.complaintRate, 2),
      count: health.complained,
      warning: health.complaintWarning,
      limit: percent(COMPLAINT_RATE_LIMIT, 2),
      href: "/bounces?type=complaint&period=30",
    },
  ];
  return (
    <section
      aria-labelledby="email-health-heading"
      className="rounded-lg border border-line bg-surface p-3 sm:p-5"
    >
      <h2 id="email-health-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {health.sent === 0 ? (
        <p className="mt-2 text-muted">{t("noMail")}</p>
      ) : (
        <dl className="mt-3 grid gap-3 sm:grid-cols-2">
          {rows.map((row) => (
            <div
              key={row.key}
              className={`flex flex-col-reverse justify-end rounded-md border p-3 ${row.warning ? "border-warn bg-warn-soft" : "border-line"}`}
            >
              <dt className="text-sm">
                <span className="font-medium">{row.label}</span>
                <span className="block text-muted">{t("of", { count: row.count, sent: health.sent })}</span>
                <span className={`block ${row.warning ? "font-medium text-warn" : "text-muted"}`}>
                  {row.warning ? t("warn", { limit: row.limit }) : t("ok", { limit: row.limit })}
                </span>
                {canReview ? (
                  <Link href={row.href} className="font-medium underline">
                    {t("review")}
                  </Link>
                ) : null}
              </dt>
              <dd className="text-3xl font-semibold tabular">{row.rate}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
