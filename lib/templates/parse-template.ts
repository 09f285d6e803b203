import { isPlaceholderKey, PLACEHOLDER_KEYS, type PlaceholderKey } from "./placeholders";

export type TemplatePart = { type: "text"; value: string } | { type: "placeholder"; key: PlaceholderKey };

export type TemplateProblemCode =
  | "unknown_placeholder"
  | "empty_placeholder"
  | "unclosed_brace"
  | "unexpected_closing_brace";

export type TemplateProblem = {
  code: TemplateProblemCode;
  /** English, for logs and as a fallback; the UI may build its own from the other fields */
  message: string;
  /** 1-based character (code point) where the problem starts, as a librarian counts */
  position: number;
  /** characters covered, for highlighting */
  length: number;
  /** what was written between the braces, for unknown placeholders */
  placeholder?: string;
  suggestion?: PlaceholderKey;
};

export type ParsedTemplate = { ok: true; parts: TemplatePart[] } | { ok: false; problems: TemplateProblem[] };

/**
 * Splits a librarian's text into literal text and placeholders. Braces are reserved for
 * placeholders: there is no escape for a literal brace, so a valid template can never put
 * "{" or "}" in front of a patron.
 */
export function parseTemplate(source: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const problems: TemplateProblem[] = [];
  const at = (index: number) => countCodePoints(source, index) + 1;
  let text = "";
  let i = 0;

  while (i < source.length) {
    const char = source[i];
    if (char === "}") {
      problems.push({
        code: "unexpected_closing_brace",
        message: `Unexpected } at character ${at(i)}: it closes no placeholder`,
        position: at(i),
        length: 1,
      });
      i += 1;
      continue;
    }
    if (char !== "{") {
      text += char;
      i += 1;
      continue;
    }

    const close = findClose(source, i + 1);
    if (close === -1) {
      problems.push({
        code: "unclosed_brace",
        message: `Unclosed { at character ${at(i)}: close the placeholder with } or remove the {`,
        position: at(i),
        length: 1,
      });
      i += 1;
      continue;
    }

    const written = source.slice(i + 1, close);
    const name = written.trim();
    const length = countCodePoints(source, close + 1) - countCodePoints(source, i);
    if (name === "") {
      problems.push({
        code: "empty_placeholder",
        message: `Empty placeholder {} at character ${at(i)}`,
        position: at(i),
        length,
      });
    } else if (isPlaceholderKey(name)) {
      if (text) parts.push({ type: "text", value: text });
      text = "";
      parts.push({ type: "placeholder", key: name });
    } else {
      const suggestion = suggestPlaceholder(name);
      problems.push({
        code: "unknown_placeholder",
        message:
          `Unknown placeholder {${name}} at character ${at(i)}` +
          (suggestion ? ` (did you mean {${suggestion}}?)` : ""),
        position: at(i),
        length,
        placeholder: name,
        ...(suggestion ? { suggestion } : {}),
      });
    }
    i = close + 1;
  }

  if (problems.length > 0) return { ok: false, problems };
  if (text) parts.push({ type: "text", value: text });
  return { ok: true, parts };
}

/** The index of the } closing a placeholder opened before `from`, or -1 when another { or a line break comes first. */
function findClose(source: string, from: number): number {
  for (let j = from; j < source.length; j++) {
    const c = source[j];
    if (c === "}") return j;
    if (c === "{" || c === "\n") return -1;
  }
  return -1;
}

function countCodePoints(source: string, endIndex: number): number {
  let count = 0;
  for (let j = 0; j < endIndex; j++) {
    const code = source.charCodeAt(j);
    // a high surrogate and its low surrogate are one character
    if (code >= 0xdc00 && code <= 0xdfff && j > 0) {
      const previous = source.charCodeAt(j - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) continue;
    }
    count += 1;
  }
  return count;
}

/** The known placeholder closest to a misspelt one, if it is close enough to be what was meant. */
function suggestPlaceholder(name: string): PlaceholderKey | undefined {
  let best: { key: PlaceholderKey; distance: number } | undefined;
  for (const key of PLACEHOLDER_KEYS) {
    const distance = editDistance(name.toLowerCase(), key.toLowerCase());
    if (!best || distance < best.distance) best = { key, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 4)) ? best.key : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}
