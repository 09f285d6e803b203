import "server-only";
import { DEFAULT_TIME_ZONE, type LocalDate, localToday } from "@/lib/dates";
import { env } from "@/lib/env";

/**
 * The library a request works for. Decided once, at the edge, from the signed-in staff
 * member (lib/auth/load-staff-session.ts): `requireStaff`, `staffAction` and `staffRoute`
 * hand it down, and every query below them is scoped by its id. Nothing below the edge looks
 * a library up on its own.
 */
export type StaffLibrary = { id: number; code: string; name: string; timeZone: string };

/** The library-local day it is now, or RAPPEL_TODAY when a demo or test pins the date. */
export function libraryToday(library: Pick<StaffLibrary, "timeZone"> | null): LocalDate {
  return env.RAPPEL_TODAY ?? localToday(library?.timeZone ?? DEFAULT_TIME_ZONE);
}
