import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { type AuditEntryWords, actionWords, auditWords, entityWords } from "@/components/audit-words";
import { inputClass, primaryButtonClass } from "@/components/form-field";
import { ScrollableTable } from "@/components/scrollable-table";
import { loadAuditNames } from "@/lib/audit/audit-names";
import { auditFilterOptions, listAuditEntries } from "@/lib/audit/list-audit-entries";
import { requireStaff } from "@/lib/auth/require-staff";
import { isLocalDate } from "@/lib/dates";
import { db } from "@/lib/db";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

const text = z.string().trim().min(1).max(100).optional().catch(undefined);
const day = z
  .string()
  .refine((value) => isLocalDate(value))
  .optional()
  .catch(undefined);
const ZAuditQuery = z.object({
  actor: z.coerce.number().int().positive().optional().catch(undefined),
  action: text,
  entity: text,
  entityId: text,
  from: day,
  to: day,
  page: z.coerce.number().int().positive().max(100_000).optional().catch(undefined),
});
type AuditQuery = z.infer<typeof ZAuditQuery>;

function queryString(query: AuditQuery, page?: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, page })) {
    if (value !== undefined && value !== "" && !(key === "page" && value === 1))
      params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `/audit?${s}` : "/audit";
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const { library } = await requireStaff("manager");
  const raw = await searchParams;
  const query = ZAuditQuery.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined])),
  );
  const [t, format, options, result] = await Promise.all([
    getTranslations("audit"),
    getFormatter(),
    auditFilterOptions(db, library.id),
    listAuditEntries(
      db,
      library.id,
      {
        actorId: query.actor,
        action: query.action,
        entityType: query.entity,
        entityId: query.entityId,
        from: query.from,
        to: query.to,
      },
      { page: query.page, timeZone: library.timeZone },
    ),
  ]);
  const names = await loadAuditNames(db, library.id, result.rows);
  const [describeEntry, actionName, entityName] = await Promise.all([
    auditWords(names),
    actionWords(),
    entityWords(),
  ]);
  const words = new Map(result.rows.map((row) => [row.id, describeEntry(row)]));
  const when = (at: Date) =>
    format.dateTime(at, {
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
  const filtered = Object.entries(query).some(([key, value]) => key !== "page" && value !== undefined);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-muted">{t("intro")}</p>
      </div>

      <form method="get" action="/audit" className="rounded-lg border border-line bg-surface p-4">
        <fieldset>
          <legend className="mb-3 font-semibold">{t("filters")}</legend>
          {query.entityId ? <input type="hidden" name="entityId" value={query.entityId} /> : null}
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-5">
            <div className="flex flex-col gap-1">
              <label htmlFor="filter-actor" className="text-sm font-medium">
                {t("actor")}
              </label>
              <select id="filter-actor" name="actor" defaultValue={query.actor ?? ""} className={inputClass}>
                <option value="">{t("any")}</option>
                {options.actors.map((actor) => (
                  <option key={actor.id} value={actor.id}>
                    {actor.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="filter-action" className="text-sm font-medium">
                {t("action")}
              </label>
              <select
                id="filter-action"
                name="action"
                defaultValue={query.action ?? ""}
                className={inputClass}
              >
                <option value="">{t("any")}</option>
                {options.actions.map((action) => (
                  <option key={action} value={action}>
                    {actionName(action)}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="filter-entity" className="text-sm font-medium">
                {t("entity")}
              </label>
              <select
                id="filter-entity"
                name="entity"
                defaultValue={query.entity ?? ""}
                className={inputClass}
              >
                <option value="">{t("any")}</option>
                {options.entityTypes.map((entity) => (
                  <option key={entity} value={entity}>
                    {entityName(entity)}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="filter-from" className="text-sm font-medium">
                {t("from")}
              </label>
              <input
                id="filter-from"
                name="from"
                type="date"
                defaultValue={query.from}
                className={inputClass}
              />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="filter-to" className="text-sm font-medium">
                {t("to")}
              </label>
              <input id="filter-to" name="to" type="date" defaultValue={query.to} className={inputClass} />
            </div>
          </div>
          <div className="mt-4 flex flex-wrap items-center gap-4">
            <button type="submit" className={primaryButtonClass}>
              {t("apply")}
            </button>
            {filtered ? (
              <Link href="/audit" className="underline">
                {t("clear")}
              </Link>
            ) : null}
          </div>
        </fieldset>
      </form>

      <section aria-labelledby="audit-results" className="flex flex-col gap-3">
        <h2 id="audit-results" className="font-semibold" aria-live="polite">
          {t("caption", { total: result.total })}
        </h2>
        {result.rows.length === 0 ? (
          <p className="rounded-lg border border-line bg-surface p-4 text-muted">{t("none")}</p>
        ) : (
          <>
            {/* Narrow screens: one card per entry; from sm up: the table. */}
            <ol className="flex flex-col gap-3 sm:hidden">
              {result.rows.map((row) => (
                <li key={row.id} className="rounded-lg border border-line bg-surface p-4 text-sm">
                  <p className="text-muted">{when(row.at)}</p>
                  <EntryWords words={words.get(row.id)} />
                </li>
              ))}
            </ol>
            <div className="hidden sm:block">
              <ScrollableTable label={t("tableLabel")}>
                <table className="w-full min-w-[48rem] text-left text-sm">
                  <thead className="border-b border-line bg-canvas">
                    <tr>
                      <th scope="col" className="px-4 py-2 font-semibold">
                        {t("when")}
                      </th>
                      <th scope="col" className="px-4 py-2 font-semibold">
                        {t("what")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.rows.map((row) => (
                      <tr key={row.id} className="border-b border-line align-top last:border-0">
                        <td className="whitespace-nowrap px-4 py-2 tabular">{when(row.at)}</td>
                        <td className="px-4 py-2">
                          <EntryWords words={words.get(row.id)} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollableTable>
            </div>
          </>
        )}
        {result.pageCount > 1 ? (
          <nav aria-label={t("pagination")} className="flex flex-wrap items-center gap-4">
            {result.page > 1 ? (
              <Link href={queryString(query, result.page - 1)} className="underline">
                {t("previous")}
              </Link>
            ) : null}
            <span>{t("page", { page: result.page, count: result.pageCount })}</span>
            {result.page < result.pageCount ? (
              <Link href={queryString(query, result.page + 1)} className="underline">
                {t("next")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}

/** One entry as a sentence, with the other changed values below it. */
function EntryWords({ words }: { words: AuditEntryWords | undefined }) {
  if (!words) return null;
  return (
    <>
      <p className="font-medium">{words.sentence}</p>
      {words.changes.length > 0 ? (
        <ul className="mt-1 text-muted">
          {words.changes.map((change) => (
            <li key={change.field}>
              {change.field}: {change.from === null ? change.to : `${change.from} → ${change.to}`}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
