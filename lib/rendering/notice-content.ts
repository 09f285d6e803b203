// What a notice says, built in one place for the render step and the templates' preview.
import type { LocalDate } from "@/lib/dates";
import type { Language } from "@/lib/generated/prisma/enums";
import type { RenewalPolicies } from "@/lib/loans/load-renewal-policies";
import { renewalState } from "@/lib/loans/renewal-policy";
import type { NoticeBranch, NoticeItem, NoticeRenderInput, NoticeStageInfo } from "./types";

/** An open loan as a notice lists it, with what the renewal rule needs. */
export type NoticeLoan = {
  id: number;
  /** the due date the notice is about (library-local) */
  dueDate: LocalDate;
  renewalCount: number;
  reserved: boolean;
  returned: boolean;
  /** the lending branch: its renewal limits apply */
  branchId: number;
  item: { title: string; author: string | null; barcode: string };
};

/** A branch row as stored, for the notice's sender block. */
type BranchRow = Omit<NoticeBranch, "email" | "phone" | "openingHoursUrl" | "country"> & {
  country: string;
  email: string | null;
  phone: string | null;
  openingHoursUrl: string | null;
};

export type NoticeContentSource = {
  language: Language;
  /** the notice's library-local day: the letter's date and the day renewals are judged on */
  date: LocalDate;
  reference: string;
  baseUrl: string;
  library: { name: string; website: string | null };
  branch: BranchRow;
  patron: NoticeRenderInput["patron"] & { feesOwedCents: number };
  stage: NoticeStageInfo;
  loans: NoticeLoan[];
  /** the library's renewal limits per lending branch (lib/loans) */
  policies: RenewalPolicies;
  /** the wording resolved for this stage, branch and language */
  wording: { subject: string; opening: string; closing: string };
  /** the stage's fee for this notice, in cents */
  feeCents: number;
  /**
   * the notice's links, once it is known whether any item can be renewed: signed tokens for
   * a real notice (notice-links.ts), links that lead nowhere for a preview
   */
  links(anyRenewable: boolean): { links: NoticeRenderInput["links"]; renewItem(loanId: number): string };
  /** a letter instead of an email that bounced or was missing: the address that failed */
  fallback?: { email: string | null } | null;
};

/**
 * The full render input of a notice: every item with renewable-or-why-not by the one renewal
 * rule of lib/loans (the lending branch's limits, the patron's fees, judged on the notice's
 * day), the sender branch, the patron, the stage, the fee, the wording and the links. The
 * render step stores it as `Notice.content`; the templates' preview shows it for a real or
 * sample patron, so the preview says what a notice would say.
 */
export function buildNoticeContent(source: NoticeContentSource): NoticeRenderInput & {
  fallback?: { email: string | null };
} {
  const items = source.loans.map((loan) => ({
    loan,
    state: renewalState(
      {
        dueDate: loan.dueDate,
        renewalCount: loan.renewalCount,
        reserved: loan.reserved,
        returned: loan.returned,
        patronFeesCents: source.patron.feesOwedCents,
      },
      source.date,
      source.policies.forBranch(loan.branchId),
    ),
  }));
  const links = source.links(items.some((item) => item.state.renewable));
  const { feesOwedCents: _fees, ...patron } = source.patron;
  return {
    language: source.language,
    date: source.date,
    reference: source.reference,
    baseUrl: source.baseUrl,
    library: { name: source.library.name, website: source.library.website },
    branch: {
      name: source.branch.name,
      street: source.branch.street,
      postalCode: source.branch.postalCode,
      city: source.branch.city,
      country: source.branch.country,
      email: source.branch.email,
      phone: source.branch.phone,
      openingHoursUrl: source.branch.openingHoursUrl,
    },
    patron,
    stage: source.stage,
    items: items.map(({ loan, state }): NoticeItem => {
      const base = {
        title: loan.item.title,
        author: loan.item.author,
        barcode: loan.item.barcode,
        dueDate: loan.dueDate,
        loanId: loan.id,
      };
      if (state.renewable) return { ...base, renewable: true, renewUrl: links.renewItem(loan.id) };
      const reason = state.reason === "returned" ? "other" : state.reason;
      return { ...base, renewable: false, notRenewableReason: reason };
    }),
    fees: source.feeCents > 0 ? [{ kind: "notice", amountCents: source.feeCents }] : [],
    // the wording resolved now, frozen: a later edit never changes a rendered notice
    texts: {
      subject: source.wording.subject,
      opening: source.wording.opening,
      closing: source.wording.closing,
    },
    message: null,
    links: links.links,
    ...(source.fallback ? { fallback: source.fallback } : {}),
  };
}

/** A patron row as a notice addresses it (the email as stored; a notice may send elsewhere). */
export function noticePatron(row: {
  firstName: string;
  lastName: string;
  cardNumber: string;
  email: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
}): NoticeRenderInput["patron"] {
  return {
    firstName: row.firstName,
    lastName: row.lastName,
    cardNumber: row.cardNumber,
    email: row.email,
    street: row.street ?? undefined,
    postalCode: row.postalCode ?? undefined,
    city: row.city ?? undefined,
    country: row.country,
  };
}

/** Overdue stages count 1, 2, 3 ... in their order; a pre-due reminder counts on its own. */
export function stageNumbers(stages: { id: number; kind: string }[]): Map<number, number> {
  const numbers = new Map<number, number>();
  let overdue = 0;
  for (const stage of stages) {
    if (stage.kind === "overdue") overdue += 1;
    numbers.set(stage.id, stage.kind === "overdue" ? overdue : 1);
  }
  return numbers;
}

/** A stage's label in the patron's language, else its key. */
export function stageLabel(labels: unknown, language: Language, fallback: string): string {
  if (labels && typeof labels === "object" && language in labels) {
    const value = (labels as Record<string, unknown>)[language];
    if (typeof value === "string" && value.trim()) return value;
  }
  return fallback;
}
