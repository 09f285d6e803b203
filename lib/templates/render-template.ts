import { parseTemplate, type TemplateProblem } from "./parse-template";
import type { PlaceholderValues } from "./placeholders";

export class TemplateError extends Error {
  constructor(readonly problems: TemplateProblem[]) {
    super(problems.map((p) => p.message).join("; "));
    this.name = "TemplateError";
  }
}

/**
 * Fills in a template. Throws a TemplateError for an invalid template instead of guessing.
 * The output never contains a brace: the template's literal text has none (the parser
 * refuses them) and braces in values (a title, a name) are dropped.
 */
export function renderTemplate(source: string, values: PlaceholderValues): string {
  const parsed = parseTemplate(source);
  if (!parsed.ok) throw new TemplateError(parsed.problems);
  let out = "";
  for (const part of parsed.parts) {
    out += part.type === "text" ? part.value : stripBraces(values[part.key] ?? "");
  }
  return out;
}

function stripBraces(value: string): string {
  return value.replace(/[{}]/g, "");
}
