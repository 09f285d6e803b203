import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument, { type PDFImage } from "pdfkit";
import { fallbackNoteText } from "@/lib/rendering/fallback-note";
import type { NoticeItemView, NoticeView } from "@/lib/rendering/notice-view";
import { letterFontFiles } from "./fonts";
import { qrModules } from "./link-qr-code";
import { A4, type WindowPosition } from "./window-position";

/** What one letter shows; built from the same NoticeView as the email. */
export type LetterView = NoticeView & {
  fallback: { email: string | null } | null;
  /** a reprint of a letter printed before: the date it was first printed, formatted */
  copyOf?: { printedOn: string } | null;
};

/** The letters' colours; every text colour has a contrast of 4.5:1 or more on white. */
export const C = {
  text: "#1d2433",
  muted: "#525c6b",
  border: "#c9cfd6",
  brand: "#1f5aa6",
  late: "#b42318",
  note: "#eef4fb",
  message: "#f0c15a",
};

/** millimetres to points */
export const mm = (value: number) => (value * 72) / 25.4;

const PAGE = { width: mm(A4.widthMm), height: mm(A4.heightMm) };
const MARGIN = { top: mm(20), bottom: mm(16), left: mm(20), right: mm(20) };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const CONTENT_BOTTOM = PAGE.height - MARGIN.bottom;
/** the items table's columns: item, barcode, due date, renewal (fractions of the content width) */
const COLUMNS = [0.4, 0.19, 0.19, 0.22];

const FONT = { regular: "letter-regular", bold: "letter-bold" } as const;

/** A pdfkit document that takes letters: A4, the letter font embedded once, pages kept until a letter is finished. */
export function openLetterDocument(options: { title: string; language?: string }): PDFDocument {
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    compress: true,
    autoFirstPage: false,
    bufferPages: true,
    displayTitle: true,
    pdfVersion: "1.7",
    lang: options.language,
    info: { Title: options.title, Creator: "Rappel", Producer: "Rappel" },
  });
  const files = letterFontFiles();
  doc.registerFont(FONT.regular, files?.regular ?? "Helvetica");
  doc.registerFont(FONT.bold, files?.bold ?? "Helvetica-Bold");
  return doc;
}

/** Words whose shaping a document remembers before it starts afresh (a few MB; repeated words are most of a letter). */
const MAX_CACHED_WORDS = 20_000;

/**
 * pdfkit remembers how the font shaped every word it met (fontkit's OpenType layout: without
 * that memory a batch takes five times as long), for the life of the document. A batch meets new
 * words in every letter (names, streets, barcodes, links), so that memory would grow with the
 * batch: call this between letters to start afresh once it holds too many.
 */
export function limitShapingMemory(doc: PDFDocument) {
  const fonts = (doc as unknown as { _fontFamilies?: Record<string, { layoutCache?: object }> })
    ._fontFamilies;
  for (const font of Object.values(fonts ?? {})) {
    if (font.layoutCache && Object.keys(font.layoutCache).length > MAX_CACHED_WORDS) {
      font.layoutCache = Object.create(null);
    }
  }
}

export type TextStyle = {
  size: number;
  bold?: boolean;
  color?: string;
  /** line height as a multiple of the font size; default: the font's own */
  lineHeight?: number;
  width?: number;
  align?: "left" | "right";
  characterSpacing?: number;
};

/** Sets the font and returns pdfkit's text options for this style (lineGap gives the line height). */
export function use(doc: PDFDocument, style: TextStyle) {
  doc
    .font(style.bold ? FONT.bold : FONT.regular)
    .fontSize(style.size)
    .fillColor(style.color ?? C.text);
  const natural = doc.currentLineHeight(true);
  const lineGap = style.lineHeight ? Math.max(0, style.size * style.lineHeight - natural) : 0;
  return {
    lineGap,
    options: {
      width: style.width,
      align: style.align ?? "left",
      lineGap,
      characterSpacing: style.characterSpacing,
      lineBreak: style.width !== undefined,
    },
  };
}

/** The height `text` takes in `style` (all its lines, their line height included). */
export function measure(doc: PDFDocument, text: string, style: TextStyle): number {
  // a batch measures the same labels, dates and statuses letter after letter
  const key = `${style.bold ? 1 : 0}|${style.size}|${style.lineHeight}|${style.width}|${style.characterSpacing}|${text}`;
  const known = heights.get(key);
  if (known !== undefined) return known;
  const { options } = use(doc, style);
  const height = doc.heightOfString(text, options);
  if (heights.size >= 20_000) heights.clear();
  heights.set(key, height);
  return height;
}

