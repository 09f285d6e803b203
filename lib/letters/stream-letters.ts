import type { Readable } from "node:stream";
import { buildNoticeView } from "@/lib/rendering/notice-view";
import { drawLetter, limitShapingMemory, openLetterDocument } from "./letter-pdf";
import type { LetterRenderInput } from "./render-letters";
import { DEFAULT_WINDOW, validateWindow, type WindowPosition } from "./window-position";

/** A letter as a batch prints it: what it says, and whether it is a copy of an earlier print. */
export type BatchLetterInput = LetterRenderInput & { copyOf?: { printedOn: string } | null };

export type StreamLettersOptions = {
  window?: WindowPosition;
  title: string;
  /** the document's language (BCP 47), for screen readers; a batch of mixed languages leaves it out */
  language?: string;
  /**
   * true: every letter gets an even number of pages (a blank back page where needed), so a
   * duplex printer never puts two patrons on one sheet
   */
  duplex?: boolean;
};

export type StreamLettersSummary = {
  letters: number;
  /** pages with content per letter, in order */
  pagesPerLetter: number[];
  /** pages in the file, blank back pages included */
  pages: number;
  blankPages: number;
};

/**
 * One PDF for many letters, produced as a stream: each letter is drawn onto one pdfkit
 * document (`drawLetter`, the one letter layout) and its pages are written out as soon as it
 * is finished, while the next group of letters is read. Each letter starts on a new page, its
 * pages are numbered on their own ("Page 1 of 2"), and with `duplex` a letter with an odd
 * number of pages gets a blank back page. The fonts are embedded once, subset to what the
 * letters use. The returned promise settles when the last byte is written; the stream is
 * destroyed with the error when anything fails, so a half-made PDF is never taken for a
 * whole one.
 */
export function streamLetters(
  source: AsyncIterable<BatchLetterInput[]> | Iterable<BatchLetterInput[]>,
  options: StreamLettersOptions,
): { stream: Readable; done: Promise<StreamLettersSummary> } {
  const window = options.window ?? DEFAULT_WINDOW;
  const problems = validateWindow(window);
  if (problems.length > 0) throw new Error(`Invalid envelope window: ${problems.join(" ")}`);
  const doc = openLetterDocument({ title: options.title, language: options.language });
  const stream: Readable = doc;

  const done = (async (): Promise<StreamLettersSummary> => {
    const summary: StreamLettersSummary = { letters: 0, pagesPerLetter: [], pages: 0, blankPages: 0 };
    for await (const group of source) {
      for (const letter of group) {
        const view = {
          ...buildNoticeView(letter),
          fallback: letter.fallback ?? null,
          copyOf: letter.copyOf ?? null,
        };
        const pages = drawLetter(doc, view, window);
        summary.letters += 1;
        summary.pagesPerLetter.push(pages);
        summary.pages += pages;
        if (options.duplex && pages % 2 === 1) {
          doc.addPage();
          summary.blankPages += 1;
          summary.pages += 1;
        }
        doc.flushPages();
      }
      limitShapingMemory(doc);
      await drained(stream);
    }
    if (summary.letters === 0) throw new Error("No letters to render");
    const finished = new Promise<void>((resolve, reject) => {
      stream.once("end", resolve);
      stream.once("error", reject);
    });
    doc.end();
    await finished;
    return summary;
  })();
  done.catch((error) => stream.destroy(error instanceof Error ? error : new Error(String(error))));
  return { stream, done };
}

/**
 * Lets the written pages go out (the event loop turns once), and waits while the reader is
 * more than a few megabytes behind, so a slow download holds memory flat.
 */
async function drained(stream: Readable) {
  await new Promise((resolve) => setImmediate(resolve));
  while (stream.readableLength > 8 * 1024 * 1024 && !stream.destroyed) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The whole stream in memory: for tests and small PDFs (one letter). */
export async function streamToBuffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}
