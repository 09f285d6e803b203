import { beforeEach, describe, expect, it } from "vitest";
import { loadRenewalPolicies } from "@/lib/loans/load-renewal-policies";
import { renewalState } from "@/lib/loans/renewal-policy";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestLibrary } from "@/test/test-fixtures";
import { checkRenewalLimits, DEFAULT_RENEWAL_LIMITS, saveBranchRenewalLimits } from "./renewal-limits";

const db = useTestDb();
beforeEach(() => resetDatabase(db));

const FORM = {
  renewalMaxCount: "3",
  renewalPeriodDays: "21",
  renewalMaxFees: "5,00",
  renewalMaxOverdueDays: "30",
};

describe("checkRenewalLimits", () => {
  it("reads the fee limit typed with a comma or a point, and empty limits as no limit", () => {
    expect(checkRenewalLimits({ ...FORM, renewalMaxFees: "2,50" })).toEqual({
      values: {
        renewalMaxCount: 3,
        renewalPeriodDays: 21,
        renewalMaxFeesCents: 250,
        renewalMaxOverdueDays: 30,
      },
    });
    expect(checkRenewalLimits({ ...FORM, renewalMaxFees: "2.50" })).toMatchObject({
      values: { renewalMaxFeesCents: 250 },
    });
    expect(checkRenewalLimits({ ...FORM, renewalMaxFees: " ", renewalMaxOverdueDays: "" })).toMatchObject({
      values: { renewalMaxFeesCents: null, renewalMaxOverdueDays: null },
    });
  });

  it("the defaults are the renewal rule's own", () => {
    expect(checkRenewalLimits(FORM)).toEqual({ values: DEFAULT_RENEWAL_LIMITS });
  });

  it("refuses every value out of bounds or not a number at once, each at its field", () => {
    expect(
      checkRenewalLimits({
        renewalMaxCount: "21",
        renewalPeriodDays: "0",
        renewalMaxFees: "5,005",
        renewalMaxOverdueDays: "-1",
      }),
    ).toEqual({
      problems: [
        { code: "settings.wholeNumberOutOfRange", field: "renewalMaxCount", values: { min: 0, max: 20 } },
        { code: "settings.wholeNumberOutOfRange", field: "renewalPeriodDays", values: { min: 1, max: 120 } },
        {
          code: "settings.wholeNumberOutOfRange",
          field: "renewalMaxOverdueDays",
          values: { min: 0, max: 365 },
        },
        { code: "settings.invalidAmount", field: "renewalMaxFees" },
      ],
    });
    expect(checkRenewalLimits({ ...FORM, renewalMaxCount: "drie", renewalMaxFees: "1000,01" })).toEqual({
      problems: [
        { code: "settings.wholeNumberOutOfRange", field: "renewalMaxCount", values: { min: 0, max: 20 } },
        { code: "settings.amountOutOfRange", field: "renewalMaxFees", values: { min: 0, max: 1000 } },
      ],
    });
    expect(checkRenewalLimits({ ...FORM, renewalMaxFees: "-1" })).toMatchObject({
      problems: [{ code: "settings.amountOutOfRange", field: "renewalMaxFees" }],
    });
  });
});

describe("saveBranchRenewalLimits", () => {
  it("a lowered maximum refuses the next renewal of that branch's loans, not the other branch's", async () => {
    const t = await createTestLibrary(db, { branches: [{ name: "Meulebeke" }, { name: "Harelbeke" }] });
    const [meulebeke, harelbeke] = t.branches;
    const result = await db.$transaction((tx) =>
      saveBranchRenewalLimits(tx, {
        libraryId: t.library.id,
        branchId: meulebeke.id,
        form: { ...FORM, renewalMaxCount: "1", renewalMaxFees: "2.50" },
      }),
    );
    expect(result).toEqual({
      action: "branch.renewal-limits",
      entityType: "Branch",
      entityId: meulebeke.id,
      before: { branchId: meulebeke.id, ...DEFAULT_RENEWAL_LIMITS },
      after: {
        branchId: meulebeke.id,
        ...DEFAULT_RENEWAL_LIMITS,
        renewalMaxCount: 1,
        renewalMaxFeesCents: 250,
      },
    });
    const policies = await loadRenewalPolicies(db, { libraryId: t.library.id });
    const loan = { dueDate: "2026-12-10", renewalCount: 1, reserved: false, returned: false };
    expect(renewalState(loan, "2026-12-01", policies.forBranch(meulebeke.id))).toEqual({
      renewable: false,
      reason: "max_renewals",
    });
    expect(renewalState(loan, "2026-12-01", policies.forBranch(harelbeke.id))).toEqual({
      renewable: true,
      newDueDate: "2026-12-31",
    });
    expect(
      renewalState(
        { ...loan, renewalCount: 0, patronFeesCents: 300 },
        "2026-12-01",
        policies.forBranch(meulebeke.id),
      ),
    ).toEqual({ renewable: false, reason: "fees_over_limit" });
  });

  it("refuses a branch of another library as unknown and changes nothing there", async () => {
    const t = await createTestLibrary(db);
    const other = await createTestLibrary(db, { code: "O" });
    const result = db.$transaction((tx) =>
      saveBranchRenewalLimits(tx, {
        libraryId: t.library.id,
        branchId: other.branch.id,
        form: { ...FORM, renewalMaxCount: "0" },
      }),
    );
    await expect(result).rejects.toMatchObject({
      name: "DomainError",
      problems: [{ code: "unknownBranch" }],
    });
    const branch = await db.branch.findUniqueOrThrow({ where: { id: other.branch.id } });
    expect(branch.renewalMaxCount).toBe(3);
  });

  it("refused values write nothing; the same values again have nothing to audit", async () => {
    const t = await createTestLibrary(db);
    const save = (form: typeof FORM) =>
      db.$transaction((tx) =>
        saveBranchRenewalLimits(tx, { libraryId: t.library.id, branchId: t.branch.id, form }),
      );
    await expect(save({ ...FORM, renewalMaxCount: "1", renewalPeriodDays: "999" })).rejects.toMatchObject({
      problems: [{ code: "settings.wholeNumberOutOfRange", field: "renewalPeriodDays" }],
    });
    expect((await db.branch.findUniqueOrThrow({ where: { id: t.branch.id } })).renewalMaxCount).toBe(3);
    expect(await save(FORM)).toBeNull();
  });
});
