import { loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { type BatchLetterInput, streamLetters, streamToBuffer } from "@/lib/letters/stream-letters";
import { sampleNoticeInput } from "@/lib/rendering/sample-data";
import type { Language } from "@/lib/rendering/types";
import { renderLettersWithReactPdf } from "./lib/react-pdf-letters";

export type LetterBatchBenchResult = {
  letters: number;
  seconds: number;
  /** CPU time of this process while the batch streamed (user + system), s */
  cpuSeconds: number;
  lettersPerSecond: number;
  pages: number;
  blankPages: number;
  megabytes: number;
  /** the highest resident memory seen while the batch streamed, MB */
  peakRssMb: number;
  /** the previous renderer (react-pdf's layout, scripts/lib/react-pdf-letters.tsx) on `baselineLetters`, same run */
  baselineLettersPerSecond: number;
  baselineCpuSeconds: number;
  baselineLetters: number;
  /** the machine's load average (1, 5, 15 min) at the end: other work inflates wall times */
  load: number[];
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
 * A batch of `letters` letters streamed as one PDF (the batch route's path: read 100 letters
 * at a time, drawn with the one letter layout, bytes counted and dropped as a download would
 * take them), against the previous react-pdf renderer on a smaller batch in the same run.
 */
export async function benchLetterBatch(
  options: { letters?: number; baselineLetters?: number } = {},
): Promise<LetterBatchBenchResult> {
  const letters = batch(options.letters ?? 1000);
  const baselineLetters = options.baselineLetters ?? 50;
  await streamToBuffer(streamLetters([letters.slice(0, 1)], { title: "Warm-up" }).stream); // modules, the font

  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  const start = performance.now();
  const cpu = process.cpuUsage();
  const groups = (async function* () {
    for (let i = 0; i < letters.length; i += 100) yield letters.slice(i, i + 100);
  })();
  const { stream, done } = streamLetters(groups, { title: "Bench", duplex: true });
  let bytes = 0;
  for await (const chunk of stream) bytes += (chunk as Buffer).length;
  const summary = await done;
  const seconds = (performance.now() - start) / 1000;
  const cpuSeconds = cpuSecondsSince(cpu);
  clearInterval(sampler);
  // the previous renderer after the batch, so that its memory does not count in the batch's peak
  await renderLettersWithReactPdf(letters.slice(0, 1)); // warm up
  const baselineStart = performance.now();
  const baselineCpu = process.cpuUsage();
  await renderLettersWithReactPdf(letters.slice(0, baselineLetters));
  const baselineSeconds = (performance.now() - baselineStart) / 1000;
  const baselineCpuSeconds = cpuSecondsSince(baselineCpu);

  return {
    letters: summary.letters,
    seconds: round(seconds),
    cpuSeconds: round(cpuSeconds),
    lettersPerSecond: round(summary.letters / seconds),
    pages: summary.pages,
    blankPages: summary.blankPages,
    megabytes: round(bytes / 1e6),
    peakRssMb: Math.round(peak / 1e6),
    baselineLettersPerSecond: round(baselineLetters / baselineSeconds),
    baselineCpuSeconds: round(baselineCpuSeconds),
    baselineLetters,
    load: loadavg().map(round),
  };
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

export function formatLetterBatchBench(r: LetterBatchBenchResult): string {
  return [
    `Letter batch: ${r.letters} letters streamed as one PDF in ${r.seconds} s, ${r.cpuSeconds} CPU s ` +
      `(${r.lettersPerSecond} letters/s, target <= 20 s)`,
    `  ${r.pages} pages (${r.blankPages} blank backs for duplex), ${r.megabytes} MB, peak memory (RSS) ${r.peakRssMb} MB`,
    `  previous renderer (react-pdf) on ${r.baselineLetters} letters, same run: ${r.baselineLettersPerSecond} letters/s, ` +
      `${r.baselineCpuSeconds} CPU s (${round(r.lettersPerSecond / r.baselineLettersPerSecond)}x faster per letter)`,
    `  load average ${r.load.join(" / ")} (1 / 5 / 15 min)`,
  ].join("\n");
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(formatLetterBatchBench(await benchLetterBatch({ letters: Number(process.argv[2] ?? 1000) })));
}
