import "server-only";
import { getTranslations } from "next-intl/server";
import type { Problem } from "./domain-error";
import { knownProblemText, problemText, type Translate } from "./error-text";

/** The staff member's translator (next-intl), for keys built at run time; undefined when unknown. */
export async function getStaffTranslate(): Promise<Translate> {
  const t = await getTranslations();
  return (key, values) => {
    const typed = key as Parameters<typeof t>[0];
    return t.has(typed) ? t(typed, values) : undefined;
  };
}

/** A stored code's words (a send run's stop reason), or undefined when the code has none. */
export async function staffKnownProblemText(problem: Problem): Promise<string | undefined> {
  return knownProblemText(await getStaffTranslate(), problem);
}

/** A problem in the signed-in staff member's language (pages that show one outside a form). */
export async function staffProblemText(problem: Problem): Promise<string> {
  return problemText(await getStaffTranslate(), problem);
}
