import "server-only";
import { fromDbDate, type LocalDate } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type BranchCalendar, createBranchCalendar } from "./branch-calendar";

/** The app's client or a transaction: anything that reads with Prisma's query builder. */
type Reader = Db | Prisma.TransactionClient;

/**
 * Every branch calendar of a library, by branch id, in two queries; in one when the caller
 * has the library's branches already (the library settings hold them).
 */
export async function loadBranchCalendars(
  db: Reader,
  libraryId: number,
  knownBranches?: { id: number; openWeekdays: number[] }[],
): Promise<Map<number, BranchCalendar>> {
  // One after the other: `db` may be a transaction, whose one connection runs one query at a time.
  const branches =
    knownBranches ??
    (await db.branch.findMany({
      where: { libraryId },
      select: { id: true, openWeekdays: true },
    }));
  const closedDays = await db.branchClosedDay.findMany({
    where: { branch: { libraryId } },
    select: { branchId: true, date: true },
  });
  return branchCalendars(
    branches,
    closedDays.map((day) => ({ branchId: day.branchId, date: fromDbDate(day.date) })),
  );
}

/** The calendars of these branches from their closed days (read already, as LocalDates). */
export function branchCalendars(
  branches: { id: number; openWeekdays: number[] }[],
  closedDays: { branchId: number; date: LocalDate }[],
): Map<number, BranchCalendar> {
  return new Map(
    branches.map((branch) => [
      branch.id,
      createBranchCalendar({
        openWeekdays: branch.openWeekdays,
        closedDays: closedDays.filter((day) => day.branchId === branch.id).map((day) => day.date),
      }),
    ]),
  );
}
