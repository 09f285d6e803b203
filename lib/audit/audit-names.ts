import "server-only";
import type { Db } from "@/lib/db-client";
import type { AuditRow } from "./list-audit-entries";

/**
 * The names behind the ids a page of audit entries mentions (stages, branches, patrons, staff
 * accounts), in four queries, each scoped by the library: an id of another library stays
 * nameless.
 */
export async function loadAuditNames(db: Db, libraryId: number, rows: AuditRow[]) {
  const stageIds = new Set<number>();
  const branchIds = new Set<number>();
  const patronIds = new Set<number>();
  const staffIds = new Set<number>();
  const number = (value: unknown) =>
    typeof value === "number" && Number.isSafeInteger(value) ? value : null;
  for (const row of rows) {
    if (row.patronId) patronIds.add(row.patronId);
    const values = { ...(row.before as object | null), ...(row.after as object | null) } as Record<
      string,
      unknown
    >;
    const stageId = number(values.stageId);
    const branchId = number(values.branchId);
    if (stageId) stageIds.add(stageId);
    if (branchId) branchIds.add(branchId);
    if (row.entityType === "NoticeStage") stageIds.add(Number(row.entityId));
    if (row.entityType === "StaffUser") staffIds.add(Number(row.entityId));
    if (row.entityType === "NoticeText" || row.entityType === "BranchNoticeText") {
      const [stage, branch] = row.entityId.split(":");
      stageIds.add(Number(stage));
      if (row.entityType === "BranchNoticeText") branchIds.add(Number(branch));
    }
  }
  const valid = (ids: Set<number>) => [...ids].filter((id) => Number.isSafeInteger(id) && id > 0);
  const stages = await db.noticeStage.findMany({
    where: { libraryId, id: { in: valid(stageIds) } },
    select: { id: true, key: true, labels: true },
  });
  const branches = await db.branch.findMany({
    where: { libraryId, id: { in: valid(branchIds) } },
    select: { id: true, name: true },
  });
  const patrons = await db.patron.findMany({
    where: { libraryId, id: { in: valid(patronIds) } },
    select: { id: true, firstName: true, lastName: true },
  });
  const staff = await db.staffUser.findMany({
    where: { libraryId, id: { in: valid(staffIds) } },
    select: { id: true, name: true },
  });
  return {
    stages: new Map(stages.map((s) => [s.id, { key: s.key, labels: s.labels }])),
    branches: new Map(branches.map((b) => [b.id, b.name])),
    patrons: new Map(patrons.map((p) => [p.id, `${p.firstName} ${p.lastName}`])),
    staff: new Map(staff.map((s) => [s.id, s.name])),
  };
}