/** Heights of measured texts: they depend on the font files only, which are the same for every document. */
const heights = new Map<string, number>();

/** Draws `text` with its top at `y`, the extra line height split above and below; returns its height. */
export function write(doc: PDFDocument, text: string, x: number, y: number, style: TextStyle): number {
  const { lineGap, options } = use(doc, style);
  doc.text(text, x, y + lineGap / 2, options);
  // wrapped text moves doc.y below its last line (line gap included); a single line does not
  if (options.lineBreak) return doc.y - y - lineGap / 2;
  return text.split("\n").length * (doc.currentLineHeight(true) + lineGap);
}

export function hline(doc: PDFDocument, x1: number, x2: number, y: number, width: number, color: string) {
  doc.moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(color).stroke();
}

let logoFile: Buffer | null | undefined;
const logos = new WeakMap<PDFDocument, PDFImage>();

/** The library's logo, read once per process and embedded once per document. */
function logoOf(doc: PDFDocument): PDFImage | null {
  if (logoFile === undefined) {
    try {
      logoFile = readFileSync(path.join(process.cwd(), "public", "email", "logo.png"));
    } catch {
      logoFile = null;
    }
  }
  if (!logoFile) return null;
  let image = logos.get(doc);
  if (!image) {
    image = doc.openImage(logoFile);
    logos.set(doc, image);
  }
  return image;
}

/** A page's fixed parts: DIN 5008 fold marks (form B) and the punch mark, in the left margin. */
function drawFoldMarks(doc: PDFDocument) {
  for (const [top, width] of [
    [105, 5],
    [148.5, 7],
    [210, 5],
  ]) {
    hline(doc, mm(6), mm(6 + width), mm(top), 0.5, C.muted);
  }
}

/** The first page's head: letterhead, the address block in the envelope window, date and reference beside it. */
function drawHead(doc: PDFDocument, letter: LetterView, window: WindowPosition) {
  const { t } = letter;
  const logo = logoOf(doc);
  let x = MARGIN.left;
  const top = mm(14);
  if (logo) {
    doc.image(logo, x, top, { width: mm(13), height: mm(13) });
    x += mm(13 + 4);
  }
  let y = top;
  y += write(doc, letter.library.name, x, y, { size: 13, bold: true, color: C.brand });
  const small = { size: 8.5, lineHeight: 1.35, color: C.muted };
  y += write(doc, `${letter.branch.name} · ${letter.branch.addressLines.join(", ")}`, x, y, small);
  const contact = [
    letter.branch.phone,
    letter.branch.email,
    letter.library.website?.replace(/^https?:\/\/|\/$/g, ""),
  ].filter(Boolean);
  if (contact.length > 0) write(doc, contact.join(" · "), x, y, small);

  // the address block, inside the window
  const inner = { x: mm(window.leftMm + 3), width: mm(window.widthMm - 6) };
  y = mm(window.topMm + 3);
  const returnAddress = [letter.library.name, ...letter.branch.addressLines].join(" · ");
  y += write(doc, returnAddress, inner.x, y, { size: 6.5, color: C.muted, width: inner.width });
  hline(doc, inner.x, inner.x + inner.width, y + 1, 0.5, C.muted);
  y += 1 + mm(2);
  if (letter.registered) {
    y += write(doc, t.letter.registered, inner.x, y, { size: 11, bold: true, characterSpacing: 1 });
    y += mm(1.5);
  }
  for (const line of letter.patron.addressLines) {
    y += write(doc, line, inner.x, y, { size: 11, lineHeight: 1.3, width: inner.width });
  }

  // date, reference and card number on the side the window leaves free
  const windowOnRight = window.leftMm + window.widthMm / 2 > 105;
  const metaX = mm(windowOnRight ? 20 : window.leftMm + window.widthMm + 12);
  y = mm(window.topMm + 3);
  for (const [label, value] of [
    [t.letter.date, letter.date],
    [t.reference, letter.reference],
    [t.cardNumber, letter.patron.cardNumber],
  ]) {
    y += write(doc, label, metaX, y, { size: 8.5, color: C.muted, width: mm(70) });
    y += write(doc, value, metaX, y, { size: 10, width: mm(70) }) + mm(1.5);
  }
}

