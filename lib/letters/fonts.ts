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
