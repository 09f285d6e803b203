import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ScrollableTable } from "@/components/scrollable-table";
import { requireStaff } from "@/lib/auth/require-staff";
import { db } from "@/lib/db";
import { libraryToday } from "@/lib/library/current-library";
import { publicBaseUrl } from "@/lib/rendering/public-base-url";
import { euroInputText } from "@/lib/settings/euro-amount";
import {
  DEFAULT_RENEWAL_LIMITS,
  loadBranchRenewalLimits,
  RENEWAL_LIMIT_RANGES,
  type RenewalLimits,
} from "@/lib/settings/renewal-limits";
import {
  DEFAULT_LINK_VALIDITY_DAYS,
  exampleLinkPath,
  LINK_VALIDITY_DAYS_RANGE,
  loadSelfServiceSettings,
} from "@/lib/settings/self-service-settings";
import { RenewalLimitsForm, type RenewalLimitsValues, SelfServiceLinksForm } from "./self-service-forms";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.selfService");
  return { title: t("title") };
}

const th = "px-3 py-2 font-semibold";
const td = "px-3 py-2";

/**
 * Settings -> Self-service: where the links in notices point, how long they work, and per
 * branch the limits of renewing (the one renewal rule of lib/loans reads them).
 */
export default async function SelfServiceSettingsPage({
  searchParams,
}: {
  searchParams: Promise<{ branch?: string }>;
}) {
  const { library } = await requireStaff("librarian");
  const [t, tLimits, format, locale, params, links, branches, dashboardOrigin] = await Promise.all([
    getTranslations("settings.selfService"),
    getTranslations("settings.renewalLimits"),
    getFormatter(),
    getLocale(),
    searchParams,
    loadSelfServiceSettings(db, library.id),
    loadBranchRenewalLimits(db, library.id),
    publicBaseUrl(),
  ]);
  const today = libraryToday(library);
  const editing = branches.find((branch) => branch.id === Number(params.branch)) ?? null;

  const euros = (cents: number) => format.number(cents / 100, { style: "currency", currency: "EUR" });
  /** A limit in words: "3", "21 days", "€ 5,00", "no limit". */
  const words: { [F in keyof RenewalLimits]: (value: RenewalLimits[F]) => string } = {
    renewalMaxCount: (value) => tLimits("count", { count: value }),
    renewalPeriodDays: (value) => tLimits("days", { days: value }),
    renewalMaxFeesCents: (value) => (value === null ? tLimits("noLimit") : euros(value)),
    renewalMaxOverdueDays: (value) =>
      value === null ? tLimits("noLimit") : tLimits("days", { days: value }),
  };
  const columns = [
    "renewalMaxCount",
    "renewalPeriodDays",
    "renewalMaxFeesCents",
    "renewalMaxOverdueDays",
  ] as const;
  const cell = <F extends keyof RenewalLimits>(branch: RenewalLimits, field: F) => {
    const value = branch[field];
    const isDefault = value === DEFAULT_RENEWAL_LIMITS[field];
    return (
      <>
        <span className={isDefault ? "" : "font-semibold"}>{words[field](value)}</span>
        <span className={`block text-xs ${isDefault ? "text-muted" : "font-medium text-brand-strong"}`}>
          {isDefault
            ? tLimits("isDefault")
            : tLimits("ownValue", { value: words[field](DEFAULT_RENEWAL_LIMITS[field]) })}
        </span>
      </>
    );
  };
  const formText = (branch: RenewalLimits): RenewalLimitsValues => ({
    renewalMaxCount: String(branch.renewalMaxCount),
    renewalPeriodDays: String(branch.renewalPeriodDays),
    renewalMaxFees:
      branch.renewalMaxFeesCents === null ? "" : euroInputText(branch.renewalMaxFeesCents, locale),
    renewalMaxOverdueDays: branch.renewalMaxOverdueDays === null ? "" : String(branch.renewalMaxOverdueDays),
  });
  const range = (field: keyof RenewalLimits) => {
    const [min, max] = RENEWAL_LIMIT_RANGES[field];
    return field === "renewalMaxFeesCents"
      ? tLimits("range", { min: euros(min), max: euros(max) })
      : tLimits("range", { min, max });
  };

  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/settings" className="underline">
          {t("back")}
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-muted">{t("lead")}</p>
      </div>

      <section aria-labelledby="links-title" className="rounded-lg border border-line bg-surface p-5">
        <h2 id="links-title" className="mb-1 text-lg font-semibold">
          {t("linksTitle")}
        </h2>
        <p className="mb-4 max-w-3xl text-muted">{t("linksLead")}</p>
        <SelfServiceLinksForm
          saved={links}
          dashboardOrigin={dashboardOrigin}
          examplePath={exampleLinkPath(today, links.linkValidityDays)}
          today={today}
          range={LINK_VALIDITY_DAYS_RANGE}
          defaultDays={DEFAULT_LINK_VALIDITY_DAYS}
        />
      </section>

      <section aria-labelledby="limits-title" className="flex flex-col gap-3">
        <h2 id="limits-title" className="text-lg font-semibold">
          {tLimits("title")}
        </h2>
        <p className="max-w-3xl text-muted">{tLimits("lead")}</p>
        <p className="max-w-3xl">
          {tLimits("defaults", {
            count: words.renewalMaxCount(DEFAULT_RENEWAL_LIMITS.renewalMaxCount),
            period: words.renewalPeriodDays(DEFAULT_RENEWAL_LIMITS.renewalPeriodDays),
            fees: words.renewalMaxFeesCents(DEFAULT_RENEWAL_LIMITS.renewalMaxFeesCents),
            overdue: words.renewalMaxOverdueDays(DEFAULT_RENEWAL_LIMITS.renewalMaxOverdueDays),
          })}
        </p>
        <ScrollableTable label={tLimits("tableLabel")}>
          <table className="relative w-full min-w-[44rem] text-left text-sm">
            <caption className="sr-only">{tLimits("tableLabel")}</caption>
            <thead className="border-b border-line bg-canvas">
              <tr>
                <th scope="col" className={th}>
                  {tLimits("branch")}
                </th>
                {columns.map((field) => (
                  <th key={field} scope="col" className={th}>
                    {tLimits(`columns.${field}`)}
                  </th>
                ))}
                <th scope="col" className={th}>
                  <span className="sr-only">{tLimits("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {branches.map((branch) => (
                <tr key={branch.id} className="border-b border-line align-top last:border-0">
                  <th scope="row" className={`${td} font-medium`}>
                    {branch.name}
                  </th>
                  {columns.map((field) => (
                    <td key={field} className={td}>
                      {cell(branch, field)}
                    </td>
                  ))}
                  <td className={td}>
                    <Link
                      href={`/settings/self-service?branch=${branch.id}#limits-edit`}
                      className="underline"
                      aria-label={tLimits("editLabel", { branch: branch.name })}
                    >
                      {tLimits("edit")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
        {params.branch && !editing ? <p role="status">{tLimits("unknownBranch")}</p> : null}
      </section>

      {editing ? (
        <section
          id="limits-edit"
          aria-labelledby="limits-edit-title"
          className="rounded-lg border border-line bg-surface p-5"
        >
          <h2 id="limits-edit-title" className="mb-4 text-lg font-semibold">
            {tLimits("editTitle", { branch: editing.name })}
          </h2>
          <RenewalLimitsForm
            key={editing.id}
            branch={{ id: editing.id, name: editing.name }}
            values={formText(editing)}
            defaults={{
              renewalMaxCount: words.renewalMaxCount(DEFAULT_RENEWAL_LIMITS.renewalMaxCount),
              renewalPeriodDays: words.renewalPeriodDays(DEFAULT_RENEWAL_LIMITS.renewalPeriodDays),
              renewalMaxFees: words.renewalMaxFeesCents(DEFAULT_RENEWAL_LIMITS.renewalMaxFeesCents),
              renewalMaxOverdueDays: words.renewalMaxOverdueDays(
                DEFAULT_RENEWAL_LIMITS.renewalMaxOverdueDays,
              ),
            }}
            ranges={{
              renewalMaxCount: range("renewalMaxCount"),
              renewalPeriodDays: range("renewalPeriodDays"),
              renewalMaxFees: range("renewalMaxFeesCents"),
              renewalMaxOverdueDays: range("renewalMaxOverdueDays"),
            }}
            cancelHref="/settings/self-service"
          />
        </section>
      ) : null}
    </div>
  );
}
