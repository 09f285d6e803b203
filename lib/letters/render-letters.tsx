import { renderToBuffer } from "@react-pdf/renderer";
import { buildNoticeView } from "@/lib/rendering/notice-view";
import type { NoticeRenderInput } from "@/lib/rendering/types";
import { letterFontFamily } from "./fonts";
import { LettersDocument, type LetterView } from "./letter-document";
import { DEFAULT_WINDOW, validateWindow, type WindowPosition } from "./window-position";

export type LetterRenderInput = NoticeRenderInput & {
  /**
   * Set when the letter replaces an email that failed or was impossible: the letter then asks
   * the patron to check their address. `email` is the address that failed, or null.
   */
  fallback?: { email: string | null } | null;
};

export type LetterRenderOptions = {
  /** where the address shows through the envelope; default a Belgian DL right-window envelope */
  window?: WindowPosition;
  /** the PDF's title, e.g. "Brieven 2026-03-24" */
  title?: string;
};

/**
 * One PDF for a batch of letters: every patron starts on a new A4 page, a long list of items
 * continues on the next page with the same footer. The registered marking is printed above
 * the address on registered-letter stages.
 */
export async function renderLetters(
  letters: LetterRenderInput[],
  options: LetterRenderOptions = {},
): Promise<Buffer> {
  if (letters.length === 0) throw new Error("No letters to render");
  const window = options.window ?? DEFAULT_WINDOW;
  const problems = validateWindow(window);
  if (problems.length > 0) throw new Error(`Invalid envelope window: ${problems.join(" ")}`);
  const views: LetterView[] = letters.map((letter) => ({
    ...buildNoticeView(letter),
    fallback: letter.fallback ?? null,
  }));
  const fontFamily = letterFontFamily();
  return renderToBuffer(
    <LettersDocument
      letters={views}
      window={window}
      fontFamily={fontFamily}
      title={options.title ?? views[0].subject}
    />,
  );
}

/** One letter as a PDF, e.g. for the preview page or printing at the desk. */
export function renderLetterPdf(
  letter: LetterRenderInput,
  options: LetterRenderOptions = {},
): Promise<Buffer> {
  return renderLetters([letter], options);
}
