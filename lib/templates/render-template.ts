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
  let parsed = parsedTemplates.get(source);
  if (!parsed) {
    parsed = parseTemplate(source);
    if (parsedTemplates.size >= PARSED_CACHE_SIZE) parsedTemplates.clear();
    parsedTemplates.set(source, parsed);
  }
  if (!parsed.ok) throw new TemplateError(parsed.problems);
  let out = "";
  for (const part of parsed.parts) {
    out += part.type === "text" ? part.value : stripBraces(values[part.key] ?? "");
  }
  return out;
}

/**
 * A send run fills the same few wordings in for every patron: each is parsed once (a parsed
 * template is never changed; the whole cache is dropped when it is full).
 */
const parsedTemplates = new Map<string, ReturnType<typeof parseTemplate>>();
const PARSED_CACHE_SIZE = 1_000;

function stripBraces(value: string): string {
  return value.replace(/[{}]/g, "");
}
