import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/require-staff";
import { db } from "@/lib/db";
import { PROBLEM_TYPES, type ProblemType } from "@/lib/feedback/email-problem";
import { BOUNCE_PERIODS, type BouncePeriod, type BounceRow, listBounces } from "@/lib/feedback/list-bounces";
import { BulkActions, RowActions } from "./bounce-forms";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("bounces");
  return { title: t("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const BULK_FORM = "bounce-bulk";
const selectClass = "rounded-md border border-field bg-surface px-3 py-2 text-ink";

function parseFilters(search: Record<string, string | string[] | undefined>) {
  const type = one(search.type);
  const period = one(search.period);
  const branch = one(search.branch);
  return {
    type: PROBLEM_TYPES.includes(type as ProblemType) ? (type as ProblemType) : null,
    period: BOUNCE_PERIODS.includes(period as BouncePeriod) ? (period as BouncePeriod) : "30",
    branchId: branch && /^\d{1,9}$/.test(branch) ? Number(branch) : null,
    dismissed: one(search.show) === "dismissed",
  };
}

async function DidWords({ row }: { row: BounceRow }) {
  const [t, format] = await Promise.all([getTranslations("bounces.did"), getFormatter()]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium" });
  const parts: string[] = [];
  if (row.did.addressDead) parts.push(t("addressDead"));
  if (row.did.flagged) parts.push(t("flagged"));
  if (row.did.softBounces && !row.did.addressDead)
    parts.push(t("softBounces", { count: row.did.softBounces }));
  if (row.did.oldAddress) parts.push(t("oldAddress"));
  const letter = row.did.letter;
  if (letter?.postedAt) parts.push(t("letterPosted", { date: day(letter.postedAt) }));
  else if (letter?.printedAt) parts.push(t("letterPrinted", { date: day(letter.printedAt) }));
  else if (letter?.status === "queued") parts.push(t("letterQueued"));
  else if (letter?.status === "cancelled") parts.push(t("letterCancelled"));
  else if (row.did.noLetterFallback) parts.push(t("noLetterFallback"));
  if (parts.length === 0) parts.push(t("nothing"));
  const [first, ...rest] = parts;
  return <>{[first, ...rest].join(" · ")}</>;
}

export default async function BouncesPage({ searchParams }: { searchParams: Search }) {
  const staff = await requireStaff("librarian");
  const { library } = staff;
  const filters = parseFilters(await searchParams);
  const [t, format] = await Promise.all([getTranslations("bounces"), getFormatter()]);
  const [branches, list] = await Promise.all([
    db.branch.findMany({
      where: { libraryId: library.id },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    listBounces(db, { libraryId: library.id, filters }),
  ]);
  const query = (type: ProblemType | null) => {
    const params = new URLSearchParams();
    if (type) params.set("type", type);
    if (filters.branchId) params.set("branch", String(filters.branchId));
    params.set("period", filters.period);
    if (filters.dismissed) params.set("show", "dismissed");
    return `/bounces?${params}`;
  };

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div className="max-w-3xl">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-muted">{t("lead")}</p>
        </div>
        <Link href="/settings/bounces" className="font-medium underline">
          {t("policyLink")}
        </Link>
      </header>

      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading" className="text-lg font-semibold">
          {t("countsTitle")} <span className="text-sm font-normal text-muted">({t("countsPeriod")})</span>
        </h2>
        <ul className="mt-2 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
          {PROBLEM_TYPES.map((type) => (
            <li key={type}>
              <Link
                href={query(filters.type === type ? null : type)}
                aria-current={filters.type === type ? "true" : undefined}
                className="flex h-full flex-col-reverse justify-end rounded-lg border border-line bg-surface p-3 hover:bg-brand-soft aria-[current=true]:border-brand aria-[current=true]:bg-brand-soft"
              >
                <span className="text-sm">{t(`types.${type}`)}</span>
                <span className="text-2xl font-semibold tabular">{format.number(list.counts[type])}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <form
        method="get"
        action="/bounces"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-line bg-surface p-4"
      >
        <h2 className="sr-only">{t("filters.title")}</h2>
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t("filters.branch")}</span>
          <select name="branch" defaultValue={filters.branchId ?? ""} className={selectClass}>
            <option value="">{t("filters.allBranches")}</option>
            {branches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t("filters.type")}</span>
          <select name="type" defaultValue={filters.type ?? ""} className={selectClass}>
            <option value="">{t("filters.allTypes")}</option>
            {PROBLEM_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t("filters.period")}</span>
          <select name="period" defaultValue={filters.period} className={selectClass}>
            {BOUNCE_PERIODS.map((period) => (
              <option key={period} value={period}>
                {t(`filters.periods.${period}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t("filters.show")}</span>
          <select name="show" defaultValue={filters.dismissed ? "dismissed" : "open"} className={selectClass}>
            <option value="open">{t("filters.open")}</option>
            <option value="dismissed">{t("filters.dismissed")}</option>
          </select>
        </label>
        <button
          type="submit"
          className="rounded-md bg-brand px-4 py-2 font-medium text-white hover:bg-brand-strong"
        >
          {t("filters.apply")}
        </button>
      </form>

      {list.rows.length === 0 ? (
        <p className="rounded-lg border border-line bg-surface p-5">{t("empty")}</p>
      ) : (
        <>
          {filters.dismissed ? null : <BulkActions formId={BULK_FORM} />}
          {list.truncated ? (
            <p className="font-medium">{t("truncated", { count: list.rows.length })}</p>
          ) : null}
          <ul aria-label={t("listLabel")} className="flex flex-col gap-3">
            {list.rows.map((row) => (
              <li
                key={row.eventId}
                className="grid gap-4 rounded-lg border border-line bg-surface p-4 lg:grid-cols-[auto_1fr_18rem]"
              >
                {filters.dismissed ? (
                  <span />
                ) : (
                  <input
                    type="checkbox"
                    name="eventId"
                    value={row.eventId}
                    form={BULK_FORM}
                    aria-label={t("select", { name: row.patron.name })}
                    className="mt-1 h-5 w-5"
                  />
                )}
                <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2 xl:grid-cols-3">
                  <div>
                    <dt className="text-sm text-muted">{t("columns.patron")}</dt>
                    <dd>
                      <Link href={`/patrons/${row.patron.id}`} className="font-medium underline">
                        {row.patron.name}
                      </Link>{" "}
                      <span className="text-sm text-muted tabular">
                        {t("card", { cardNumber: row.patron.cardNumber })}
                      </span>
                    </dd>
                  </div>
                  <div>
                    <dt className="text-sm text-muted">{t("columns.address")}</dt>
                    <dd className="break-all">
                      {row.address ?? "—"}
                      {row.patron.email && row.patron.email !== row.address ? (
                        <span className="block text-sm text-muted">
                          {t("nowAddress", { email: row.patron.email })}
                        </span>
                      ) : null}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-sm text-muted">{t("columns.branch")}</dt>
                    <dd>{row.branch}</dd>
                  </div>
                  <div>
                    <dt className="text-sm text-muted">{t("columns.type")}</dt>
                    <dd className="font-medium">{t(`types.${row.type}`)}</dd>
                  </div>
                  <div>
                    <dt className="text-sm text-muted">{t("columns.reason")}</dt>
                    <dd>{t(`reasons.${row.reason}`)}</dd>
                  </div>
                  <div>
                    <dt className="text-sm text-muted">{t("columns.date")}</dt>
                    <dd className="tabular">
                      {format.dateTime(row.occurredAt, { dateStyle: "medium", timeStyle: "short" })}
                    </dd>
                  </div>
                  <div className="sm:col-span-2 xl:col-span-3">
                    <dt className="text-sm text-muted">{t("columns.did")}</dt>
                    <dd>
                      <DidWords row={row} />
                      {row.dismissed ? (
                        <span className="block text-sm text-muted">
                          {row.dismissed.by
                            ? t("dismissedBy", {
                                date: format.dateTime(row.dismissed.at, { dateStyle: "medium" }),
                                name: row.dismissed.by,
                                note: row.dismissed.note ?? "",
                              })
                            : t("dismissedNoName", {
                                date: format.dateTime(row.dismissed.at, { dateStyle: "medium" }),
                                note: row.dismissed.note ?? "",
                              })}
                        </span>
                      ) : null}
                    </dd>
                  </div>
                </dl>
                {filters.dismissed ? null : (
                  <RowActions
                    eventId={row.eventId}
                    patronId={row.patron.id}
                    email={row.patron.email}
                    name={row.patron.name}
                  />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
