import { buildNoticeView } from "@/lib/rendering/notice-view";
import type { NoticeRenderInput } from "@/lib/rendering/types";
import { streamLetters, streamToBuffer } from "./stream-letters";
import type { WindowPosition } from "./window-position";

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
 * A few letters as one PDF in memory (a preview, the desk's letter): the batch's layout and
 * drawing (`streamLetters`), so a letter looks the same wherever it is printed. Every patron
 * starts on a new A4 page; a long list of items continues on the next page with the same
 * footer. Batches of many letters stream instead (`streamBatchPdf`).
 */
export async function renderLetters(
  letters: LetterRenderInput[],
  options: LetterRenderOptions = {},
): Promise<Buffer> {
  if (letters.length === 0) throw new Error("No letters to render");
  const { stream, done } = streamLetters([letters], {
    window: options.window,
    title: options.title ?? buildNoticeView(letters[0]).subject,
    language: letters.every((letter) => letter.language === letters[0].language)
      ? letters[0].language
      : undefined,
  });
  const [pdf] = await Promise.all([streamToBuffer(stream), done]);
  return pdf;
}

/** One letter as a PDF, e.g. for the preview page or printing at the desk. */
export function renderLetterPdf(
  letter: LetterRenderInput,
  options: LetterRenderOptions = {},
): Promise<Buffer> {
  return renderLetters([letter], options);
}
