import { staffRoute } from "@/lib/auth/staff-route";
import { db } from "@/lib/db";
import { searchPatrons, searchQueryProblem } from "@/lib/desk/search-patrons";
import { staffProblemText } from "@/lib/errors/staff-error-text";
import { libraryToday } from "@/lib/library/current-library";

export const dynamic = "force-dynamic";

/**
 * The desk's search as you type (app/(staff)/patrons): `?q=` -> the patrons of the staff
 * member's library that match, best first. Desk role and up, like the page.
 */
export const GET = staffRoute("desk", async (request, { staff, library }) => {
  const query = new URL(request.url).searchParams.get("q") ?? "";
  const problem = searchQueryProblem(query);
  if (problem)
    return Response.json(
      { query, results: [], problem: await staffProblemText(problem) },
      { status: 400, headers: { "Cache-Control": "private, no-store" } },
    );
  const results = await searchPatrons(db, {
    libraryId: library.id,
    query,
    today: libraryToday(library),
    homeBranchId: staff.branchId,
  });
  return Response.json({ query, results }, { headers: { "Cache-Control": "private, no-store" } });
});
