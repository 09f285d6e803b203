import { pathToFileURL } from "node:url";
import { renderLetters } from "@/lib/letters/render-letters";
import { type BatchLetterInput, streamLetters } from "@/lib/letters/stream-letters";
import { sampleNoticeInput } from "@/lib/rendering/sample-data";
import type { Language } from "@/lib/rendering/types";

export type LetterBatchBenchResult = {
  letters: number;
  seconds: number;
  lettersPerSecond: number;
  pages: number;
  blankPages: number;
  megabytes: number;
  /** the highest resident memory seen while the batch streamed, MB */
  peakRssMb: number;
  /** the one-document path (renderLetters, the whole PDF in memory) on `baselineLetters`, measured in the same run */
  baselineLettersPerSecond: number;
  baselineLetters: number;
};

const LANGUAGES: Language[] = ["nl", "fr", "en"];

/** A mixed batch: every language, overdue stages 1-4, 1 to 8 items, a few long lists. */
function batch(count: number): BatchLetterInput[] {
  return Array.from({ length: count }, (_, i) => ({
    ...sampleNoticeInput({
      language: LANGUAGES[i % 3],
      kind: "overdue",
      number: (i % 4) + 1,
      itemCount: (i % 8) + 1 + (i % 50 === 0 ? 20 : 0),
      patronIndex: i,
    }),
    fallback: i % 4 === 0 ? { email: `lener${i}@example.be` } : null,
  }));
}

/**
 * A batch of `letters` letters streamed as one PDF (the batch route's path: laid out 25
 * letters at a time, bytes counted and dropped as a download would take them), against the
 * one-document path on a smaller batch in the same run.
 */
export async function benchLetterBatch(
  options: { letters?: number; baselineLetters?: number } = {},
): Promise<LetterBatchBenchResult> {
  const letters = batch(options.letters ?? 1000);
  const baselineLetters = options.baselineLetters ?? 100;
  await renderLetters(letters.slice(0, 1)); // warm up: modules, the font

  const baselineStart = performance.now();
  await renderLetters(letters.slice(0, baselineLetters));
  const baselineSeconds = (performance.now() - baselineStart) / 1000;

  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  const start = performance.now();
  const groups = (async function* () {
    for (let i = 0; i < letters.length; i += 100) yield letters.slice(i, i + 100);
  })();
  const { stream, done } = streamLetters(groups, { title: "Bench", duplex: true });
  let bytes = 0;
  for await (const chunk of stream) bytes += (chunk as Buffer).length;
  const summary = await done;
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  return {
    letters: summary.letters,
    seconds: round(seconds),
    lettersPerSecond: round(summary.letters / seconds),
    pages: summary.pages,
    blankPages: summary.blankPages,
    megabytes: round(bytes / 1e6),
    peakRssMb: Math.round(peak / 1e6),
    baselineLettersPerSecond: round(baselineLetters / baselineSeconds),
    baselineLetters,
  };
}

export function formatLetterBatchBench(r: LetterBatchBenchResult): string {
  return [
    `Letter batch: ${r.letters} letters streamed as one PDF in ${r.seconds} s (${r.lettersPerSecond} letters/s, target <= 20 s)`,
    `  ${r.pages} pages (${r.blankPages} blank backs for duplex), ${r.megabytes} MB, peak memory ${r.peakRssMb} MB`,
    `  one-document path on ${r.baselineLetters} letters, same run: ${r.baselineLettersPerSecond} letters/s ` +
      `(${round(r.lettersPerSecond / r.baselineLettersPerSecond)}x)`,
  ].join("\n");
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(formatLetterBatchBench(await benchLetterBatch({ letters: Number(process.argv[2] ?? 1000) })));
}
