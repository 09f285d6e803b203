/**
 * The patrons the self-service spec uses, theirs alone: one per language, each with an
 * overdue notice about three loans (renewable, reserved, renewed the maximum) and a pre-due
 * reminder (for unsubscribing), rendered the real way. Their signed links are written to a
 * file the spec reads (`selfServiceLinksFile`): the spec cannot reach the database.
 * Created by e2e/serve.ts; no Playwright imports here, serve.ts runs under plain tsx.
 */
import { writeFileSync } from "node:fs";
import { addDays, type LocalDate, toDbDate } from "../lib/dates";
import type { Db } from "../lib/db-client";
import { renderPlannedNotices, storedNoticeContent } from "../lib/rendering/render-planned-notices";
import { signLink } from "../lib/self-service/sign-link";
import { type SelfServiceLinks, selfServiceLinksFile } from "./self-service-links";

const PATRONS = [
  { language: "nl", id: 990_401, firstName: "Anke" },
  { language: "fr", id: 990_402, firstName: "Brigitte" },
  { language: "en", id: 990_403, firstName: "Chris" },
] as const;

export async function createSelfServiceData(
  db: Db,
  libraryId: number,
  { today, baseUrl, port }: { today: LocalDate; baseUrl: string; port: string },
): Promise<void> {
  const library = await db.library.findUniqueOrThrow({ where: { id: libraryId } });
  const branch = await db.branch.findFirstOrThrow({ where: { libraryId }, orderBy: { id: "asc" } });
  const overdue = await db.noticeStage.findFirstOrThrow({
    where: { libraryId, kind: "overdue" },
    orderBy: { position: "asc" },
  });
  const preDue = await db.noticeStage.findFirstOrThrow({ where: { libraryId, kind: "pre_due" } });
  const titles = ["De avonden", "Het smelt", "Max Havelaar", "Het verdriet van België"];
  const links: Partial<SelfServiceLinks> = {};
  for (const patron of PATRONS) {
    await db.patron.create({
      data: {
        id: patron.id,
        libraryId,
        cardNumber: `E2E-SELF-${patron.language}`,
        firstName: patron.firstName,
        lastName: "Zelfbediening",
        street: "Geheime straat 9",
        postalCode: "8760",
        city: "Meulebeke",
        email: `self-${patron.language}@example.be`,
        emailStatus: "ok",
        language: patron.language,
        homeBranchId: branch.id,
        preDueOptIn: true,
      },
    });
    const loanIds: number[] = [];
    for (const [index, title] of titles.entries()) {
      const id = patron.id * 10 + index;
      await db.item.create({ data: { id, libraryId, barcode: `E2E-SELF-${id}`, title } });
      const due = index === 3 ? addDays(today, 3) : addDays(today, -7);
      await db.loan.create({
        data: {
          id,
          libraryId,
          ilsLoanId: `E2E-SELF-${id}`,
          patronId: patron.id,
          itemId: id,
          branchId: branch.id,
          loanedAt: new Date(`${addDays(due, -21)}T10:00:00Z`),
          dueDate: toDbDate(due),
          reserved: index === 1,
          renewalCount: index === 2 ? 3 : 0,
        },
      });
      loanIds.push(id);
    }
    const notice = (stageId: number, ids: number[], suffix: string) =>
      db.notice.create({
        data: {
          libraryId,
          patronId: patron.id,
          branchId: branch.id,
          stageId,
          planDate: toDbDate(today),
          channel: "email",
          channelReason: "e2e",
          language: patron.language,
          recipientEmail: `self-${patron.language}@example.be`,
          idempotencyKey: `e2e-self-${patron.id}-${suffix}`,
          loans: {
            create: ids.map((loanId) => ({
              loanId,
              stageId,
              dueDate: toDbDate(suffix === "pre" ? addDays(today, 3) : addDays(today, -7)),
            })),
          },
        },
      });
    const overdueNotice = await notice(overdue.id, loanIds.slice(0, 3), "over");
    const preDueNotice = await notice(preDue.id, [loanIds[3]], "pre");
    await renderPlannedNotices(db, { libraryId, noticeIds: [overdueNotice.id, preDueNotice.id], baseUrl });
    const [over, pre] = await Promise.all(
      [overdueNotice.id, preDueNotice.id].map(async (id) =>
        storedNoticeContent((await db.notice.findUniqueOrThrow({ where: { id } })).content),
      ),
    );
    const item = over?.items.find((i) => i.renewable);
    links[patron.language] = {
      firstName: patron.firstName,
      renewAll: over?.links.renewAll ?? "",
      renewItem: item?.renewable ? item.renewUrl : "",
      preferences: over?.links.preferences ?? "",
      unsubscribe: pre?.links.unsubscribe ?? "",
    };
    if (patron.language === "fr") {
      const expiredToken = signLink(library.linkSecret, {
        purpose: "preferences",
        noticeId: overdueNotice.id,
        loanId: null,
        expires: addDays(today, -1),
      });
      links.expired = `${baseUrl}/r/${expiredToken}`;
      links.forged = `${baseUrl}/r/${expiredToken.slice(0, -4)}AAAA`;
    }
  }
  writeFileSync(selfServiceLinksFile(port), JSON.stringify(links, null, 2));
}
