/** The part of pdfkit (0.20, no types of its own) that lib/letters uses. */
declare module "pdfkit" {
  import type { Readable } from "node:stream";

  type TextOptions = {
    width?: number;
    height?: number;
    align?: "left" | "right" | "center" | "justify";
    lineGap?: number;
    characterSpacing?: number;
    lineBreak?: boolean;
  };

  /** An image opened once (`openImage`) and drawn many times: embedded in the file once. */
  export type PDFImage = { width: number; height: number };

  class PDFDocument extends Readable {
    constructor(options?: Record<string, unknown>);
    x: number;
    y: number;
    page: { width: number; height: number };
    addPage(options?: Record<string, unknown>): this;
    end(): this;
    bufferedPageRange(): { start: number; count: number };
    switchToPage(n: number): unknown;
    flushPages(): void;
    registerFont(name: string, src: string | Buffer): this;
    font(name: string): this;
    fontSize(size: number): this;
    fillColor(color: string): this;
    strokeColor(color: string): this;
    lineWidth(width: number): this;
    currentLineHeight(includeGap?: boolean): number;
    widthOfString(text: string, options?: TextOptions): number;
    heightOfString(text: string, options?: TextOptions): number;
    text(text: string, x?: number, y?: number, options?: TextOptions): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    rect(x: number, y: number, width: number, height: number): this;
    stroke(color?: string): this;
    fill(color?: string): this;
    save(): this;
    restore(): this;
    transform(a: number, b: number, c: number, d: number, e: number, f: number): this;
    openImage(src: Buffer | string): PDFImage;
    image(
      src: PDFImage | Buffer | string,
      x?: number,
      y?: number,
      options?: { width?: number; height?: number },
    ): this;
  }
  export default PDFDocument;
}
