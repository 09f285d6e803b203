import "server-only";
import { loadBranchCalendars } from "@/lib/calendar/load-branch-calendars";
import { fromDbDate, type LocalDate, localToday, parseLocalDate } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadLibrarySettings } from "@/lib/settings/load-settings";
import { effectiveStagesForBranch } from "@/lib/settings/resolve-stage-settings";
import { evaluateLoan, type LoanEvaluation } from "./evaluate-loan";

export type LoanExplanation = {
  loanId: number;
  patronId: number;
  branchId: number;
  branchName: string;
  dueDate: LocalDate;
  /** returned loans get no notice: nothing else to explain */
  returned: boolean;
  evaluation: LoanEvaluation | null;
};

/**
 * Why each of these loans gets (or does not get) a notice on `date`: stage by stage, with the
 * day a waiting stage is reached and the reason for each channel. Loads in a handful of
 * queries whatever the number of loans (a patron's loans, a notice's loans).
 */
export async function explainLoans(
  db: Db | Prisma.TransactionClient,
  { libraryId, loanIds, date }: { libraryId: number; loanIds: number[]; date: LocalDate },
): Promise<LoanExplanation[]> {
  parseLocalDate(date);
  const settings = await loadLibrarySettings(db, libraryId);
  const calendars = await loadBranchCalendars(db, libraryId);
  const loans = await db.loan.findMany({
    where: { libraryId, id: { in: loanIds } },
    orderBy: { id: "asc" },
    include: {
      patron: { include: { stageOverrides: true } },
      notices: { include: { notice: { select: { planDate: true } } } },
    },
  });
  const branchNames = new Map(settings.branches.map((b) => [b.id, b.name]));

  return loans.map((loan) => {
    const dueDate = fromDbDate(loan.dueDate);
    const explanation = {
      loanId: loan.id,
      patronId: loan.patronId,
      branchId: loan.branchId,
      branchName: branchNames.get(loan.branchId) ?? "",
      dueDate,
      returned: loan.returnedAt != null,
    };
    if (loan.returnedAt != null) return { ...explanation, evaluation: null };
    const { patron } = loan;
    const evaluation = evaluateLoan({
      date,
      dueDate,
      stages: effectiveStagesForBranch(settings, loan.branchId),
      branchName: explanation.branchName,
      calendar: calendars.get(loan.branchId)!,
      history: loan.notices
        .filter((n) => fromDbDate(n.dueDate) === dueDate)
        .map((n) => ({ stageId: n.stageId, planDate: fromDbDate(n.notice.planDate) })),
      patron: {
        email: patron.email,
        emailStatus: patron.emailStatus,
        emailStatusDate: patron.emailStatusAt ? localToday(settings.timeZone, patron.emailStatusAt) : null,
        channelPreference: patron.channelPreference,
        preDueOptIn: patron.preDueOptIn,
        noticesPausedUntil: patron.noticesPausedUntil ? fromDbDate(patron.noticesPausedUntil) : null,
      },
      patronOverrides: patron.stageOverrides,
    });
    return { ...explanation, evaluation };
  });
}
