import { beforeEach, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record-audit";
import { fromDbDate } from "@/lib/dates";
import type { Db, DbTx } from "@/lib/db-client";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestPatron } from "@/test/test-patron";
import { correctPatronAddress, correctPatronEmail } from "./correct-contact";
import { ZCorrectAddress, ZCorrectEmail } from "./desk-input";
import type { Audit, DeskActor } from "./desk-scope";
import { addPatronNote } from "./patron-notes";
import { renewLoan } from "./renew-loan";

const db = useTestDb();

/** Runs desk domain code the way the action wrapper does: one transaction, audited. */
function asDesk<T>(db: Db, actor: DeskActor, work: (tx: DbTx, audit: Audit) => Promise<T>): Promise<T> {
  return db.$transaction((tx) =>
    work(tx, (change) =>
      recordAudit(tx, {
        libraryId: actor.libraryId,
        actorId: actor.staffId,
        actorLabel: "Lotte Balie",
        ...change,
      }),
    ),
  );
}

describe("actions at the desk", () => {
  let world: Awaited<ReturnType<typeof createTestPatron>>;
  let actor: DeskActor;

  beforeEach(async () => {
    await resetDatabase(db);
    world = await createTestPatron(db);
    actor = { staffId: world.staff.id, libraryId: world.library.id };
  });

  it("correcting the email resets its health, resolves only the email flags and is audited", async () => {
    await db.patron.update({ where: { id: world.patron.id }, data: { softBounceCount: 2 } });
    const input = ZCorrectEmail.parse({ patronId: String(world.patron.id), email: "  Els@Nieuw.BE " });
    await asDesk(db, actor, (tx, audit) => correctPatronEmail(tx, audit, actor, input));

    const patron = await db.patron.findUniqueOrThrow({ where: { id: world.patron.id } });
    expect(patron).toMatchObject({ email: "els@nieuw.be", emailStatus: "unknown", softBounceCount: 0 });
    const flags = await db.patronFlag.findMany({
      where: { patronId: world.patron.id },
      orderBy: { id: "asc" },
    });
    expect(flags.map((f) => [f.kind, f.resolvedById])).toEqual([
      ["email_bounced", world.staff.id],
      ["postal_returned", null],
    ]);
    expect(flags[0].resolvedAt).toBeInstanceOf(Date);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "patron.email.update" } });
    expect(entry).toMatchObject({ patronId: world.patron.id, actorId: world.staff.id });
    expect(entry.before).toMatchObject({ email: "els@dood.be", emailStatus: "bounced", softBounceCount: 2 });
    expect(entry.after).toMatchObject({ email: "els@nieuw.be", emailStatus: "unknown", softBounceCount: 0 });
  });

  it("an invalid email or an incomplete address is refused field by field", () => {
    const email = ZCorrectEmail.safeParse({ patronId: "1", email: "els@" });
    expect(email.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["email", "invalidEmail"]]);
    const address = ZCorrectAddress.safeParse({
      patronId: "1",
      street: " ",
      postalCode: "87/60",
      city: "X",
      country: "Belgium",
    });
    expect(address.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["street", "required"],
      ["postalCode", "invalidPostalCode"],
      ["country", "invalidCountry"],
    ]);
  });

  it("correcting the postal address resolves the returned-letter flag and records before and after", async () => {
    const input = ZCorrectAddress.parse({
      patronId: world.patron.id,
      street: "Nieuwe straat 9",
      postalCode: "8760",
      city: "Meulebeke",
      country: "be",
    });
    await asDesk(db, actor, (tx, audit) => correctPatronAddress(tx, audit, actor, input));
    const patron = await db.patron.findUniqueOrThrow({ where: { id: world.patron.id } });
    expect(patron).toMatchObject({ street: "Nieuwe straat 9", country: "BE" });
    const open = await db.patronFlag.findMany({ where: { patronId: world.patron.id, resolvedAt: null } });
    expect(open.map((f) => f.kind)).toEqual(["email_bounced"]);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "patron.address.update" } });
    expect(entry.before).toMatchObject({ street: "Oude straat 1" });
    expect(entry.after).toMatchObject({ street: "Nieuwe straat 9" });
  });

  it("a patron of another library cannot be changed from this library's desk", async () => {
    const other = await createTestPatron(db, "other");
    const input = ZCorrectEmail.parse({ patronId: other.patron.id, email: "x@y.be" });
    await expect(
      asDesk(db, actor, (tx, audit) => correctPatronEmail(tx, audit, actor, input)),
    ).rejects.toThrow("desk.patronNotFound");
    const renew = { loanId: other.loans.renewable.id, seenDueDate: "2026-11-10", seenRenewalCount: 0 };
    await expect(
      asDesk(db, actor, (tx, audit) => renewLoan(tx, audit, actor, renew, "2026-11-30")),
    ).rejects.toThrow("desk.loanNotFound");
    expect(await db.auditEntry.count()).toBe(0);
  });

  it("renewing moves the due date from today, counts the renewal and is audited with the patron", async () => {
    const input = { loanId: world.loans.renewable.id, seenDueDate: "2026-11-10", seenRenewalCount: 0 };
    const result = await asDesk(db, actor, (tx, audit) => renewLoan(tx, audit, actor, input, "2026-11-30"));
    expect(result.newDueDate).toBe("2026-12-21");
    const loan = await db.loan.findUniqueOrThrow({ where: { id: world.loans.renewable.id } });
    expect([fromDbDate(loan.dueDate), loan.renewalCount]).toEqual(["2026-12-21", 1]);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "loan.renew" } });
    expect(entry).toMatchObject({
      patronId: world.patron.id,
      before: { dueDate: "2026-11-10", renewalCount: 0 },
      after: { dueDate: "2026-12-21", renewalCount: 1 },
    });
  });

  it("a renewal refuses a loan that changed since the page was shown, is reserved or at its limit", async () => {
    const renew = (loanId: number, seenDueDate: string, seenRenewalCount: number) =>
      asDesk(db, actor, (tx, audit) =>
        renewLoan(tx, audit, actor, { loanId, seenDueDate, seenRenewalCount }, "2026-11-30"),
      );
    await renew(world.loans.renewable.id, "2026-11-10", 0);
    // A second click from the same, now stale, page.
    await expect(renew(world.loans.renewable.id, "2026-11-10", 0)).rejects.toThrow("desk.loanChanged");
    await expect(renew(world.loans.reserved.id, "2026-11-20", 0)).rejects.toThrow(
      "desk.notRenewable.reserved",
    );
    await expect(renew(world.loans.maxed.id, "2026-12-05", 3)).rejects.toThrow(
      "desk.notRenewable.max_renewals",
    );
    await expect(renew(world.loans.returned.id, "2026-11-01", 0)).rejects.toThrow("desk.loanChanged");
    const loan = await db.loan.findUniqueOrThrow({ where: { id: world.loans.renewable.id } });
    expect(loan.renewalCount).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "loan.renew" } })).toBe(1);
    expect(await db.ilsOutboxEntry.count({ where: { kind: "renewal" } })).toBe(1);
  });

  it("a renewal and contact corrections go to the library system's outbox with its own ids, once each", async () => {
    const renew = { loanId: world.loans.renewable.id, seenDueDate: "2026-11-10", seenRenewalCount: 0 };
    await asDesk(db, actor, (tx, audit) => renewLoan(tx, audit, actor, renew, "2026-11-30"));
    const email = ZCorrectEmail.parse({ patronId: world.patron.id, email: "els@nieuw.be" });
    await asDesk(db, actor, (tx, audit) => correctPatronEmail(tx, audit, actor, email));
    // confirming the same address again changes nothing the library system must know
    await asDesk(db, actor, (tx, audit) => correctPatronEmail(tx, audit, actor, email));
    const address = ZCorrectAddress.parse({
      patronId: world.patron.id,
      street: "Nieuwe straat 9",
      postalCode: "8760",
      city: "Meulebeke",
      country: "be",
    });
    await asDesk(db, actor, (tx, audit) => correctPatronAddress(tx, audit, actor, address));

    const entries = await db.ilsOutboxEntry.findMany({ orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.kind, e.source, e.libraryId, e.payload])).toEqual([
      [
        "renewal",
        "desk",
        world.library.id,
        {
          ilsLoanId: "lib-loan-1",
          cardNumber: "lib-0001",
          barcode: "lib-item-1",
          dueDate: "2026-12-21",
          renewalCount: 1,
        },
      ],
      [
        "email_change",
        "desk",
        world.library.id,
        { cardNumber: "lib-0001", email: "els@nieuw.be", previousEmail: "els@dood.be" },
      ],
      [
        "address_change",
        "desk",
        world.library.id,
        {
          cardNumber: "lib-0001",
          street: "Nieuwe straat 9",
          postalCode: "8760",
          city: "Meulebeke",
          country: "BE",
        },
      ],
    ]);
  });

  it("a note is kept with its author's name and audited", async () => {
    const note = await asDesk(db, actor, (tx, audit) =>
      addPatronNote(
        tx,
        audit,
        { ...actor, label: "Lotte Balie" },
        { patronId: world.patron.id, body: "Belde over boek 2" },
      ),
    );
    expect(note).toMatchObject({
      authorId: world.staff.id,
      authorLabel: "Lotte Balie",
      body: "Belde over boek 2",
    });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "patron.note.add" } });
    expect(entry).toMatchObject({ patronId: world.patron.id, after: { body: "Belde over boek 2" } });
  });
});