/**
 * The letter's running text, top to bottom: `y` is where the next block goes; a block that
 * does not fit on the page starts the next one (a letter's later pages have no head).
 */
class Flow {
  y: number;
  constructor(
    private doc: PDFDocument,
    top: number,
  ) {
    this.y = top;
  }

  /** Makes room for a block of `height` points: a new page when it does not fit any more. */
  room(height: number) {
    if (this.y + height > CONTENT_BOTTOM && this.y > MARGIN.top) {
      this.doc.addPage();
      this.y = MARGIN.top;
    }
  }

  /** Paragraphs separated by blank lines; one longer than a page continues on the next (pdfkit breaks it). */
  paragraphs(text: string, x = MARGIN.left, width = CONTENT_WIDTH) {
    const style = { size: 10, lineHeight: 1.4, width };
    for (const paragraph of text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)) {
      this.room(Math.min(measure(this.doc, paragraph, style), CONTENT_BOTTOM - MARGIN.top));
      const page = this.doc.page;
      const height = write(this.doc, paragraph, x, this.y, style);
      this.y = page === this.doc.page ? this.y + height : this.doc.y;
      this.y += mm(2.5);
    }
  }
}

type Box = {
  bar: string;
  background?: string;
  /** padding left and right of the text, and above and below it */
  padX: number;
  padY: number;
  title: string;
  titleStyle: TextStyle;
  titleGap: number;
  /** space after each paragraph */
  paragraphGap: number;
};

/** The "we could not reach you by email" note and the library's message: a coloured bar on the left, never split. */
function drawBox(doc: PDFDocument, flow: Flow, box: Box, paragraphs: string[]) {
  const x = MARGIN.left + 3 + box.padX;
  const width = CONTENT_WIDTH - 3 - box.padX * 2;
  const text = { size: 10, lineHeight: 1.4, width };
  const title = { ...box.titleStyle, width };
  const height =
    box.padY * 2 +
    measure(doc, box.title, title) +
    box.titleGap +
    paragraphs.reduce((sum, paragraph) => sum + measure(doc, paragraph, text) + box.paragraphGap, 0);
  flow.room(height);
  const top = flow.y;
  if (box.background) doc.rect(MARGIN.left, top, CONTENT_WIDTH, height).fill(box.background);
  doc.rect(MARGIN.left, top, 3, height).fill(box.bar);
  let y = top + box.padY;
  y += write(doc, box.title, x, y, title) + box.titleGap;
  for (const paragraph of paragraphs) y += write(doc, paragraph, x, y, text) + box.paragraphGap;
  flow.y = top + height;
}

const cellStyles = {
  title: { size: 10, bold: true, lineHeight: 1.4 },
  small: { size: 8.5, lineHeight: 1.35, color: C.muted },
  late: { size: 8.5, lineHeight: 1.35, color: C.late, bold: true },
  barcode: { size: 9 },
  due: { size: 10 },
} satisfies Record<string, TextStyle>;

function columnBoxes() {
  let x = MARGIN.left;
  return COLUMNS.map((fraction, i) => {
    const width = CONTENT_WIDTH * fraction;
    const box = { x, width: width - (i < COLUMNS.length - 1 ? mm(2) : 0) };
    x += width;
    return box;
  });
}

/** One item row: its cells' texts, measured before drawing so a row never splits over two pages. */
function itemCells(item: NoticeItemView) {
  const [cItem, cBarcode, cDue, cRenew] = columnBoxes();
  return [
    { box: cItem, text: item.title, style: cellStyles.title },
    ...(item.author ? [{ box: cItem, text: item.author, style: cellStyles.small, below: true }] : []),
    { box: cBarcode, text: item.barcode, style: cellStyles.barcode },
    { box: cDue, text: item.dueDate, style: cellStyles.due },
    {
      box: cDue,
      text: item.timing,
      style: item.daysOverdue > 0 ? cellStyles.late : cellStyles.small,
      below: true,
    },
    { box: cRenew, text: item.renewal, style: cellStyles.small },
  ];
}

const ROW_PADDING = mm(1.8);

function rowHeight(doc: PDFDocument, item: NoticeItemView): number {
  const columns = new Map<number, number>();
  for (const cell of itemCells(item)) {
    const h = measure(doc, cell.text, { ...cell.style, width: cell.box.width });
    columns.set(cell.box.x, (cell.below ? (columns.get(cell.box.x) ?? 0) : 0) + h);
  }
  return Math.max(...columns.values()) + ROW_PADDING * 2;
}

