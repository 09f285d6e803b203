import "server-only";
import { fromDbDate, type LocalDate } from "@/lib/dates";
import type { Db, DbTx } from "@/lib/db-client";
import type { LetterReason } from "@/lib/generated/prisma/enums";
import { noticePatron } from "@/lib/rendering/notice-content";
import { type StoredNoticeContent, storedNoticeContent } from "@/lib/rendering/render-planned-notices";
import { type AddressProblem, addressProblems } from "./address-problems";

export type LetterItemState = "open" | "returned" | "renewed";

export type LetterItem = {
  loanId: number;
  title: string;
  barcode: string;
  /** the due date the notice was about */
  dueDate: LocalDate;
  state: LetterItemState;
};

/**
 * What a letter waiting to be printed would print now: "printable", "problem" (the patron's
 * address cannot go on an envelope) or "settled" (every item was returned or renewed past
 * the notice's due date since: the letter drops out).
 */
export type QueuedLetterState = "printable" | "problem" | "settled";

/** The patron's current address: a letter always goes to the address of the day. */
type PatronRow = {
  id: number;
  firstName: string;
  lastName: string;
  cardNumber: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
  email: string | null;
};

/**
 * What a letter needs of its notice as things stand now: the patron's current name and
 * address, and each of the notice's loans with what became of it since (returned, renewed).
 * The print queue and the desk's "Print letter now" both read a notice through this.
 */
export const noticeNowSelect = {
  patron: {
    select: {
      id: true,
      firstName: true,
      lastName: true,
      cardNumber: true,
      street: true,
      postalCode: true,
      city: true,
      country: true,
      email: true,
    },
  },
  loans: {
    orderBy: { loanId: "asc" as const },
    select: {
      dueDate: true,
      loan: {
        select: {
          id: true,
          dueDate: true,
          returnedAt: true,
          item: { select: { title: true, barcode: true } },
        },
      },
    },
  },
} as const;

const noticeSelect = {
  id: true,
  branchId: true,
  channel: true,
  channelReason: true,
  channelReasonDetail: true,
  feeCents: true,
  planDate: true,
  recipientEmail: true,
  renderedAt: true,
  content: true,
  stage: { select: { key: true, labels: true, kind: true, position: true } },
  ...noticeNowSelect,
} as const;

/** Every item of a notice and what became of it since. */
export function letterItems(
  loans: {
    dueDate: Date;
    loan: { id: number; dueDate: Date; returnedAt: Date | null; item: { title: string; barcode: string } };
  }[],
): LetterItem[] {
  return loans.map(({ dueDate, loan }) => ({
    loanId: loan.id,
    title: loan.item.title,
    barcode: loan.item.barcode,
    dueDate: fromDbDate(dueDate),
    state: loan.returnedAt ? "returned" : loan.dueDate.getTime() > dueDate.getTime() ? "renewed" : "open",
  }));
}

/** Every item was returned or renewed past the notice's due date since: nothing is left to ask for. */
export function allSettled(items: LetterItem[]): boolean {
  return items.every((item) => item.state !== "open");
}

/** The loans of the library's letters still in the queue (not in a batch, not cancelled), with their notice. */
export async function loadQueuedLetters(
  db: Db | DbTx,
  where: { libraryId: number; branchId?: number; letterIds?: number[]; registered?: boolean },
) {
  const rows = await db.letter.findMany({
    where: {
      status: "queued",
      batchId: null,
      reason: { not: "desk" },
      ...(where.letterIds ? { id: { in: where.letterIds } } : {}),
      ...(where.registered !== undefined ? { registered: where.registered } : {}),
      notice: {
        libraryId: where.libraryId,
        status: { not: "cancelled" },
        ...(where.branchId ? { branchId: where.branchId } : {}),
      },
    },
    orderBy: { id: "asc" },
    select: { id: true, reason: true, registered: true, createdAt: true, notice: { select: noticeSelect } },
  });
  return rows.map((row) => {
    const items = letterItems(row.notice.loans);
    const problems = addressProblems(row.notice.patron);
    const state: QueuedLetterState = allSettled(items)
      ? "settled"
      : problems.length > 0
        ? "problem"
        : "printable";
    return { ...row, items, problems, state };
  });
}

export type QueuedLetter = Awaited<ReturnType<typeof loadQueuedLetters>>[number];

/**
 * What a letter prints, frozen when it is printed: the notice's stored content with the date
 * of printing, the patron's current name and address, only the items still open at the
 * notice's stage, the registered marking and the fallback note ("we could not reach you by
 * email") when the letter replaces an email.
 */
export function letterContentOf(input: {
  content: StoredNoticeContent;
  patron: PatronRow;
  items: LetterItem[];
  reason: LetterReason;
  registered: boolean;
  recipientEmail: string | null;
  date: LocalDate;
}): StoredNoticeContent {
  const open = new Set(input.items.filter((item) => item.state === "open").map((item) => item.loanId));
  const { content, patron } = input;
  const fallback =
    content.fallback ??
    (input.reason === "email_bounced" || input.reason === "no_email"
      ? { email: input.recipientEmail ?? patron.email ?? null }
      : null);
  return {
    ...content,
    date: input.date,
    // today's name and address; the email the notice was about stays
    patron: { ...noticePatron(patron), email: content.patron.email },
    stage: { ...content.stage, registered: input.registered },
    items: content.items.filter((item) => item.loanId === undefined || open.has(Number(item.loanId))),
    fallback,
  };
}

export type { AddressProblem };
export { storedNoticeContent };
