import "server-only";
import { fromDbDate, type LocalDate, toDbDate } from "@/lib/dates";
import type { DbTx } from "@/lib/db-client";
import { DomainError } from "@/lib/errors/domain-error";
import { recordForIls } from "@/lib/ils-outbox/record-for-ils";
import { branchRenewalPolicy, type RenewalPolicy, renewalState } from "@/lib/loans/renewal-policy";
import type { RenewLoanInput } from "./desk-input";
import type { Audit, DeskActor } from "./desk-scope";

/**
 * Renews a loan at the desk: a new due date and one more renewal, in the caller's
 * transaction. Refuses when the loan is not renewable, or when it changed since the desk saw
 * it (renewed or returned meanwhile): the person at the desk then looks again.
 */
export async function renewLoan(
  tx: DbTx,
  audit: Audit,
  actor: DeskActor,
  input: RenewLoanInput,
  today: LocalDate,
  /** default: the limits of the branch that lent the item */
  policy?: RenewalPolicy,
) {
  await tx.$queryRaw`SELECT 1 FROM "Loan" WHERE "id" = ${input.loanId} AND "libraryId" = ${actor.libraryId} FOR UPDATE`;
  const loan = await tx.loan.findFirst({
    where: { id: input.loanId, libraryId: actor.libraryId },
    select: {
      id: true,
      ilsLoanId: true,
      patronId: true,
      dueDate: true,
      renewalCount: true,
      reserved: true,
      returnedAt: true,
      patron: { select: { feesOwedCents: true, cardNumber: true } },
      item: { select: { barcode: true } },
      branch: {
        select: {
          renewalMaxCount: true,
          renewalPeriodDays: true,
          renewalMaxFeesCents: true,
          renewalMaxOverdueDays: true,
        },
      },
    },
  });
  if (!loan) throw new DomainError("desk.loanNotFound");
  const dueDate = fromDbDate(loan.dueDate);
  if (dueDate !== input.seenDueDate || loan.renewalCount !== input.seenRenewalCount || loan.returnedAt)
    throw new DomainError("desk.loanChanged");
  const state = renewalState(
    {
      dueDate,
      renewalCount: loan.renewalCount,
      reserved: loan.reserved,
      returned: loan.returnedAt !== null,
      patronFeesCents: loan.patron.feesOwedCents,
    },
    today,
    policy ?? branchRenewalPolicy(loan.branch),
  );
  if (!state.renewable) throw new DomainError(`desk.notRenewable.${state.reason}`);
  await tx.loan.update({
    where: { id: loan.id },
    data: { dueDate: toDbDate(state.newDueDate), renewalCount: loan.renewalCount + 1 },
  });
  await recordForIls(tx, {
    libraryId: actor.libraryId,
    kind: "renewal",
    source: "desk",
    patronId: loan.patronId,
    loanId: loan.id,
    payload: {
      ilsLoanId: loan.ilsLoanId,
      cardNumber: loan.patron.cardNumber,
      barcode: loan.item.barcode,
      dueDate: state.newDueDate,
      renewalCount: loan.renewalCount + 1,
    },
  });
  await audit({
    action: "loan.renew",
    entityType: "Loan",
    entityId: loan.id,
    patronId: loan.patronId,
    before: { dueDate, renewalCount: loan.renewalCount },
    after: { dueDate: state.newDueDate, renewalCount: loan.renewalCount + 1 },
  });
  return { loanId: loan.id, patronId: loan.patronId, newDueDate: state.newDueDate };
}