function drawRow(doc: PDFDocument, item: NoticeItemView, top: number, height: number) {
  const used = new Map<number, number>();
  for (const cell of itemCells(item)) {
    const y = top + ROW_PADDING + (cell.below ? (used.get(cell.box.x) ?? 0) : 0);
    const h = write(doc, cell.text, cell.box.x, y, { ...cell.style, width: cell.box.width });
    used.set(cell.box.x, y + h - top - ROW_PADDING);
  }
  hline(doc, MARGIN.left, MARGIN.left + CONTENT_WIDTH, top + height, 0.5, C.border);
}

function drawItems(doc: PDFDocument, flow: Flow, letter: LetterView) {
  const { t } = letter;
  const section = { size: 11, bold: true, width: CONTENT_WIDTH };
  const heading = t.items.heading(letter.items.length);
  const th = { size: 8, bold: true, color: C.muted };
  const headHeight = mm(1.5) + measure(doc, heading, section) + mm(1.5) + measure(doc, "X", th) + 2;
  const rows = letter.items.map((item) => rowHeight(doc, item));
  // the heading and the column titles never stay behind without a first row
  flow.room(headHeight + (rows[0] ?? 0));
  let y = flow.y + mm(1.5);
  y += write(doc, heading, MARGIN.left, y, section) + mm(1.5);
  const labels = [t.items.title, t.items.barcode, t.items.dueDate, t.items.status];
  const boxes = columnBoxes();
  let labelHeight = 0;
  labels.forEach((label, i) => {
    labelHeight = Math.max(
      labelHeight,
      write(doc, label.toLocaleUpperCase(t.locale), boxes[i].x, y, { ...th, width: boxes[i].width }),
    );
  });
  y += labelHeight + 2;
  hline(doc, MARGIN.left, MARGIN.left + CONTENT_WIDTH, y, 1, C.text);
  flow.y = y + 0.5;
  letter.items.forEach((item, i) => {
    flow.room(rows[i]);
    drawRow(doc, item, flow.y, rows[i]);
    flow.y += rows[i];
  });
}

/** The renew link as a QR code (62 pt, vector, four-module quiet zone) with the link in full beside it. */
function drawRenewLink(doc: PDFDocument, flow: Flow, url: string, caption: string) {
  const size = 62;
  const textX = MARGIN.left + size + 6;
  const style = { size: 8.5, lineHeight: 1.35, color: C.muted, width: CONTENT_WIDTH - size - 6 };
  const textHeight = measure(doc, caption, style);
  const height = Math.max(size, textHeight);
  flow.room(6 + height);
  const top = flow.y + 6;
  const { count, runs } = qrModules(url);
  const unit = size / (count + 8);
  const x0 = MARGIN.left + 4 * unit;
  const y0 = top + (height - size) / 2 + 4 * unit;
  // drawn in module units (whole numbers: a short content stream, quick to write)
  doc.save().transform(unit, 0, 0, unit, x0, y0);
  for (const run of runs) doc.rect(run.x, run.y, run.length, 1);
  doc.fill("#000000").restore();
  write(doc, caption, textX, top + (height - textHeight) / 2, style);
  flow.y = top + height;
}

function drawFees(doc: PDFDocument, flow: Flow, letter: LetterView) {
  const { t } = letter;
  if (!letter.feeTotal) return;
  const width = CONTENT_WIDTH * 0.6;
  const section = { size: 11, bold: true, width: CONTENT_WIDTH };
  const row = { size: 10, width };
  const small = { size: 8.5, lineHeight: 1.35, color: C.muted, width: CONTENT_WIDTH };
  const rowHeight = measure(doc, "X", row) + 3;
  const height =
    mm(3) +
    mm(1.5) +
    measure(doc, t.fees.heading, section) +
    mm(1.5) +
    rowHeight * letter.fees.length +
    4 +
    rowHeight +
    mm(1.5) +
    measure(doc, t.fees.howToPay, small);
  flow.room(height);
  let y = flow.y + mm(3) + mm(1.5);
  y += write(doc, t.fees.heading, MARGIN.left, y, section) + mm(1.5);
  for (const fee of letter.fees) {
    write(doc, fee.label, MARGIN.left, y + 1.5, row);
    write(doc, fee.amount, MARGIN.left, y + 1.5, { ...row, align: "right" });
    y += rowHeight;
  }
  y += 2;
  hline(doc, MARGIN.left, MARGIN.left + width, y, 0.5, C.text);
  y += 2;
  write(doc, t.fees.total, MARGIN.left, y, { ...row, bold: true });
  write(doc, letter.feeTotal, MARGIN.left, y, { ...row, bold: true, align: "right" });
  y += rowHeight + mm(1.5);
  y += write(doc, t.fees.howToPay, MARGIN.left, y, small);
  flow.y = y;
}

