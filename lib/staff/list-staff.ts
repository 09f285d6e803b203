import "server-only";
import type { Db } from "@/lib/db-client";

const LIST_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  branchId: true,
  branch: { select: { name: true } },
  disabledAt: true,
  lockedUntil: true,
  mustChangePassword: true,
  lastSignInAt: true,
  createdAt: true,
} as const;

/** Every staff account of a library for the admin list: active ones first, then by name. */
export function listStaffUsers(db: Db, libraryId: number) {
  return db.staffUser.findMany({
    where: { libraryId },
    orderBy: [{ disabledAt: { sort: "desc", nulls: "first" } }, { name: "asc" }],
    select: LIST_SELECT,
  });
}

export type StaffListRow = Awaited<ReturnType<typeof listStaffUsers>>[number];

/** One account of the library; another library's is not found. */
export function getStaffUser(db: Db, libraryId: number, id: number) {
  return db.staffUser.findFirst({ where: { id, libraryId }, select: LIST_SELECT });
}

/** The library's branches an account can be limited to. */
export function listBranchChoices(db: Db, libraryId: number) {
  return db.branch.findMany({
    where: { libraryId },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
