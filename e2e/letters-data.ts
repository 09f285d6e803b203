/**
 * The letters spec's own branch (e2e/letters.spec.ts): three patrons with a letter waiting
 * each (an ordinary letter with two items, a registered one, and one without a postal code,
 * listed as a problem). A branch of its own keeps the queue small and the spec alone in it.
 * Created by e2e/serve.ts; no Playwright imports here.
 */
import { toDbDate } from "../lib/dates";
import type { Db } from "../lib/db-client";

export const LETTERS_BRANCH = { id: 990_500, name: "E2E Brievenfiliaal" } as const;
export const LETTER_PATRONS = [
  { id: 990_501, firstName: "Bert", lastName: "Briefmans", postalCode: "8700", registered: false },
  { id: 990_502, firstName: "Renée", lastName: "Aangetekend", postalCode: "8760", registered: true },
  { id: 990_503, firstName: "Pieter", lastName: "Zonderpostcode", postalCode: null, registered: false },
] as const;

export async function createLettersData(db: Db, libraryId: number): Promise<void> {
  if (await db.branch.findUnique({ where: { id: LETTERS_BRANCH.id } })) return;
  await db.branch.create({
    data: {
      id: LETTERS_BRANCH.id,
      libraryId,
      ilsCode: "E2E-BRIEVEN",
      name: LETTERS_BRANCH.name,
      street: "Stationsplein 1",
      postalCode: "8700",
      city: "Tielt",
    },
  });
  const stages = await db.noticeStage.findMany({ where: { libraryId }, orderBy: { position: "asc" } });
  const letterStage = stages.find((stage) => stage.channel === "letter") ?? stages[stages.length - 1];
  const registeredStage = stages.find((stage) => stage.channel === "registered_letter") ?? letterStage;
  for (const [n, p] of LETTER_PATRONS.entries()) {
    const stage = p.registered ? registeredStage : letterStage;
    await db.patron.create({
      data: {
        id: p.id,
        libraryId,
        cardNumber: `E2E-BRIEF-${n + 1}`,
        firstName: p.firstName,
        lastName: p.lastName,
        street: `Brievenstraat ${n + 1}`,
        postalCode: p.postalCode,
        city: "Tielt",
        homeBranchId: LETTERS_BRANCH.id,
      },
    });
    const notice = await db.notice.create({
      data: {
        libraryId,
        patronId: p.id,
        branchId: LETTERS_BRANCH.id,
        stageId: stage.id,
        planDate: toDbDate("2026-11-30"),
        channel: p.registered ? "registered_letter" : "letter",
        channelReason: "stage channel",
        status: "queued",
        language: "nl",
        feeCents: stage.feeCents,
        idempotencyKey: `e2e-letters-${p.id}`,
      },
    });
    for (let i = 1; i <= (p.registered ? 1 : 2); i++) {
      const item = await db.item.create({
        data: { libraryId, barcode: `E2E-BR-${n + 1}-${i}`, title: `Brievenboek ${n + 1}.${i}` },
      });
      const loan = await db.loan.create({
        data: {
          libraryId,
          ilsLoanId: `e2e-brieven-${n + 1}-${i}`,
          patronId: p.id,
          itemId: item.id,
          branchId: LETTERS_BRANCH.id,
          loanedAt: new Date("2026-10-01T10:00:00Z"),
          dueDate: toDbDate("2026-11-02"),
        },
      });
      await db.noticeLoan.create({
        data: { noticeId: notice.id, loanId: loan.id, stageId: stage.id, dueDate: toDbDate("2026-11-02") },
      });
    }
    await db.letter.create({
      data: { noticeId: notice.id, reason: "stage_channel", registered: p.registered },
    });
  }
}