/** The footer of each of a letter's pages: who sends it, its reference, "Page 1 of 2". */
function drawFooter(doc: PDFDocument, letter: LetterView, n: number, total: number) {
  const top = PAGE.height - mm(8) - mm(1.5) - 10.5;
  hline(doc, MARGIN.left, PAGE.width - MARGIN.right, top, 0.5, C.border);
  const style = { size: 7.5, color: C.muted };
  const y = top + mm(1.5);
  write(
    doc,
    `${letter.library.name} · ${letter.branch.name} · ${letter.t.reference} ${letter.reference}`,
    MARGIN.left,
    y,
    style,
  );
  const page = letter.t.letter.page(n, total);
  use(doc, style);
  write(doc, page, PAGE.width - MARGIN.right - doc.widthOfString(page), y, style);
}

/**
 * Draws one patron's letter onto `doc`, starting on a new page; a long list of items
 * continues on the next page. Every page gets the fold marks and a footer with the page
 * number within this letter. Returns the number of pages the letter took. The document
 * must be opened with `openLetterDocument` (it keeps pages until the letter is finished).
 */
export function drawLetter(doc: PDFDocument, letter: LetterView, window: WindowPosition): number {
  const { t } = letter;
  doc.addPage();
  const first = doc.bufferedPageRange();
  const firstPage = first.start + first.count - 1;
  drawHead(doc, letter, window);

  const flow = new Flow(doc, mm(window.topMm + window.heightMm + 4));
  if (letter.copyOf) {
    const copy = t.letter.copy(letter.copyOf.printedOn);
    const style = { size: 10, bold: true, color: C.late };
    use(doc, style);
    const width = doc.widthOfString(copy) + mm(3);
    const height = measure(doc, copy, style) + mm(3);
    doc.rect(MARGIN.left, flow.y, width, height).lineWidth(1).strokeColor(C.late).stroke();
    write(doc, copy, MARGIN.left + mm(1.5), flow.y + mm(1.5), style);
    flow.y += height + mm(3);
  }
  flow.y += write(doc, letter.subject, MARGIN.left, flow.y, { size: 12.5, bold: true, width: CONTENT_WIDTH });
  flow.y += mm(4);

  if (letter.fallback) {
    const note = fallbackNoteText(t, {
      email: letter.fallback.email,
      preferencesUrl: letter.links.preferences,
    });
    const title = { size: 11, bold: true };
    drawBox(
      doc,
      flow,
      {
        bar: C.brand,
        background: C.note,
        padX: mm(3),
        padY: mm(3),
        title: note.title,
        titleStyle: title,
        titleGap: mm(1.5),
        paragraphGap: 0,
      },
      note.paragraphs,
    );
    flow.y += mm(5);
  }
  flow.paragraphs(letter.opening);
  if (letter.message) {
    const paragraphs = letter.message
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    const title = { size: 10, bold: true, lineHeight: 1.4 };
    drawBox(
      doc,
      flow,
      {
        bar: C.message,
        padX: mm(3),
        padY: 0,
        title: t.messageHeading,
        titleStyle: title,
        titleGap: 2,
        paragraphGap: mm(2.5),
      },
      paragraphs,
    );
    flow.y += mm(3);
  }
  drawItems(doc, flow, letter);
  if (letter.links.renewAll) {
    drawRenewLink(doc, flow, letter.links.renewAll, t.letter.renewOnline(letter.links.renewAll));
  }
  drawFees(doc, flow, letter);
  flow.y += mm(3);
  flow.paragraphs(letter.closing);

  const range = doc.bufferedPageRange();
  const pages = range.start + range.count - firstPage;
  for (let n = 1; n <= pages; n++) {
    doc.switchToPage(firstPage + n - 1);
    drawFoldMarks(doc);
    drawFooter(doc, letter, n, pages);
  }
  return pages;
}
