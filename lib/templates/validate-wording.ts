import { parseTemplate, type TemplateProblem } from "./parse-template";

/** The editable wording of a notice: one per stage, language and level. */
export type NoticeWording = { subject: string; opening: string; closing: string };

export type WordingField = keyof NoticeWording | "message";

export type WordingProblem =
  | TemplateProblem
  | { code: "too_long" | "line_break_in_subject"; message: string; position: number; length: number };

export const WORDING_LIMITS: Record<WordingField, number> = {
  subject: 200,
  opening: 4000,
  closing: 4000,
  message: 4000,
};

/**
 * Checks the fields a librarian saves. Empty or missing fields are fine: they inherit from
 * the level above. Returns the problems per field; an empty object means valid.
 */
export function validateWording(
  fields: Partial<Record<WordingField, string | null | undefined>>,
): Partial<Record<WordingField, WordingProblem[]>> {
  const result: Partial<Record<WordingField, WordingProblem[]>> = {};
  for (const [field, value] of Object.entries(fields) as [WordingField, string | null | undefined][]) {
    if (value == null || value.trim() === "") continue;
    const problems: WordingProblem[] = [];
    const limit = WORDING_LIMITS[field];
    if (value.length > limit) {
      problems.push({
        code: "too_long",
        message: `Too long: ${value.length} characters, at most ${limit}`,
        position: limit + 1,
        length: value.length - limit,
      });
    }
    if (field === "subject" && /[\r\n]/.test(value)) {
      const index = value.search(/[\r\n]/);
      problems.push({
        code: "line_break_in_subject",
        message: `A subject is one line: line break at character ${index + 1}`,
        position: index + 1,
        length: 1,
      });
    }
    const parsed = parseTemplate(value);
    if (!parsed.ok) problems.push(...parsed.problems);
    if (problems.length > 0) result[field] = problems;
  }
  return result;
}
