import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api";

const PT_PER_MM = 72 / 25.4;

/** A piece of text on a page, where pdf.js found it: millimetres from the page's top-left corner. */
export type PdfLine = { text: string; xMm: number; yMm: number };
export type PdfPage = { text: string; lines: PdfLine[] };

/** The text of every page as pdf.js (Mozilla's PDF reader) extracts it, with positions. */
export async function readPdf(pdf: Buffer): Promise<PdfPage[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, useSystemFonts: false })
    .promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const height = page.view[3];
    const content = await page.getTextContent();
    const lines = (content.items as TextItem[])
      .filter((item) => item.str.trim() !== "")
      .map((item) => ({
        text: item.str,
        xMm: item.transform[4] / PT_PER_MM,
        yMm: (height - item.transform[5]) / PT_PER_MM,
      }));
    pages.push({ lines, text: lines.map((line) => line.text).join("\n") });
  }
  await document.destroy();
  return pages;
}
