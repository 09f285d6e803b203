/**
 * The patron the patron-page spec works on (e2e/patron-page.spec.ts): a name no other spec
 * uses, a bounced email with its flag, a returned letter, loans in each renewal state and a
 * timeline with a delivered email, a bounced one that became a printed and posted letter, and
 * one planned but not sent. A fixed id, so the spec can open /patrons/<id> without a search.
 * Created by e2e/serve.ts; no Playwright imports here.
 */
import { toDbDate } from "../lib/dates";
import type { Db } from "../lib/db-client";

export type StoryPatron = {
  id: number;
  /** makes its items', loans' and notices' keys its own */
  tag: string;
  firstName: string;
  lastName: string;
  cardNumber: string;
  email: string;
  sentSubject: string;
  renewableTitle: string;
};

export const PATRON_PAGE_PATRON = {
  id: 990_001,
  tag: "tijdlijn",
  firstName: "Xaveria",
  lastName: "Tijdlijn",
  cardNumber: "E2E-TIJDLIJN-0001",
  email: "xaveria@dood.e2e.rappel.be",
  sentSubject: "Xaveria, je boeken zijn te laat",
  renewableTitle: "De tijdlijn van Xaveria",
} as const satisfies StoryPatron;

/**
 * A patron of its own for a spec (the same story under another name): a spec that prints,
 * corrects or renews for it changes no other spec's patron.
 */
export function storyPatron(id: number, tag: string, firstName: string, lastName: string): StoryPatron {
  return {
    id,
    tag,
    firstName,
    lastName,
    cardNumber: `E2E-${tag.toUpperCase()}-${id}`,
    email: `${tag}@dood.e2e.rappel.be`,
    sentSubject: `${firstName}, je boeken zijn te laat`,
    renewableTitle: `Het boek van ${firstName}`,
  };
}

/**
 * Deletes the patron with everything made for it (notices with their letters and events,
 * loans, items, audit entries; flags and notes go with the patron) and makes it again as
 * new: a spec calls this before it starts, so it finds its patron as created, whatever ran
 * before it.
 */
export async function resetStoryPatron(
  db: Db,
  libraryId: number,
  P: StoryPatron = PATRON_PAGE_PATRON,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const loans = await tx.loan.findMany({ where: { patronId: P.id }, select: { id: true, itemId: true } });
    await tx.ilsOutboxEntry.deleteMany({ where: { patronId: P.id } });
    await tx.notice.deleteMany({ where: { patronId: P.id } });
    await tx.loan.deleteMany({ where: { patronId: P.id } });
    await tx.item.deleteMany({ where: { id: { in: loans.map((l) => l.itemId) } } });
    await tx.auditEntry.deleteMany({ where: { patronId: P.id } });
    await tx.patron.deleteMany({ where: { id: P.id } });
  });
  await createPatronPageData(db, libraryId, P);
}

