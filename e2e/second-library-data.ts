/**
 * A second library beside the demo one (issue 10: one library per request), with fixed ids so
 * the specs can aim at them: a branch, the default stages, a patron with two open loans and a
 * sent email notice, a letter, a note, staff of every role, an audit entry; and a
 * consortium-wide admin who belongs to no library and chooses one. Created by e2e/serve.ts;
 * no Playwright imports here.
 */
import { toDbDate } from "../lib/dates";
import type { Db } from "../lib/db-client";
import { DEFAULT_NOTICE_STAGES } from "../lib/settings/default-stages";
import { DEMO_STAFF_PASSWORD } from "../scripts/demo/demo-staff-accounts";

const BASE = 991_000;

export const SECOND_LIBRARY = {
  id: BASE + 1,
  code: "e2e-zonnebeke",
  name: "Bibliotheek Zonnebeke",
  branchId: BASE + 1,
  patron: {
    id: BASE + 1,
    firstName: "Zoë",
    lastName: "Anderbib",
    cardNumber: "ZB-0001",
    email: "zoe@zonnebeke.e2e.rappel.be",
  },
  loanIds: [BASE + 1, BASE + 2],
  noticeId: BASE + 1,
  letterNoticeId: BASE + 2,
  /** stage ids: BASE + 10 + position */
  stageId: (position: number) => BASE + 10 + position,
  staff: {
    desk: { id: BASE + 1, email: "balie@zonnebeke.e2e.rappel.be", name: "Zander Balie" },
    librarian: { id: BASE + 2, email: "bib@zonnebeke.e2e.rappel.be", name: "Zita Bibliothecaris" },
    manager: { id: BASE + 3, email: "beheer@zonnebeke.e2e.rappel.be", name: "Zeno Beheer" },
    admin: { id: BASE + 4, email: "admin@zonnebeke.e2e.rappel.be", name: "Zora Admin" },
  },
  consortium: { id: BASE + 9, email: "consortium@e2e.rappel.be", name: "Cas Consortium" },
} as const;

const Z = SECOND_LIBRARY;

export async function createSecondLibraryData(db: Db): Promise<void> {
  if (await db.library.findUnique({ where: { id: Z.id } })) return;
  const { hashPassword } = await import("../lib/auth/password");
  const passwordHash = await hashPassword(DEMO_STAFF_PASSWORD);
  await db.library.create({ data: { id: Z.id, code: Z.code, name: Z.name } });
  await db.branch.create({
    data: {
      id: Z.branchId,
      libraryId: Z.id,
      ilsCode: "ZB",
      name: "Zonnebeke Centrum",
      street: "Ieperstraat 5",
      postalCode: "8980",
      city: "Zonnebeke",
    },
  });
  for (const stage of DEFAULT_NOTICE_STAGES) {
    await db.noticeStage.create({ data: { ...stage, id: Z.stageId(stage.position), libraryId: Z.id } });
  }
  await db.branchStageSetting.create({
    data: { stageId: Z.stageId(2), branchId: Z.branchId, feeCents: 150 },
  });
  await db.patron.create({
    data: {
      id: Z.patron.id,
      libraryId: Z.id,
      cardNumber: Z.patron.cardNumber,
      firstName: Z.patron.firstName,
      lastName: Z.patron.lastName,
      email: Z.patron.email,
      street: "Kerkstraat 9",
      postalCode: "8980",
      city: "Zonnebeke",
      homeBranchId: Z.branchId,
    },
  });
  for (const [n, id] of Z.loanIds.entries()) {
    const item = await db.item.create({
      data: { libraryId: Z.id, barcode: `ZB-ITEM-${n}`, title: `Zonnebeeks boek ${n + 1}` },
    });
    await db.loan.create({
      data: {
        id,
        libraryId: Z.id,
        ilsLoanId: `ZB-LOAN-${n}`,
        patronId: Z.patron.id,
        itemId: item.id,
        branchId: Z.branchId,
        loanedAt: new Date("2026-10-20T10:00:00Z"),
        dueDate: toDbDate("2026-11-17"),
      },
    });
  }
  const notice = (id: number, channel: "email" | "letter", fields: object) =>
    db.notice.create({
      data: {
        id,
        libraryId: Z.id,
        patronId: Z.patron.id,
        branchId: Z.branchId,
        stageId: Z.stageId(channel === "email" ? 2 : 4),
        planDate: toDbDate(channel === "email" ? "2026-11-24" : "2026-11-28"),
        channel,
        channelReason: "Kanaal van de fase",
        language: "nl",
        idempotencyKey: `e2e-zonnebeke-${id}`,
        loans: {
          create: Z.loanIds.map((loanId) => ({
            loanId,
            stageId: Z.stageId(channel === "email" ? 2 : 4),
            dueDate: toDbDate("2026-11-17"),
          })),
        },
        ...fields,
      },
    });
  await notice(Z.noticeId, "email", {
    status: "delivered",
    recipientEmail: Z.patron.email,
    subject: "Zoë, je boeken zijn te laat",
    html: "<!doctype html><html><body><p>Geheim van Zonnebeke</p></body></html>",
    text: "Geheim van Zonnebeke",
    renderedAt: new Date("2026-11-24T07:59:00Z"),
    sentAt: new Date("2026-11-24T08:00:00Z"),
  });
  await notice(Z.letterNoticeId, "letter", { letters: { create: { reason: "stage_channel" } } });
  await db.patronNote.create({
    data: { patronId: Z.patron.id, authorLabel: "Zander Balie", body: "Belde over het boek" },
  });
  for (const [role, account] of Object.entries(Z.staff)) {
    await db.staffUser.create({
      data: { ...account, role: role as keyof typeof Z.staff, libraryId: Z.id, passwordHash },
    });
  }
  await db.staffUser.create({ data: { ...Z.consortium, role: "admin", libraryId: null, passwordHash } });
  await db.auditEntry.create({
    data: {
      libraryId: Z.id,
      actorId: Z.staff.librarian.id,
      actorLabel: `${Z.staff.librarian.name} (${Z.staff.librarian.email})`,
      action: "stage.update",
      entityType: "NoticeStage",
      entityId: String(Z.stageId(2)),
    },
  });
}
