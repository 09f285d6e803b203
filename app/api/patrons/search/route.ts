import { getStaffSession } from "@/lib/auth/get-staff-session";
import { roleAtLeast } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { searchPatrons } from "@/lib/desk/search-patrons";
import { libraryToday, staffLibrary } from "@/lib/library/current-library";

export const dynamic = "force-dynamic";

/** Longer than any card, name or address: anything past it is not a search. */
const MAX_QUERY_LENGTH = 200;

/**
 * The desk's search as you type (app/(staff)/patrons): `?q=` -> the patrons of the staff
 * member's library that match, best first. Desk role and up, like the page.
 */
export async function GET(request: Request): Promise<Response> {
  const staff = await getStaffSession();
  if (!staff) return Response.json({ error: "Not signed in" }, { status: 401 });
  if (staff.mustChangePassword || !roleAtLeast(staff.role, "desk")) {
    return Response.json({ error: "Forbidden" }, { status: 403 });
  }
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, MAX_QUERY_LENGTH);
  const library = await staffLibrary(db, staff);
  const results = library
    ? await searchPatrons(db, { libraryId: library.id, query, today: libraryToday(library) })
    : [];
  return Response.json({ query, results }, { headers: { "Cache-Control": "private, no-store" } });
}
