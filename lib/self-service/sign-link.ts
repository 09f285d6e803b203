import { createHmac, timingSafeEqual } from "node:crypto";
import { addDays, daysBetween, type LocalDate } from "@/lib/dates";

/**
 * Signed links for the patron's self-service pages. A token names one notice, one purpose
 * (and for "renew-item" one loan of that notice) and the last day it works, and carries an
 * HMAC-SHA256 over all of that with the library's secret (`Library.linkSecret`). Changing
 * any character (another notice, loan, purpose or a later day) breaks the signature, so no
 * id in a URL reaches another patron. Short enough to type from a letter:
 * `a1k9.0.m2p.Xq3…` (purpose + notice, loan, expiry day, 16 characters of signature).
 */
export type LinkPurpose = "renew-all" | "renew-item" | "preferences" | "unsubscribe" | "confirm-email";

export type LinkClaims = {
  purpose: LinkPurpose;
  noticeId: number;
  /** only for renew-item: the loan to renew */
  loanId: number | null;
  /** the last library-local day the link works */
  expires: LocalDate;
};

const CODES: Record<LinkPurpose, string> = {
  "renew-all": "a",
  "renew-item": "i",
  preferences: "p",
  unsubscribe: "u",
  "confirm-email": "e",
};
const PURPOSES = new Map(Object.entries(CODES).map(([purpose, code]) => [code, purpose as LinkPurpose]));
const EPOCH: LocalDate = "1970-01-01";
const MAC_LENGTH = 16;
const TOKEN = /^([a-z])([0-9a-z]{1,10})\.([0-9a-z]{0,10})\.([0-9a-z]{1,6})\.([A-Za-z0-9_-]{16})$/;

/**
 * `bind` ties the token to a value that must still hold when it is used (the confirm-email
 * link binds the address waiting for confirmation: asking for another address voids it).
 */
export function signLink(secret: string, claims: LinkClaims, bind = ""): string {
  const body = [
    `${CODES[claims.purpose]}${claims.noticeId.toString(36)}`,
    claims.loanId === null ? "" : claims.loanId.toString(36),
    daysBetween(EPOCH, claims.expires).toString(36),
  ].join(".");
  return `${body}.${mac(secret, claims, bind)}`;
}

/** The claims a token states, not yet checked: null when it is not a token at all. */
export function parseLink(token: string): (LinkClaims & { signature: string }) | null {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const purpose = PURPOSES.get(match[1]);
  if (!purpose) return null;
  const noticeId = Number.parseInt(match[2], 36);
  const loanId = match[3] === "" ? null : Number.parseInt(match[3], 36);
  if (!Number.isSafeInteger(noticeId) || noticeId > 2_147_483_647) return null;
  if (loanId !== null && (!Number.isSafeInteger(loanId) || loanId > 2_147_483_647)) return null;
  if ((purpose === "renew-item") !== (loanId !== null)) return null;
  return {
    purpose,
    noticeId,
    loanId,
    expires: addDays(EPOCH, Number.parseInt(match[4], 36)),
    signature: match[5],
  };
}

/** True when the signature was made with this secret over exactly these claims. */
export function hasValidSignature(
  secret: string,
  parsed: LinkClaims & { signature: string },
  bind = "",
): boolean {
  const expected = Buffer.from(mac(secret, parsed, bind));
  const given = Buffer.from(parsed.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function mac(secret: string, claims: LinkClaims, bind: string): string {
  const message = [
    "rappel-link-v1",
    claims.purpose,
    claims.noticeId,
    claims.loanId ?? "",
    claims.expires,
    bind,
  ];
  return createHmac("sha256", secret).update(message.join("|")).digest("base64url").slice(0, MAC_LENGTH);
}
