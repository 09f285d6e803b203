import type { LocalDate } from "@/lib/dates";
import { type LinkClaims, signLink } from "@/lib/self-service/sign-link";
import type { NoticeLinks } from "./types";

/**
 * The links a stored notice carries, built in this one place: signed tokens (see
 * lib/self-service/sign-link.ts) under the library's public base URL.
 *   /r/<token>  the self-service page (renew one item, renew all, preferences, unsubscribe)
 *   /u/<token>  RFC 8058 one-click unsubscribe: POST unsubscribes without a page, GET shows
 *               the unsubscribe page. `links.unsubscribe` is this URL, so the email footer and
 *               the List-Unsubscribe header use the same one.
 */
export type NoticeLinkSigning = {
  /** the public site, e.g. https://rappel.bib.be */
  baseUrl: string;
  /** the library's link secret (Library.linkSecret) */
  secret: string;
  noticeId: number;
  /** the last library-local day the links work */
  expires: LocalDate;
};

export type NoticeLinkBuilder = {
  links: NoticeLinks;
  /** renews one loan of the notice */
  renewItem(loanId: number): string;
};

function url(
  input: NoticeLinkSigning,
  path: "r" | "u",
  claims: Pick<LinkClaims, "purpose" | "loanId">,
): string {
  const token = signLink(input.secret, { ...claims, noticeId: input.noticeId, expires: input.expires });
  return `${input.baseUrl.replace(/\/+$/, "")}/${path}/${token}`;
}

/** The one-click unsubscribe URL of a notice (List-Unsubscribe, with List-Unsubscribe-Post). */
export function unsubscribeUrl(input: NoticeLinkSigning): string {
  return url(input, "u", { purpose: "unsubscribe", loanId: null });
}

export function buildNoticeLinks(
  input: NoticeLinkSigning & {
    /** optional reminders (pre-due) carry a one-click unsubscribe */
    optional: boolean;
    /** false = no item can be renewed: no "renew all" button */
    anyRenewable: boolean;
  },
): NoticeLinkBuilder {
  return {
    links: {
      renewAll: input.anyRenewable ? url(input, "r", { purpose: "renew-all", loanId: null }) : null,
      preferences: url(input, "r", { purpose: "preferences", loanId: null }),
      unsubscribe: input.optional ? unsubscribeUrl(input) : null,
    },
    renewItem: (loanId) => url(input, "r", { purpose: "renew-item", loanId }),
  };
}
