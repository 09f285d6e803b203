// Text PostgreSQL cannot store or nobody typed: checked once where text enters (client-safe).
import type { Problem } from "./domain-error";

/** More than any form field, search or URL parameter of Rappel needs (a letter's wording: 10,000). */
export const MAX_TEXT_LENGTH = 20_000;

/**
 * Why this text cannot be taken, or null when it can: a NUL byte (PostgreSQL refuses \u0000 in
 * text: the query would fail with a 500) or another control character except tab, line feed
 * and carriage return, half of a surrogate pair (not a character at all), or more than `max`
 * characters.
 */
export function textProblem(value: string, max = MAX_TEXT_LENGTH): Pick<Problem, "code" | "values"> | null {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 ? c !== 0x09 && c !== 0x0a && c !== 0x0d : c === 0x7f) return { code: "invalidText" };
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return { code: "invalidText" };
      i++; // a whole pair
    } else if (c >= 0xdc00 && c <= 0xdfff) return { code: "invalidText" };
  }
  if (value.length > max) return { code: "textTooLong", values: { max } };
  return null;
}

/** The text with each control character and half character shown as "?": safe to show or store in a report. */
export function visibleText(value: string): string {
  let out = "";
  for (const char of value) {
    const c = char.charCodeAt(0);
    const bad =
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) ||
      c === 0x7f ||
      (char.length === 1 && c >= 0xd800 && c <= 0xdfff);
    out += bad ? "?" : char;
  }
  return out;
}

/**
 * Every problem of a form's text fields (FormData as a plain object, repeated names as
 * arrays), one per field: files and other values are left to the schema.
 */
export function formTextProblems(fields: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  for (const [field, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      const problem = typeof item === "string" ? textProblem(item) : null;
      if (problem) {
        problems.push({ ...problem, field });
        break;
      }
    }
  }
  return problems;
}