export async function createPatronPageData(
  db: Db,
  libraryId: number,
  P: StoryPatron = PATRON_PAGE_PATRON,
): Promise<void> {
  const emailHtml = (heading: string) =>
    `<!doctype html><html lang="nl"><body style="font-family:sans-serif"><h1>${heading}</h1><p>Beste ${P.firstName},</p><p>Je boek <strong>${P.renewableTitle}</strong> is te laat.</p></body></html>`;
  if (await db.patron.findUnique({ where: { id: P.id } })) return;
  const branch = await db.branch.findFirstOrThrow({ where: { libraryId }, orderBy: { id: "asc" } });
  const stages = await db.noticeStage.findMany({ where: { libraryId } });
  const stage = (key: string) => {
    const found = stages.find((s) => s.key === key);
    if (!found) throw new Error(`e2e patron page: no stage ${key}`);
    return found;
  };
  await db.patron.create({
    data: {
      id: P.id,
      libraryId,
      cardNumber: P.cardNumber,
      firstName: P.firstName,
      lastName: P.lastName,
      email: P.email,
      emailStatus: "bounced",
      emailStatusAt: new Date("2026-11-24T08:05:00Z"),
      phone: "+32 51 00 00 01",
      street: "Verkeerde straat 1",
      postalCode: "8760",
      city: "Meulebeke",
      homeBranchId: branch.id,
      preDueOptIn: true,
      flags: {
        create: [
          {
            kind: "email_bounced",
            message: "550 5.1.1 mailbox does not exist",
            createdAt: new Date("2026-11-24T08:05:00Z"),
          },
          {
            kind: "postal_returned",
            message: "Onbekend op dit adres",
            createdAt: new Date("2026-11-28T10:00:00Z"),
          },
        ],
      },
    },
  });
  const loan = async (
    n: number,
    title: string,
    dueDate: string,
    fields: { renewalCount?: number; reserved?: boolean },
  ) => {
    const item = await db.item.create({
      data: { libraryId, barcode: `E2E-${P.tag}-${n}`, title, author: "Tessa Tijd" },
    });
    return db.loan.create({
      data: {
        libraryId,
        ilsLoanId: `e2e-${P.tag}-${n}`,
        patronId: P.id,
        itemId: item.id,
        branchId: branch.id,
        loanedAt: new Date("2026-10-20T10:00:00Z"),
        dueDate: toDbDate(dueDate),
        ...fields,
      },
    });
  };
  const renewable = await loan(1, P.renewableTitle, "2026-11-10", {});
  const reserved = await loan(2, "Gereserveerd boek", "2026-11-10", { reserved: true });
  await loan(3, "Veel verlengd boek", "2026-12-10", { renewalCount: 3 });

  const notice = (key: string, planDate: string, fields: object) =>
    db.notice.create({
      data: {
        libraryId,
        patronId: P.id,
        branchId: branch.id,
        stageId: stage(key).id,
        planDate: toDbDate(planDate),
        channel: "email",
        channelReason: "Kanaal van de fase: e-mail",
        language: "nl",
        idempotencyKey: `e2e-${P.tag}-${key}`,
        loans: {
          create: [renewable, reserved].map((l) => ({
            loanId: l.id,
            stageId: stage(key).id,
            dueDate: l.dueDate,
          })),
        },
        ...fields,
      },
    });
  await notice("overdue-1", "2026-11-17", {
    status: "delivered",
    recipientEmail: "xaveria@oud.e2e.rappel.be",
    subject: P.sentSubject,
    html: emailHtml("Eerste aanmaning"),
    text: `Beste ${P.firstName},\n\nJe boek ${P.renewableTitle} is te laat.`,
    renderedAt: new Date("2026-11-17T07:59:00Z"),
    sentAt: new Date("2026-11-17T08:00:00Z"),
    deliveredAt: new Date("2026-11-17T08:00:05Z"),
    events: {
      create: [
        { type: "email.sent", occurredAt: new Date("2026-11-17T08:00:00Z") },
        { type: "email.delivered", occurredAt: new Date("2026-11-17T08:00:05Z") },
      ],
    },
  });
  await notice("overdue-2", "2026-11-24", {
    status: "bounced",
    recipientEmail: P.email,
    subject: `${P.firstName}, tweede aanmaning`,
    html: emailHtml("Tweede aanmaning"),
    text: `Beste ${P.firstName},\n\nTweede aanmaning.`,
    renderedAt: new Date("2026-11-24T07:59:00Z"),
    sentAt: new Date("2026-11-24T08:00:00Z"),
    bouncedAt: new Date("2026-11-24T08:05:00Z"),
    events: {
      create: [
        { type: "email.sent", occurredAt: new Date("2026-11-24T08:00:00Z") },
        {
          type: "email.bounced",
          occurredAt: new Date("2026-11-24T08:05:00Z"),
          bounceType: "Permanent",
          bounceSubType: "General",
          detail: "550 5.1.1 mailbox does not exist",
        },
      ],
    },
    letters: {
      create: {
        reason: "email_bounced",
        status: "posted",
        printedAt: new Date("2026-11-25T09:00:00Z"),
        postedAt: new Date("2026-11-25T15:00:00Z"),
      },
    },
  });
  await notice("overdue-3", "2026-12-01", { channel: "letter", channelReason: "Kanaal van de fase: brief" });
}
