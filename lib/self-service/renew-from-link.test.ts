import { beforeEach, describe, expect, it } from "vitest";
import { addDays, fromDbDate } from "@/lib/dates";
import { planNotices } from "@/lib/planning/plan-notices";
import { resetDatabase, useTestDb } from "@/test/db";
import { createNoticeWithLinks, TODAY, tokenOf } from "@/test/test-notice";
import { loadRenewalView, renewFromLink } from "./renew-from-link";
import { type VerifiedLink, verifyLink } from "./verify-link";

const db = useTestDb();
beforeEach(() => resetDatabase(db));

async function verified(url: string | null | undefined, today = TODAY): Promise<VerifiedLink> {
  const check = await verifyLink(db, tokenOf(url ?? ""), { today });
  if (!check.ok) throw new Error(`link refused: ${check.problem}`);
  return check.link;
}

describe("renewing from a notice link", () => {
  it("shows each loan of the notice with its outcome before anything changes", async () => {
    const { content, loans, due } = await createNoticeWithLinks(db);
    const view = await loadRenewalView(db, await verified(content.links.renewAll));
    expect(view.firstName).toBe("Lener");
    expect(view.rows.map((r) => [r.loanId, r.status, "reason" in r ? r.reason : null])).toEqual([
      [loans[0].id, "renewable", null],
      [loans[1].id, "not_renewable", "reserved"],
      [loans[2].id, "not_renewable", "max_renewals"],
      [loans[3].id, "renewable", null],
    ]);
    expect(view.rows[0]).toMatchObject({ dueDate: due, newDueDate: addDays(TODAY, 21) });
    expect(await db.ilsOutboxEntry.count()).toBe(0);
  });

  it("renew all renews the renewable loans once, records them for the library system and audits them as the patron", async () => {
    const { content, loans, patron } = await createNoticeWithLinks(db);
    const link = await verified(content.links.renewAll);
    const newDue = addDays(TODAY, 21);
    // a double click: two requests at once, then a reload
    const [first, second] = await Promise.all([renewFromLink(db, link), renewFromLink(db, link)]);
    await renewFromLink(db, link);
    for (const view of [first, second])
      expect(view.rows.map((r) => r.status)).toEqual([
        "renewed",
        "not_renewable",
        "not_renewable",
        "renewed",
      ]);

    const after = await db.loan.findMany({ where: { patronId: patron.id }, orderBy: { id: "asc" } });
    expect(after.map((l) => [fromDbDate(l.dueDate), l.renewalCount])).toEqual([
      [newDue, 1],
      [addDays(TODAY, -7), 0],
      [addDays(TODAY, -7), 3],
      [newDue, 1],
    ]);
    const outbox = await db.ilsOutboxEntry.findMany({ orderBy: { id: "asc" } });
    expect(outbox.map((e) => [e.kind, e.loanId, e.patronId])).toEqual([
      ["renewal", loans[0].id, patron.id],
      ["renewal", loans[3].id, patron.id],
    ]);
    expect(outbox[0].payload).toMatchObject({ newDueDate: newDue, previousDueDate: addDays(TODAY, -7) });
    const audit = await db.auditEntry.findMany({ where: { action: "loan.renew" } });
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.actorId === null && a.actorLabel.startsWith("patron"))).toBe(true);
  });

  it("renew one item renews only that loan, and the other item's link still works after it", async () => {
    const { loans, renewItem } = await createNoticeWithLinks(db);
    const view = await renewFromLink(db, await verified(renewItem(loans[0].id)));
    expect(view.rows).toEqual([expect.objectContaining({ loanId: loans[0].id, status: "renewed" })]);
    expect((await db.loan.findUniqueOrThrow({ where: { id: loans[3].id } })).renewalCount).toBe(0);
    const later = await renewFromLink(db, await verified(renewItem(loans[3].id)));
    expect(later.rows[0].status).toBe("renewed");
  });

  it("refuses with the reason when fees are over the branch's limit or the loan is overdue too long", async () => {
    const { content, t, patron } = await createNoticeWithLinks(db);
    await db.patron.update({ where: { id: patron.id }, data: { feesOwedCents: 800 } });
    const link = await verified(content.links.renewAll);
    expect((await renewFromLink(db, link)).rows.map((r) => ("reason" in r ? r.reason : r.status))).toEqual([
      "fees_over_limit",
      "reserved",
      "max_renewals",
      "fees_over_limit",
    ]);
    await db.patron.update({ where: { id: patron.id }, data: { feesOwedCents: 0 } });
    await db.branch.update({ where: { id: t.branch.id }, data: { renewalMaxOverdueDays: 5 } });
    const rows = (await loadRenewalView(db, link)).rows;
    expect(rows.map((r) => ("reason" in r ? r.reason : r.status))[0]).toBe("too_long_overdue");
    expect(await db.ilsOutboxEntry.count()).toBe(0);
  });

  it("uses the lending branch's loan period, and leaves a loan renewed at the desk since the notice alone", async () => {
    const { content, t, loans } = await createNoticeWithLinks(db);
    await db.branch.update({ where: { id: t.branch.id }, data: { renewalPeriodDays: 14 } });
    await db.loan.update({ where: { id: loans[3].id }, data: { dueDate: new Date("2026-03-30T00:00:00Z") } });
    const view = await renewFromLink(db, await verified(content.links.renewAll));
    expect(view.rows[0]).toMatchObject({ status: "renewed", newDueDate: addDays(TODAY, 14) });
    expect(view.rows[3]).toMatchObject({ status: "changed", dueDate: "2026-03-30" });
  });

  it("a renewed loan's notice stages start again from the new due date", async () => {
    const { content, loans, t } = await createNoticeWithLinks(db);
    await renewFromLink(db, await verified(content.links.renewAll));
    const newDue = addDays(TODAY, 21);
    await planNotices(db, { libraryId: t.library.id, date: addDays(newDue, 7) });
    const again = await db.noticeLoan.findMany({ where: { loanId: loans[0].id }, include: { stage: true } });
    expect(again.map((n) => [n.stage.key, fromDbDate(n.dueDate)])).toEqual([
      ["overdue-1", addDays(TODAY, -7)],
      ["overdue-1", newDue],
    ]);
  });
});
