/** The little of pdfkit (no types of its own) that lib/letters/stream-letters.tsx uses. */
declare module "pdfkit" {
  import type { Readable } from "node:stream";

  class PDFDocument extends Readable {
    constructor(options?: Record<string, unknown>);
    end(): this;
  }
  export default PDFDocument;
}
