import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { fromDbDate, type LocalDate, toDbDate } from "@/lib/dates";
import { type Db, type DbTx, inTransaction } from "@/lib/db-client";
import { recordForIls } from "@/lib/ils-outbox/record-for-ils";
import { branchRenewalPolicy, type RenewalState, renewalState } from "@/lib/loans/renewal-policy";
import type { NotRenewableReason } from "@/lib/rendering/types";
import { PATRON_ACTOR } from "./self-service-actor";
import type { VerifiedLink } from "./verify-link";

/** One loan on the renewal page, and what renewing it does or did. */
export type RenewalRow = {
  loanId: number;
  title: string;
  /** the due date now */
  dueDate: LocalDate;
} & (
  | { status: "renewable"; newDueDate: LocalDate }
  | { status: "renewed"; newDueDate: LocalDate }
  /** renewed or changed since the notice, by the desk or the library system: nothing to do */
  | { status: "changed" }
  | { status: "returned" }
  | { status: "not_renewable"; reason: NotRenewableReason }
);

export type RenewalView = { firstName: string; rows: RenewalRow[] };

/** The renewal of one loan from one notice: recorded once, whatever double clicks and reloads. */
export function renewalKey(noticeId: number, loanId: number): string {
  return `renewal:${noticeId}:${loanId}`;
}

/** What the renew link shows: the notice's loans (or its one loan) with the outcome of renewing each. */
export async function loadRenewalView(db: Db | DbTx, link: VerifiedLink): Promise<RenewalView> {
  const [patron, loans, done] = await Promise.all([
    db.patron.findUniqueOrThrow({
      where: { id: link.patronId },
      select: { firstName: true, feesOwedCents: true },
    }),
    noticeLoans(db, link),
    db.ilsOutboxEntry.findMany({
      where: { dedupeKey: { startsWith: `renewal:${link.noticeId}:` }, libraryId: link.libraryId },
      select: { loanId: true, payload: true },
    }),
  ]);
  const renewed = new Map(done.map((entry) => [entry.loanId, entry.payload as { newDueDate: LocalDate }]));
  return {
    firstName: patron.firstName,
    rows: loans.map((row) => {
      const base = { loanId: row.loan.id, title: row.loan.item.title, dueDate: fromDbDate(row.loan.dueDate) };
      const before = renewed.get(row.loan.id);
      if (before) return { ...base, status: "renewed", newDueDate: before.newDueDate };
      return { ...base, ...rowState(row, patron.feesOwedCents, link.today) };
    }),
  };
}

/**
 * Renews every loan the link covers that may be renewed, in one transaction with the loans
 * locked: each gets its new due date (so its notice stages start again from it), one
 * outbox entry for the library system and one audit entry "by the patron". A second call
 * (double click, reload, the other button) finds the outbox entry and renews nothing again.
 */
export async function renewFromLink(
  db: Db,
  link: VerifiedLink,
  now: Date = new Date(),
): Promise<RenewalView> {
  await inTransaction(db, async (tx) => {
    // Parallel requests for the same loans queue here, and the later one sees the renewal.
    await tx.$queryRaw`
      SELECT l."id" FROM "Loan" l JOIN "NoticeLoan" nl ON nl."loanId" = l."id"
      WHERE nl."noticeId" = ${link.noticeId} AND l."libraryId" = ${link.libraryId}
        AND l."patronId" = ${link.patronId} AND (${link.loanId}::int IS NULL OR l."id" = ${link.loanId}::int)
      ORDER BY l."id" FOR UPDATE OF l`;
    const view = await loadRenewalView(tx, link);
    for (const row of view.rows) {
      if (row.status !== "renewable") continue;
      const loan = await tx.loan.update({
        where: { id: row.loanId },
        data: { dueDate: toDbDate(row.newDueDate), renewalCount: { increment: 1 } },
        select: {
          renewalCount: true,
          ilsLoanId: true,
          patron: { select: { cardNumber: true } },
          item: { select: { barcode: true } },
        },
      });
      await recordForIls(tx, {
        libraryId: link.libraryId,
        kind: "renewal",
        source: "patron",
        patronId: link.patronId,
        loanId: row.loanId,
        dedupeKey: renewalKey(link.noticeId, row.loanId),
        payload: {
          ilsLoanId: loan.ilsLoanId,
          cardNumber: loan.patron.cardNumber,
          barcode: loan.item.barcode,
          previousDueDate: row.dueDate,
          newDueDate: row.newDueDate,
          renewalCount: loan.renewalCount,
          noticeId: link.noticeId,
        },
        createdAt: now,
      });
      await recordAudit(tx, {
        libraryId: link.libraryId,
        ...PATRON_ACTOR,
        action: "loan.renew",
        entityType: "Loan",
        entityId: row.loanId,
        patronId: link.patronId,
        before: { dueDate: row.dueDate, renewalCount: loan.renewalCount - 1 },
        after: { dueDate: row.newDueDate, renewalCount: loan.renewalCount },
      });
    }
  });
  return loadRenewalView(db, link);
}

type NoticeLoanRow = Awaited<ReturnType<typeof noticeLoans>>[number];

function noticeLoans(db: Db | DbTx, link: VerifiedLink) {
  return db.noticeLoan.findMany({
    where: {
      noticeId: link.noticeId,
      ...(link.loanId === null ? {} : { loanId: link.loanId }),
      loan: { libraryId: link.libraryId, patronId: link.patronId },
    },
    orderBy: { loanId: "asc" },
    select: {
      dueDate: true,
      loan: {
        select: {
          id: true,
          dueDate: true,
          renewalCount: true,
          reserved: true,
          returnedAt: true,
          item: { select: { title: true } },
          branch: {
            select: {
              renewalMaxCount: true,
              renewalPeriodDays: true,
              renewalMaxFeesCents: true,
              renewalMaxOverdueDays: true,
            },
          },
        },
      },
    },
  });
}

function rowState(
  row: NoticeLoanRow,
  feesOwedCents: number,
  today: LocalDate,
):
  | { status: "renewable"; newDueDate: LocalDate }
  | { status: "changed" }
  | { status: "returned" }
  | { status: "not_renewable"; reason: NotRenewableReason } {
  if (row.loan.returnedAt) return { status: "returned" };
  // The notice was about this due date; a loan renewed since (at the desk, in the library
  // system) is not renewed again from an older notice.
  if (row.loan.dueDate.getTime() !== row.dueDate.getTime()) return { status: "changed" };
  const state: RenewalState = renewalState(
    {
      dueDate: fromDbDate(row.loan.dueDate),
      renewalCount: row.loan.renewalCount,
      reserved: row.loan.reserved,
      returned: false,
      patronFeesCents: feesOwedCents,
    },
    today,
    branchRenewalPolicy(row.loan.branch),
  );
  if (state.renewable) return { status: "renewable", newDueDate: state.newDueDate };
  return { status: "not_renewable", reason: state.reason === "returned" ? "other" : state.reason };
}
