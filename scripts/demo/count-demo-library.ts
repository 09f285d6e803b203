import type { Db } from "@/lib/db-client";

export type DemoLibraryCounts = {
  branches: number;
  closedDays: number;
  noticeStages: number;
  branchStageSettings: number;
  patronStageSettings: number;
  patrons: number;
  patronFlags: number;
  items: number;
  loans: number;
  openLoans: number;
};

/** What one library holds, for the scripts' reports. */
export async function countDemoLibrary(db: Db, libraryId: number): Promise<DemoLibraryCounts> {
  const [row] = await db.$queryRaw<Record<keyof DemoLibraryCounts, number>[]>`
    SELECT
      (SELECT count(*) FROM "Branch" WHERE "libraryId" = ${libraryId})::int AS "branches",
      (SELECT count(*) FROM "BranchClosedDay" c JOIN "Branch" b ON b.id = c."branchId"
        WHERE b."libraryId" = ${libraryId})::int AS "closedDays",
      (SELECT count(*) FROM "NoticeStage" WHERE "libraryId" = ${libraryId})::int AS "noticeStages",
      (SELECT count(*) FROM "BranchStageSetting" s JOIN "NoticeStage" n ON n.id = s."stageId"
        WHERE n."libraryId" = ${libraryId})::int AS "branchStageSettings",
      (SELECT count(*) FROM "PatronStageSetting" s JOIN "NoticeStage" n ON n.id = s."stageId"
        WHERE n."libraryId" = ${libraryId})::int AS "patronStageSettings",
      (SELECT count(*) FROM "Patron" WHERE "libraryId" = ${libraryId})::int AS "patrons",
      (SELECT count(*) FROM "PatronFlag" f JOIN "Patron" p ON p.id = f."patronId"
        WHERE p."libraryId" = ${libraryId})::int AS "patronFlags",
      (SELECT count(*) FROM "Item" WHERE "libraryId" = ${libraryId})::int AS "items",
      (SELECT count(*) FROM "Loan" WHERE "libraryId" = ${libraryId})::int AS "loans",
      (SELECT count(*) FROM "Loan" WHERE "libraryId" = ${libraryId} AND "returnedAt" IS NULL)::int AS "openLoans"`;
  return row;
}
