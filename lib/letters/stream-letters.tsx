import type { Readable } from "node:stream";
import layoutDocument from "@react-pdf/layout";
import renderPdf from "@react-pdf/render";
import { Font, pdf } from "@react-pdf/renderer";
import PDFDocument from "pdfkit";
import { buildNoticeView } from "@/lib/rendering/notice-view";
import { letterFontFamily, memoizeLetterShaping } from "./fonts";
import { LETTER_INDEX_PROP, LettersDocument, type LetterView } from "./letter-document";
import type { LetterRenderInput } from "./render-letters";
import { DEFAULT_WINDOW, validateWindow, type WindowPosition } from "./window-position";

/** A letter as a batch prints it: what it says, and whether it is a copy of an earlier print. */
export type BatchLetterInput = LetterRenderInput & { copyOf?: { printedOn: string } | null };

export type StreamLettersOptions = {
  window?: WindowPosition;
  title: string;
  /**
   * true: every letter gets an even number of pages (a blank back page where needed), so a
   * duplex printer never puts two patrons on one sheet
   */
  duplex?: boolean;
  /** letters laid out at a time; the PDF streams out after each group (memory stays flat) */
  chunkSize?: number;
};

export type StreamLettersSummary = {
  letters: number;
  /** pages with content per letter, in order */
  pagesPerLetter: number[];
  /** pages in the file, blank back pages included */
  pages: number;
  blankPages: number;
};

type LaidOutPage = { props?: Record<string, unknown>; children?: unknown[] } & Record<string, unknown>;

/**
 * One PDF for many letters, produced as a stream: the letters are laid out a group at a time
 * (react-pdf's layout) and drawn onto one pdfkit document, whose bytes flow out while the
 * next group is laid out. Each letter starts on a new page, its pages are numbered on their
 * own ("Page 1 of 2"), and with `duplex` a letter with an odd number of pages gets a blank
 * back page. The returned promise settles when the last byte is written; the stream is
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
  const fontFamily = letterFontFamily();
  const ctx = new PDFDocument({
    compress: true,
    autoFirstPage: false,
    displayTitle: true,
    pdfVersion: "1.7",
    info: { Title: options.title, Creator: "Rappel", Producer: "Rappel" },
  });
  const stream: Readable = ctx;

  const done = (async (): Promise<StreamLettersSummary> => {
    const summary: StreamLettersSummary = { letters: 0, pagesPerLetter: [], pages: 0, blankPages: 0 };
    for await (const group of source) {
      for (let start = 0; start < group.length; start += options.chunkSize ?? 25) {
        const chunk = group.slice(start, start + (options.chunkSize ?? 25));
        const views: LetterView[] = chunk.map((letter) => ({
          ...buildNoticeView(letter),
          fallback: letter.fallback ?? null,
          copyOf: letter.copyOf ?? null,
        }));
        const instance = pdf(
          <LettersDocument letters={views} window={window} fontFamily={fontFamily} title={options.title} />,
        );
        const layout = await (
          layoutDocument as unknown as (doc: unknown, fonts: unknown) => Promise<LaidOutDoc>
        )(instance.container.document, Font);
        memoizeLetterShaping();
        const pages: LaidOutPage[] = [];
        let run: LaidOutPage[] = [];
        const flush = () => {
          if (run.length === 0) return;
          pages.push(...run);
          summary.pagesPerLetter.push(run.length);
          summary.letters += 1;
          if (options.duplex && run.length % 2 === 1) {
            pages.push(blankPageLike(run[0]));
            summary.blankPages += 1;
          }
          run = [];
        };
        for (const page of layout.children ?? []) {
          if (run.length > 0 && run[0].props?.[LETTER_INDEX_PROP] !== page.props?.[LETTER_INDEX_PROP])
            flush();
          run.push(page);
        }
        flush();
        summary.pages += pages.length;
        drawPages(ctx, { ...layout, children: pages });
        await drained(stream);
      }
    }
    if (summary.letters === 0) throw new Error("No letters to render");
    const finished = new Promise<void>((resolve, reject) => {
      stream.once("end", resolve);
      stream.once("error", reject);
    });
    ctx.end();
    await finished;
    return summary;
  })();
  done.catch((error) => stream.destroy(error instanceof Error ? error : new Error(String(error))));
  return { stream, done };
}

type LaidOutDoc = { children?: LaidOutPage[] } & Record<string, unknown>;

/** A page of the same size with nothing on it: the back of a letter's last sheet. */
function blankPageLike(page: LaidOutPage): LaidOutPage {
  return { ...page, props: { ...page.props, [LETTER_INDEX_PROP]: undefined }, children: [] };
}

/** Draws laid-out pages onto the shared document; react-pdf's render would also end it. */
function drawPages(ctx: PDFDocument, layout: LaidOutDoc) {
  const end = ctx.end;
  ctx.end = (() => ctx) as typeof ctx.end;
  try {
    renderPdf(ctx as never, layout as never);
  } finally {
    ctx.end = end;
  }
}

/** Waits while the reader is more than a few megabytes behind, so a slow download holds memory flat. */
async function drained(stream: Readable) {
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
