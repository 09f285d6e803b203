import "server-only";
import type { Db, DbTx } from "@/lib/db-client";
import { type CurrentLibrary, getCurrentLibrary } from "@/lib/library/current-library";

/**
 * The library whose patrons a staff member works with at the desk: their own, or for a
 * consortium-wide account the library the dashboard shows.
 */
export async function deskLibrary(
  db: Db | DbTx,
  staff: { libraryId: number | null },
): Promise<CurrentLibrary | null> {
  if (staff.libraryId === null) return getCurrentLibrary(db as Db);
  return db.library.findUnique({
    where: { id: staff.libraryId },
    select: { id: true, code: true, name: true, timeZone: true },
  });
}
