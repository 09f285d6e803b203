import { staffRoute } from "@/lib/auth/staff-route";
import { db } from "@/lib/db";
import { searchPatrons } from "@/lib/desk/search-patrons";
import { libraryToday } from "@/lib/library/current-library";

export const dynamic = "force-dynamic";

/** Longer than any card, name or address: anything past it is not a search. */
const MAX_QUERY_LENGTH = 200;

/**
 * The desk's search as you type (app/(staff)/patrons): `?q=` -> the patrons of the staff
 * member's library that match, best first. Desk role and up, like the page.
 */
export const GET = staffRoute("desk", async (request, { staff, library }) => {
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, MAX_QUERY_LENGTH);
  const results = await searchPatrons(db, {
    libraryId: library.id,
    query,
    today: libraryToday(library),
    homeBranchId: staff.branchId,
  });
  return Response.json({ query, results }, { headers: { "Cache-Control": "private, no-store" } });
});
