import { addDays, type LocalDate, toDbDate } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import { planNotices } from "@/lib/planning/plan-notices";
import { renderPlannedNotices, storedNoticeContent } from "@/lib/rendering/render-planned-notices";
import { createTestLibrary, type PatronInput } from "@/test/test-fixtures";

export const TODAY: LocalDate = "2026-03-10";
export const BASE_URL = "https://mijn.bib.example";

/**
 * Test fixture: a library, a patron with an overdue notice (planned and rendered the real
 * way, so its links are the ones the patron gets) about five loans: renewable, reserved, at
 * the renewal limit, and two more renewable ones. Returns the rendered content's links.
 */
export async function createNoticeWithLinks(db: Db, options: { code?: string; patron?: PatronInput } = {}) {
  const t = await createTestLibrary(db, { code: options.code ?? "S" });
  const patron = await t.patron({ language: "fr", ...options.patron });
  const due = addDays(TODAY, -7);
  const loans = [];
  for (let i = 0; i < 4; i++) loans.push(await t.loan(patron, { dueDate: due }));
  await db.loan.update({ where: { id: loans[1].id }, data: { reserved: true } });
  await db.loan.update({ where: { id: loans[2].id }, data: { renewalCount: 3 } });
  await planNotices(db, { libraryId: t.library.id, date: TODAY });
  await renderPlannedNotices(db, { libraryId: t.library.id, baseUrl: BASE_URL });
  const notice = await db.notice.findFirstOrThrow({ where: { patronId: patron.id } });
  const content = storedNoticeContent(notice.content);
  if (!content) throw new Error("notice not rendered");
  const renewItem = (loanId: number) => {
    const item = content.items.find((i) => i.loanId === loanId);
    return item?.renewable ? item.renewUrl : null;
  };
  return { t, patron, loans, notice, content, renewItem, due };
}

/** The token of a self-service URL (`…/r/<token>` or `…/u/<token>`). */
export function tokenOf(url: string): string {
  const match = /\/[ru]\/([^/?#]+)$/.exec(new URL(url).pathname);
  if (!match) throw new Error(`not a self-service link: ${url}`);
  return match[1];
}

export { toDbDate };
