import { beforeEach, describe, expect, it } from "vitest";
import { addDays } from "@/lib/dates";
import { libraryToday } from "@/lib/library/current-library";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestLibrary } from "@/test/test-fixtures";
import { loadPreview } from "./notice-preview";

const db = useTestDb();

beforeEach(() => resetDatabase(db));

/** Each item's title with "renewable" or why not. */
const verdicts = (items: { title: string; renewable: boolean; notRenewableReason?: string }[]) =>
  Object.fromEntries(
    items.map((item) => [item.title, item.renewable ? "renewable" : item.notRenewableReason]),
  );

describe("the templates' preview of a real patron's notice", () => {
  it("says renewable or why not by the one renewal rule: reserved, renewals used, too long overdue, fees over the limit", async () => {
    const t = await createTestLibrary(db);
    const today = libraryToday(t.library);
    const patron = await t.patron();
    const titles = new Map<number, string>();
    const loan = async (
      title: string,
      dueDate: string,
      data: { reserved?: boolean; renewalCount?: number } = {},
    ) => {
      const created = await t.loan(patron, { dueDate });
      await db.loan.update({ where: { id: created.id }, data });
      await db.item.update({ where: { id: created.itemId }, data: { title } });
      titles.set(created.id, title);
    };
    await loan("Gewoon te laat", addDays(today, -5));
    await loan("Gereserveerd", addDays(today, -5), { reserved: true });
    // the branch allows 3 renewals and 30 days overdue (schema defaults): the old preview said "renewable"
    await loan("Drie keer verlengd", addDays(today, -5), { renewalCount: 3 });
    await loan("Veertig dagen te laat", addDays(today, -40));

    const stage = t.stage("overdue-2");
    const preview = await loadPreview(db, t.library.id, {
      card: patron.cardNumber,
      stage: String(stage?.id),
    });
    expect(preview?.patronName).toBe(`${patron.firstName} ${patron.lastName}`);
    expect(verdicts(preview?.input.items ?? [])).toEqual({
      "Gewoon te laat": "renewable",
      Gereserveerd: "reserved",
      "Drie keer verlengd": "max_renewals",
      "Veertig dagen te laat": "too_long_overdue",
    });
    // the fee is the stage's, as on a real notice
    expect(preview?.input.fees).toEqual(
      stage && stage.feeCents > 0 ? [{ kind: "notice", amountCents: stage.feeCents }] : [],
    );

    // fees over the branch's limit (5 euro by default): nothing can be renewed, no "renew all"
    await db.patron.update({ where: { id: patron.id }, data: { feesOwedCents: 600 } });
    const owing = await loadPreview(db, t.library.id, { card: patron.cardNumber, stage: String(stage?.id) });
    expect(verdicts(owing?.input.items ?? [])["Gewoon te laat"]).toBe("fees_over_limit");
    expect(owing?.input.links.renewAll).toBeNull();
  });

  it("the lending branch's own limits apply", async () => {
    const t = await createTestLibrary(db, { branches: [{ name: "Hoofdbibliotheek" }, { name: "Filiaal" }] });
    const today = libraryToday(t.library);
    const patron = await t.patron();
    await db.branch.update({ where: { id: t.branches[1].id }, data: { renewalMaxCount: 1 } });
    const here = await t.loan(patron, { dueDate: addDays(today, -2) });
    const there = await t.loan(patron, { dueDate: addDays(today, -2), branch: t.branches[1] });
    await db.loan.updateMany({ where: { id: { in: [here.id, there.id] } }, data: { renewalCount: 1 } });

    const preview = await loadPreview(db, t.library.id, { card: patron.cardNumber });
    const byLoan = new Map(preview?.input.items.map((item) => [item.loanId, item]));
    expect(byLoan.get(here.id)?.renewable).toBe(true);
    expect(byLoan.get(there.id)).toMatchObject({ renewable: false, notRenewableReason: "max_renewals" });
  });

  it("without a card number shows a sample patron, also through the rule, and no message a real notice lacks", async () => {
    const t = await createTestLibrary(db);
    const preview = await loadPreview(db, t.library.id, {});
    expect(preview?.patronName).toBeNull();
    expect(preview?.input.items.length).toBeGreaterThan(0);
    expect(
      preview?.input.items.some((item) => !item.renewable && item.notRenewableReason === "reserved"),
    ).toBe(true);
    expect(preview?.input.message).toBeNull();
    expect(preview?.input.library.name).toBe(t.library.name);
  });
});
