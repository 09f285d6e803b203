import { existsSync } from "node:fs";
import path from "node:path";

/**
 * Noto Sans, embedded (subset, once per document) in every letter: the PDF standard fonts
 * only cover Windows-1252, which would garble names such as "Yılmaz" or "Łukasz" and the
 * narrow no-break space that French amounts use. Null when the font package is missing:
 * letters then use Helvetica (Western European characters only), with a warning.
 */
const FONT_DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans");
const REGULAR = path.join(FONT_DIR, "400Regular", "NotoSans_400Regular.ttf");
const BOLD = path.join(FONT_DIR, "700Bold", "NotoSans_700Bold.ttf");

let files: { regular: string; bold: string } | null | undefined;

export function letterFontFiles(): { regular: string; bold: string } | null {
  if (files !== undefined) return files;
  files = existsSync(REGULAR) && existsSync(BOLD) ? { regular: REGULAR, bold: BOLD } : null;
  if (!files) {
    console.warn(
      `Letter font not found in ${FONT_DIR}; letters use Helvetica (Western European characters only).`,
    );
  }
  return files;
}
