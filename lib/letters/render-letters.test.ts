import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api";
import { describe, expect, it } from "vitest";
import { sampleNoticeInput } from "@/lib/rendering/sample-data";
import { renderLetterPdf, renderLetters } from "./render-letters";
import { DEFAULT_WINDOW, WINDOW_PRESETS, type WindowPosition } from "./window-position";

const PT_PER_MM = 72 / 25.4;
const A4_HEIGHT_PT = 297 * PT_PER_MM;

type Line = { text: string; xMm: number; yMm: number };
type PdfPage = { text: string; lines: Line[] };

/** The text of every page as pdf.js (Mozilla's PDF reader) extracts it, with positions in mm from the top-left. */
async function readPdf(pdf: Buffer): Promise<PdfPage[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, useSystemFonts: false })
    .promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    const lines = (content.items as TextItem[])
      .filter((item) => item.str.trim() !== "")
      .map((item) => ({
        text: item.str,
        xMm: item.transform[4] / PT_PER_MM,
        yMm: (A4_HEIGHT_PT - item.transform[5]) / PT_PER_MM,
      }));
    pages.push({ lines, text: lines.map((line) => line.text).join("\n") });
  }
  await document.destroy();
  return pages;
}

function expectInWindow(line: Line | undefined, window: WindowPosition) {
  expect(line).toBeDefined();
  if (!line) return;
  expect(line.xMm).toBeGreaterThanOrEqual(window.leftMm);
  expect(line.xMm).toBeLessThan(window.leftMm + window.widthMm - 20);
  expect(line.yMm).toBeGreaterThan(window.topMm);
  expect(line.yMm).toBeLessThan(window.topMm + window.heightMm);
}

describe("renderLetters", () => {
  it("puts the recipient's address lines in order inside the envelope window, with the registered marking", async () => {
    const input = sampleNoticeInput({ kind: "overdue", number: 4, language: "nl", patronIndex: 1 });
    const [page] = await readPdf(await renderLetterPdf(input));

    const address = ["Mehmet Yılmaz", "Ringlaan 203", "8700 Tielt"];
    const found = address.map((text) => page.lines.find((line) => line.text === text));
    for (const line of found) expectInWindow(line, DEFAULT_WINDOW);
    const ys = found.map((line) => line?.yMm ?? 0);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(page.text.indexOf("Mehmet Yılmaz")).toBeLessThan(page.text.indexOf("Ringlaan 203"));
    expect(page.text.indexOf("Ringlaan 203")).toBeLessThan(page.text.indexOf("8700 Tielt"));

    // the marking shows through the window too, above the address
    const marking = page.lines.find((line) => line.text === "AANGETEKEND");
    expectInWindow(marking, DEFAULT_WINDOW);
    expect(marking?.yMm).toBeLessThan(ys[0]);

    expect(page.text).toContain("dinsdag 24 maart 2026");
    expect(page.text).toContain("R-2026-004712");
    for (const item of input.items) {
      expect(page.text).toContain(item.barcode);
    }
    expect(page.text).toContain("Stationsstraat 21");
  });

  it("moves the address to a left window when the library's envelopes have one", async () => {
    const input = sampleNoticeInput({ kind: "overdue", number: 1, language: "en" });
    const [page] = await readPdf(await renderLetterPdf(input, { window: WINDOW_PRESETS.dlLeft }));
    expectInWindow(
      page.lines.find((line) => line.text === "Lotte Vermeulen"),
      WINDOW_PRESETS.dlLeft,
    );
    expect(page.text).not.toContain("REGISTERED");
  });

  it("starts every patron on a new page, in one PDF, and asks to check the email address on a fallback letter", async () => {
    const pdf = await renderLetters([
      {
        ...sampleNoticeInput({ kind: "overdue", number: 1, language: "nl", patronIndex: 0 }),
        fallback: { email: "lotte@example.be" },
      },
      {
        ...sampleNoticeInput({ kind: "overdue", number: 3, language: "fr", patronIndex: 2 }),
        fallback: null,
      },
    ]);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = await readPdf(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);

    const first = pages.findIndex((page) => page.text.includes("Lotte Vermeulen"));
    const second = pages.findIndex((page) => page.text.includes("Amélie Dubois-Lefèvre"));
    expect(first).toBe(0);
    expect(second).toBeGreaterThan(first);
    expect(pages[second].text).not.toContain("Lotte Vermeulen");

    expect(pages[0].text).toContain("We konden u niet bereiken via e-mail");
    expect(pages[0].text).toContain("lotte@example.be");
    expect(
      pages
        .slice(second)
        .map((page) => page.text)
        .join("\n"),
    ).not.toContain("joindre par e-mail");
    // the second letter's fees, in French formatting
    expect(
      pages
        .slice(second)
        .map((page) => page.text)
        .join("\n"),
    ).toMatch(/3,40\s€/);
  });

  it("continues a long list of items on the next page with the letter's footer", async () => {
    const pages = await readPdf(await renderLetterPdf(sampleNoticeInput({ language: "en", itemCount: 30 })));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0].text).toContain(`Page 1 of ${pages.length}`);
    expect(pages.at(-1)?.text).toContain(`Page ${pages.length} of ${pages.length}`);
    expect(pages.map((page) => page.text).join("\n")).toContain("Leesboek deel 30");
  });

  it("refuses a window that does not fit the sheet", async () => {
    await expect(
      renderLetterPdf(sampleNoticeInput(), { window: { leftMm: 150, topMm: 45, widthMm: 85, heightMm: 45 } }),
    ).rejects.toThrow(/Invalid envelope window/);
  });
});
