import { pathToFileURL } from "node:url";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { renderLetters } from "@/lib/letters/render-letters";
import { renderNotice } from "@/lib/rendering/render-email";
import { renderNoticeFast } from "@/lib/rendering/render-notice-fast";
import { sampleNoticeInput } from "@/lib/rendering/sample-data";
import type { Language, NoticeRenderInput } from "@/lib/rendering/types";

export type RenderBenchResult = {
  notices: number;
  /** emails rendered per second, HTML and plain text */
  emailsPerSecond: number;
  /** the same emails through renderNoticeFast (one layout per shape, values filled in), cold cache */
  fastEmailsPerSecond: number;
  fastNotices: number;
  averageEmailBytes: number;
  /** letters (one per patron) per second, rendered into one batch PDF */
  lettersPerSecond: number;
  /** PDF pages per second in that batch */
  letterPagesPerSecond: number;
  letterPages: number;
};

const LANGUAGES: Language[] = ["nl", "fr", "en"];

/** A realistic mix: every language, pre-due and overdue stages 1-4, 1 to 8 items each. */
function mixedNotices(count: number): NoticeRenderInput[] {
  return Array.from({ length: count }, (_, i) =>
    sampleNoticeInput({
      language: LANGUAGES[i % 3],
      kind: i % 5 === 0 ? "pre_due" : "overdue",
      number: (i % 4) + 1,
      itemCount: (i % 8) + 1,
      patronIndex: i,
      message: i % 2 === 0 ? undefined : null,
    }),
  );
}

async function countPages(pdf: Buffer): Promise<number> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const pages = document.numPages;
  await document.destroy();
  return pages;
}

/** Renders `notices` emails one after another, then the same notices as one batch of letters. */
export async function benchRender(options: { notices?: number } = {}): Promise<RenderBenchResult> {
  const notices = mixedNotices(options.notices ?? 200);

  // warm up: module loading, the letter font, Intl formatters
  await renderNotice(notices[0]);
  await renderLetters([notices[0]]);

  let bytes = 0;
  const emailStart = performance.now();
  for (const notice of notices) bytes += (await renderNotice(notice)).sizeBytes;
  const emailSeconds = (performance.now() - emailStart) / 1000;

  // The fast path over 10x as many patrons (its layouts are cached per shape, cold at start).
  const many = mixedNotices((options.notices ?? 200) * 10);
  const fastStart = performance.now();
  for (const notice of many) await renderNoticeFast(notice);
  const fastSeconds = (performance.now() - fastStart) / 1000;

  const letterStart = performance.now();
  const pdf = await renderLetters(notices);
  const letterSeconds = (performance.now() - letterStart) / 1000;
  const letterPages = await countPages(pdf);

  return {
    notices: notices.length,
    emailsPerSecond: round(notices.length / emailSeconds),
    fastEmailsPerSecond: round(many.length / fastSeconds),
    fastNotices: many.length,
    averageEmailBytes: Math.round(bytes / notices.length),
    lettersPerSecond: round(notices.length / letterSeconds),
    letterPagesPerSecond: round(letterPages / letterSeconds),
    letterPages,
  };
}

export function formatRenderBench(result: RenderBenchResult): string {
  return [
    `Rendered ${result.notices} notices (nl/fr/en, pre-due and overdue 1-4, 1-8 items):`,
    `  emails:  ${result.emailsPerSecond}/s (HTML + text, ${Math.round(result.averageEmailBytes / 1024)} KB average)`,
    `  emails, one layout per shape (send runs): ${result.fastEmailsPerSecond}/s over ${result.fastNotices} notices, ${round(result.fastEmailsPerSecond / result.emailsPerSecond)}x`,
    `  letters: ${result.lettersPerSecond}/s, ${result.letterPagesPerSecond} PDF pages/s (${result.letterPages} pages)`,
  ].join("\n");
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const count = Number(process.argv[2] ?? 200);
  console.log(formatRenderBench(await benchRender({ notices: count })));
}
