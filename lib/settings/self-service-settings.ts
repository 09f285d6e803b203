import "server-only";
import { addDays, type LocalDate } from "@/lib/dates";
import type { Db, DbTx } from "@/lib/db-client";
import { DomainError, type Problem } from "@/lib/errors/domain-error";
import { signLink } from "@/lib/self-service/sign-link";
import { parseWholeNumber, type SettingsChange } from "./settings-problem";

/**
 * The settings of the patrons' links (issue 14): where the links point and how long they
 * work. Links are built by lib/rendering/notice-links.ts from these two values.
 */
export type SelfServiceSettings = {
  /** the public site's origin, "https://bib.meulebeke.be"; null = the host a request came in on */
  publicBaseUrl: string | null;
  /** days a notice's links keep working after the notice's date */
  linkValidityDays: number;
};

/** A week is the least a letter needs to arrive and be read; four months is plenty for the last notice. */
export const LINK_VALIDITY_DAYS_RANGE = [7, 120] as const;
/** The schema's default (Library.linkValidityDays). */
export const DEFAULT_LINK_VALIDITY_DAYS = 30;
const MAX_URL_LENGTH = 200;
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The public base URL as typed -> the origin stored ("https://Bib.be/" -> "https://bib.be"),
 * or why not: an absolute https URL (http only for this machine), no user name or password,
 * no path, query or fragment (the links add /r/... themselves). Refused as well, unless
 * `sameAsDashboard` confirms it: the staff dashboard's own origin, where patrons' links would
 * lead to the staff sign-in's host by accident. Empty = not set (null).
 */
export function checkPublicBaseUrl(
  text: string,
  options: { dashboardOrigin: string | null; sameAsDashboard: boolean },
): { value: string | null } | { problem: Problem } {
  const field = "publicBaseUrl";
  const trimmed = text.trim();
  if (trimmed === "") return { value: null };
  if (trimmed.length > MAX_URL_LENGTH)
    return { problem: { code: "settings.urlTooLong", field, values: { max: MAX_URL_LENGTH } } };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { problem: { code: "settings.invalidUrl", field } };
  }
  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) {
    return url.protocol === "http:"
      ? { problem: { code: "settings.urlNotHttps", field } }
      : { problem: { code: "settings.invalidUrl", field } };
  }
  if (url.username || url.password) return { problem: { code: "settings.urlWithCredentials", field } };
  if (url.pathname !== "/" || url.search || url.hash || trimmed.endsWith("?") || trimmed.endsWith("#"))
    return { problem: { code: "settings.urlWithPath", field, values: { origin: url.origin } } };
  if (options.dashboardOrigin && !options.sameAsDashboard) {
    const dashboard = safeOrigin(options.dashboardOrigin);
    if (dashboard === url.origin)
      return { problem: { code: "settings.urlIsDashboard", field, values: { origin: url.origin } } };
  }
  return { value: url.origin };
}

function safeOrigin(text: string): string | null {
  try {
    return new URL(text).origin;
  } catch {
    return null;
  }
}

/**
 * The path of a renew link as a notice of today would carry it ("/r/i1a2b.k3x.lz1.<16 characters>"),
 * signed with a throwaway key for a made-up notice: its shape and length, not a working link.
 */
export function exampleLinkPath(today: LocalDate, linkValidityDays: number): string {
  const token = signLink("example", {
    purpose: "renew-item",
    noticeId: 48_213,
    loanId: 912_345,
    expires: addDays(today, linkValidityDays),
  });
  return `/r/${token}`;
}

export async function loadSelfServiceSettings(
  db: Db | DbTx,
  libraryId: number,
): Promise<SelfServiceSettings> {
  return db.library.findUniqueOrThrow({
    where: { id: libraryId },
    select: { publicBaseUrl: true, linkValidityDays: true },
  });
}

/**
 * Checks and saves the public base URL and the link validity; refuses with every problem at
 * once (a DomainError), writing nothing. Null when nothing changed. Links already sent keep the address and last day they were made with.
 */
export async function saveSelfServiceSettings(
  tx: DbTx,
  input: {
    libraryId: number;
    publicBaseUrl: string;
    linkValidityDays: string;
    /** the staff dashboard's own origin, refused as the public one unless confirmed */
    dashboardOrigin: string | null;
    sameAsDashboard: boolean;
  },
): Promise<SettingsChange | null> {
  const problems: Problem[] = [];
  const url = checkPublicBaseUrl(input.publicBaseUrl, input);
  if ("problem" in url) problems.push(url.problem);
  const days = parseWholeNumber(input.linkValidityDays, "linkValidityDays", LINK_VALIDITY_DAYS_RANGE);
  if ("problem" in days) problems.push(days.problem);
  if ("problem" in url || "problem" in days) throw DomainError.all(problems);

  const before = await loadSelfServiceSettings(tx, input.libraryId);
  const after: SelfServiceSettings = { publicBaseUrl: url.value, linkValidityDays: days.value };
  if (before.publicBaseUrl === after.publicBaseUrl && before.linkValidityDays === after.linkValidityDays)
    return null;
  await tx.library.update({ where: { id: input.libraryId }, data: after });
  return {
    action: "library.self-service",
    entityType: "Library",
    entityId: input.libraryId,
    before,
    after,
  };
}
