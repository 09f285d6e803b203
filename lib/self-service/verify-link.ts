import "server-only";
import { type LocalDate, localToday } from "@/lib/dates";
import type { Db, DbTx } from "@/lib/db-client";
import type { Language } from "@/lib/generated/prisma/enums";
import { hasValidSignature, type LinkPurpose, parseLink } from "./sign-link";

/** Where the patron finds help: the branch of the notice. Never the patron's own data. */
export type HelpContact = { library: string; branch: string; email: string | null; phone: string | null };

export type VerifiedLink = {
  purpose: LinkPurpose;
  token: string;
  noticeId: number;
  loanId: number | null;
  expires: LocalDate;
  today: LocalDate;
  libraryId: number;
  patronId: number;
  language: Language;
  help: HelpContact;
};

export type LinkCheck =
  | { ok: true; link: VerifiedLink }
  | {
      ok: false;
      /** invalid: not one of ours (mistyped, altered, forged); expired: ours, but too old */
      problem: "invalid" | "expired";
      /** known only when the signature holds */
      language: Language | null;
      help: HelpContact | null;
    };

const INVALID: LinkCheck = { ok: false, problem: "invalid", language: null, help: null };

/**
 * Checks a link token: its signature with the secret of the notice's library, its purpose,
 * its last day, and for renew-item that the loan belongs to the notice. The library, the
 * patron and what the link may do are decided here, from the signed token only; everything
 * after it is scoped by them. Changes nothing.
 */
export async function verifyLink(
  db: Db | DbTx,
  token: string,
  options: {
    /** the library-local day to check the expiry against; default: today in the library's zone */
    today?: LocalDate | ((timeZone: string) => LocalDate);
  } = {},
): Promise<LinkCheck> {
  const parsed = parseLink(token);
  if (!parsed) return INVALID;
  const notice = await db.notice.findUnique({
    where: { id: parsed.noticeId },
    select: {
      id: true,
      libraryId: true,
      patronId: true,
      stage: { select: { kind: true } },
      library: { select: { name: true, timeZone: true, linkSecret: true } },
      branch: { select: { name: true, email: true, phone: true } },
      patron: { select: { language: true, pendingEmailAt: true } },
      loans: parsed.loanId === null ? false : { where: { loanId: parsed.loanId }, select: { loanId: true } },
    },
  });
  if (!notice) return INVALID;
  // the confirm-email link is bound to the moment the address was asked for: asking again
  // voids the older link
  const bind = parsed.purpose === "confirm-email" ? emailRequestBinding(notice.patron.pendingEmailAt) : "";
  if (!hasValidSignature(notice.library.linkSecret, parsed, bind)) return INVALID;
  if (parsed.purpose === "renew-item" && !notice.loans?.length) return INVALID;
  if (parsed.purpose === "unsubscribe" && notice.stage.kind !== "pre_due") return INVALID;

  const help: HelpContact = {
    library: notice.library.name,
    branch: notice.branch.name,
    email: notice.branch.email,
    phone: notice.branch.phone,
  };
  const today =
    typeof options.today === "function"
      ? options.today(notice.library.timeZone)
      : (options.today ?? localToday(notice.library.timeZone));
  if (today > parsed.expires)
    return { ok: false, problem: "expired", language: notice.patron.language, help };
  return {
    ok: true,
    link: {
      purpose: parsed.purpose,
      token,
      noticeId: notice.id,
      loanId: parsed.loanId,
      expires: parsed.expires,
      today,
      libraryId: notice.libraryId,
      patronId: notice.patronId,
      language: notice.patron.language,
      help,
    },
  };
}

/** What a confirm-email link is bound to (see changePreferences). */
export function emailRequestBinding(pendingEmailAt: Date | null): string {
  return pendingEmailAt ? pendingEmailAt.toISOString() : "";
}
