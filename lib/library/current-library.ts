import "server-only";
import { cache } from "react";
import { DEFAULT_TIME_ZONE, type LocalDate, localToday } from "@/lib/dates";
import type { Db, DbTx } from "@/lib/db-client";
import { env } from "@/lib/env";

export type CurrentLibrary = { id: number; code: string; name: string; timeZone: string };

/**
 * The library the dashboard shows: the first one in the database until staff accounts
 * bring their own library (a consortium then picks among several). Cached per request, so
 * the layout and the page share one query.
 */
export const getCurrentLibrary = cache(async (db: Db): Promise<CurrentLibrary | null> => {
  return db.library.findFirst({
    orderBy: { id: "asc" },
    select: { id: true, code: true, name: true, timeZone: true },
  });
});

/**
 * The library a staff member works in: their own, or for a consortium-wide account (no
 * library of its own) the library the dashboard shows. Pages, actions and routes that read or
 * change one library's data ask here, so a patron or setting of another library is never found.
 */
export async function staffLibrary(
  db: Db | DbTx,
  staff: { libraryId: number | null },
): Promise<CurrentLibrary | null> {
  return db.library.findFirst({
    where: staff.libraryId != null ? { id: staff.libraryId } : {},
    orderBy: { id: "asc" },
    select: { id: true, code: true, name: true, timeZone: true },
  });
}

/** The library-local day it is now, or RAPPEL_TODAY when a demo or test pins the date. */
export function libraryToday(library: Pick<CurrentLibrary, "timeZone"> | null): LocalDate {
  return env.RAPPEL_TODAY ?? localToday(library?.timeZone ?? DEFAULT_TIME_ZONE);
}
