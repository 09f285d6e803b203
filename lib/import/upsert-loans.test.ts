import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, useTestDb } from "@/test/db";
import { createImportLibrary, importFile } from "@/test/test-import";
import { applyChunk } from "./apply-chunk";
import type { LoanRow } from "./validate-row";

const db = useTestDb();

describe("loans written in a transaction of the caller (the JSON API, the embedded database)", () => {
  let library: Awaited<ReturnType<typeof createImportLibrary>>;
  beforeEach(async () => {
    await resetDatabase(db);
    library = await createImportLibrary(db);
    await importFile(
      db,
      library.id,
      "patrons",
      "cardNumber;firstName;lastName;homeBranch\n1001;Els;Maes;HB\n",
    );
    await importFile(db, library.id, "items", "barcode;title\nI1;Een\nI2;Twee\n");
  });

  it("reads local moments in the library's time zone and leaves the transaction's own time zone as it was", async () => {
    const branches = await db.branch.findMany({ where: { libraryId: library.id } });
    const loan = (loanId: string, barcode: string, loanedAt: string, returnedAt: string | null): LoanRow => ({
      line: 2,
      loanId,
      cardNumber: "1001",
      barcode,
      branch: "HB",
      loanedAt,
      dueDate: "2026-11-30",
      returnedAt,
      renewals: null,
      reserved: null,
    });
    const zones = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL TimeZone = 'America/New_York'");
      const outcome = await applyChunk(
        tx,
        "loans",
        {
          libraryId: library.id,
          timeZone: library.timeZone,
          branchIds: new Map(branches.map((b) => [b.ilsCode, b.id])),
        },
        [
          loan("L1", "I1", "2026-11-02 14:30:00", "2026-11-20 10:00:00"),
          loan("L2", "I2", "2026-11-02T13:30:00.000Z", null),
        ],
        new Set(["returnedAt"]),
      );
      expect(outcome).toMatchObject({ inserted: 2, rejections: [] });
      return tx.$queryRawUnsafe<{ zone: string }[]>("SELECT current_setting('TimeZone') AS zone");
    });
    expect(zones).toEqual([{ zone: "America/New_York" }]);
    const l1 = await db.loan.findFirstOrThrow({ where: { ilsLoanId: "L1" } });
    expect([l1.loanedAt.toISOString(), l1.returnedAt?.toISOString()]).toEqual([
      "2026-11-02T13:30:00.000Z",
      "2026-11-20T09:00:00.000Z",
    ]);
    const l2 = await db.loan.findFirstOrThrow({ where: { ilsLoanId: "L2" } });
    expect(l2.loanedAt.toISOString()).toBe("2026-11-02T13:30:00.000Z");
  });
});
