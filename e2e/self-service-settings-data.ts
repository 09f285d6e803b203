/**
 * The patron the self-service settings spec uses, theirs alone: one loan lent by Ingelmunster,
 * renewed once and three days overdue (renewable under the default limits), an overdue email
 * notice about it (rendered, with a signed renew link written to a file the spec reads) and a
 * later letter notice never rendered yet (the desk's "Print letter now" renders it with the
 * public base URL of that moment). Created by e2e/serve.ts; no Playwright imports here.
 */
import { writeFileSync } from "node:fs";
import { addDays, type LocalDate, toDbDate } from "../lib/dates";
import type { Db } from "../lib/db-client";
import { renderPlannedNotices, storedNoticeContent } from "../lib/rendering/render-planned-notices";
import {
  SETTINGS_PATRON,
  type SelfServiceSettingsLinks,
  selfServiceSettingsLinksFile,
} from "./self-service-settings-links";

export async function createSelfServiceSettingsData(
  db: Db,
  libraryId: number,
  { today, baseUrl, port }: { today: LocalDate; baseUrl: string; port: string },
): Promise<void> {
  const branch = await db.branch.findFirstOrThrow({
    where: { libraryId, ilsCode: SETTINGS_PATRON.branchCode },
  });
  const stages = await db.noticeStage.findMany({
    where: { libraryId, kind: "overdue" },
    orderBy: { position: "asc" },
  });
  const { id } = SETTINGS_PATRON;
  await db.patron.create({
    data: {
      id,
      libraryId,
      cardNumber: "E2E-SETTINGS-1",
      firstName: SETTINGS_PATRON.firstName,
      lastName: SETTINGS_PATRON.lastName,
      street: "Stationsstraat 1",
      postalCode: "8770",
      city: "Ingelmunster",
      email: "dirk.instellingen@example.be",
      emailStatus: "ok",
      language: "nl",
      homeBranchId: branch.id,
    },
  });
  const due = addDays(today, -3);
  await db.item.create({
    data: { id: id * 10, libraryId, barcode: `E2E-SET-${id}`, title: "De Leeuw van Vlaanderen" },
  });
  await db.loan.create({
    data: {
      id: id * 10,
      libraryId,
      ilsLoanId: `E2E-SET-${id}`,
      patronId: id,
      itemId: id * 10,
      branchId: branch.id,
      loanedAt: new Date(`${addDays(due, -42)}T10:00:00Z`),
      dueDate: toDbDate(due),
      renewalCount: 1,
    },
  });
  // the letter notice is the patron's latest: the patron page's "Print letter now" prints it
  const notice = (stageId: number, channel: "email" | "letter", key: string, planDate: LocalDate) =>
    db.notice.create({
      data: {
        libraryId,
        patronId: id,
        branchId: branch.id,
        stageId,
        planDate: toDbDate(planDate),
        channel,
        channelReason: "e2e",
        language: "nl",
        status: "sent",
        recipientEmail: channel === "email" ? "dirk.instellingen@example.be" : null,
        idempotencyKey: `e2e-settings-${id}-${key}`,
        loans: { create: [{ loanId: id * 10, stageId, dueDate: toDbDate(due) }] },
      },
    });
  const email = await notice(stages[0].id, "email", "email", addDays(today, -1));
  const letter = await notice(stages[1].id, "letter", "letter", today);
  await renderPlannedNotices(db, { libraryId, noticeIds: [email.id], baseUrl });
  const content = storedNoticeContent(
    (await db.notice.findUniqueOrThrow({ where: { id: email.id } })).content,
  );
  const item = content?.items.find((i) => i.renewable);
  const links: SelfServiceSettingsLinks = {
    renewItem: item?.renewable ? item.renewUrl : "",
    letterNoticeId: letter.id,
    branchId: branch.id,
  };
  writeFileSync(selfServiceSettingsLinksFile(port), JSON.stringify(links, null, 2));
}
