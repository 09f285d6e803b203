import { existsSync } from "node:fs";
import path from "node:path";
import { Font } from "@react-pdf/renderer";

/**
 * Noto Sans, embedded (subset) in every letter: the PDF standard fonts only cover Windows-1252,
 * which would garble names such as "Yılmaz" or "Łukasz" and the narrow no-break space that
 * French amounts use. Falls back to Helvetica if the font package is missing.
 */
export const LETTER_FONT = "Noto Sans";
const FONT_DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans");
const REGULAR = path.join(FONT_DIR, "400Regular", "NotoSans_400Regular.ttf");
const BOLD = path.join(FONT_DIR, "700Bold", "NotoSans_700Bold.ttf");

let family: string | undefined;

export function letterFontFamily(): string {
  if (family) return family;
  if (existsSync(REGULAR) && existsSync(BOLD)) {
    Font.register({
      family: LETTER_FONT,
      fonts: [
        { src: REGULAR, fontWeight: 400 },
        { src: BOLD, fontWeight: 700 },
      ],
    });
    family = LETTER_FONT;
  } else {
    console.warn(
      `Letter font not found in ${FONT_DIR}; letters use Helvetica (Western European characters only).`,
    );
    family = "Helvetica";
  }
  // Hyphenation patterns are English only: never split Dutch or French words.
  Font.registerHyphenationCallback((word) => [word]);
  return family;
}

type ShapingFont = {
  layout: (
    text: string,
    features?: unknown,
    script?: unknown,
    language?: unknown,
    direction?: unknown,
  ) => unknown;
};
const memoized = new WeakSet<object>();

/**
 * Remembers how the letter font shaped each piece of text (fontkit's OpenType layout, a
 * quarter of a batch's time): a batch repeats its headings, labels, dates and titles letter
 * after letter. The result is read-only to react-pdf (it copies the positions it scales), so
 * sharing it is safe. Call after a layout, once the font is loaded; calling again is cheap.
 */
export function memoizeLetterShaping(): void {
  const families = Font.getRegisteredFonts() as Record<string, { sources?: { data?: unknown }[] }>;
  for (const source of families[LETTER_FONT]?.sources ?? []) {
    const font = source.data as ShapingFont | null | undefined;
    if (!font || memoized.has(font)) continue;
    memoized.add(font);
    const shape = font.layout.bind(font);
    const cache = new Map<string, unknown>();
    font.layout = (text, features, script, language, direction) => {
      if (features !== undefined || script !== undefined || language !== undefined) {
        return shape(text, features, script, language, direction);
      }
      const key = `${String(direction)}\u0000${text}`;
      let run = cache.get(key);
      if (run === undefined) {
        if (cache.size >= 50_000) cache.clear();
        run = shape(text, features, script, language, direction);
        cache.set(key, run);
      }
      return run;
    };
  }
}
