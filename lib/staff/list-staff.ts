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

/** Every staff account for the admin list: active ones first, then by name. */
export function listStaffUsers(db: Db) {
  return db.staffUser.findMany({
    orderBy: [{ disabledAt: { sort: "desc", nulls: "first" } }, { name: "asc" }],
    select: LIST_SELECT,
  });
}

export type StaffListRow = Awaited<ReturnType<typeof listStaffUsers>>[number];

export function getStaffUser(db: Db, id: number) {
  return db.staffUser.findUnique({ where: { id }, select: LIST_SELECT });
}

/** The branches an account can be limited to. */
export function listBranchChoices(db: Db) {
  return db.branch.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}
