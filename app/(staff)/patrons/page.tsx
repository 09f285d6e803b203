import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/require-staff";
import { db } from "@/lib/db";
import { PATRON_SEARCH_LIMIT, searchPatrons, searchQueryProblem } from "@/lib/desk/search-patrons";
import { staffProblemText } from "@/lib/errors/staff-error-text";
import { libraryToday } from "@/lib/library/current-library";
import { PatronSearch } from "./patron-search";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("patronSearch");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The desk's patron search. Results come as you type (app/api/patrons/search); `?q=` is
 * searched here too, so a shared link, the back button and a browser without JavaScript
 * all show the same list.
 */
export default async function PatronsPage({ searchParams }: { searchParams: SearchParams }) {
  const { library, branchId } = await requireStaff("desk");
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const t = await getTranslations("patronSearch");
  // too long (or text no one typed, should it pass the proxy): said at the box, nothing searched
  const problem = searchQueryProblem(query);
  const results =
    !problem && query.trim()
      ? await searchPatrons(db, {
          libraryId: library.id,
          query,
          today: libraryToday(library),
          homeBranchId: branchId,
        })
      : [];

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-muted">{t("intro")}</p>
      </div>
      <PatronSearch
        initialQuery={query}
        initialResults={results}
        initialProblem={problem ? await staffProblemText(problem) : undefined}
        limit={PATRON_SEARCH_LIMIT}
      />
    </div>
  );
}
