import type { Dictionary } from "./dictionary";

export type FallbackNoteText = { title: string; paragraphs: string[] };

/**
 * "We could not reach you by email": printed on a letter that replaces an email (Beernem's
 * practice), so the patron checks the address. Without a known address it invites them to
 * give one instead.
 */
export function fallbackNoteText(
  t: Dictionary,
  input: { email?: string | null; preferencesUrl: string },
): FallbackNoteText {
  return {
    title: t.fallback.title,
    paragraphs: [
      input.email ? t.fallback.bounced(input.email) : t.fallback.noEmail,
      t.fallback.update(input.preferencesUrl),
    ],
  };
}
