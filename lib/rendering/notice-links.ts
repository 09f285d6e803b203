import { createHash } from "node:crypto";
import type { NoticeLinks } from "./types";

/**
 * The links a stored notice carries, built in this one place.
 *
 * PLACEHOLDER until the self-service pages exist: every link starts with an opaque
 * per-notice reference derived from the notice's idempotency key (`/r/<ref>/...`), so no
 * loan or patron id shows in a URL and nothing can be renewed by editing a number. The
 * self-service issue must make these references unguessable and verifiable (a random token
 * stored per notice, or an HMAC with a server secret) and resolve `/r/<ref>` to the notice;
 * the shape of the URLs can stay.
 */
export function noticeReference(idempotencyKey: string): string {
  return createHash("sha256").update(idempotencyKey).digest("base64url").slice(0, 22);
}

export type NoticeLinkBuilder = {
  links: NoticeLinks;
  /** renews one loan of the notice */
  renewItem(loanId: number): string;
};

export function buildNoticeLinks(input: {
  baseUrl: string;
  idempotencyKey: string;
  /** optional reminders (pre-due) carry a one-click unsubscribe */
  optional: boolean;
  /** false = no item can be renewed: no "renew all" button */
  anyRenewable: boolean;
}): NoticeLinkBuilder {
  const base = `${input.baseUrl.replace(/\/+$/, "")}/r/${noticeReference(input.idempotencyKey)}`;
  return {
    links: {
      renewAll: input.anyRenewable ? `${base}/renew` : null,
      preferences: `${base}/preferences`,
      unsubscribe: input.optional ? `${base}/unsubscribe` : null,
    },
    renewItem: (loanId) => `${base}/renew/${loanId}`,
  };
}
