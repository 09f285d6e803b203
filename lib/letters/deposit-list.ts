import { C, hline, openLetterDocument, type TextStyle, use, write } from "./letter-pdf";
import { streamToBuffer } from "./stream-letters";

export type DepositListLine = {
  recipient: string;
  address: string;
  reference: string;
  trackingNumber: string | null;
  postage: string;
};

export type DepositListInput = {
  /** the headings and labels in the staff member's language */
  labels: {
    title: string;
    sender: string;
    date: string;
    batch: string;
    number: string;
    recipient: string;
    address: string;
    reference: string;
    trackingNumber: string;
    postage: string;
    total: string;
    signature: string;
    page(n: number, total: number): string;
  };
  sender: string;
  date: string;
  batch: string;
  lines: DepositListLine[];
  /** "3 letters" and the postage total, formatted */
  totalLetters: string;
  totalPostage: string;
};

const MARGIN = 36;
/** A4 landscape, in points */
const PAGE = { width: 841.89, height: 595.28 };
const WIDTH = PAGE.width - MARGIN * 2;
const BOTTOM = PAGE.height - MARGIN;
/** number, recipient, address, reference, tracking number, postage (fractions of the width) */
const COLUMNS = [0.05, 0.22, 0.31, 0.15, 0.17, 0.1];

function cells(values: string[], style: TextStyle) {
  let x = MARGIN;
  return values.map((text, i) => {
    const width = WIDTH * COLUMNS[i];
    const last = i === COLUMNS.length - 1;
    const cell = {
      text,
      x,
      style: { ...style, width: width - (last ? 0 : 6), align: last ? "right" : "left" } as const,
    };
    x += width;
    return cell;
  });
}

/** Draws a row of cells with its top at `y`; returns its height (the tallest cell). */
function drawRow(doc: PDFKit, values: string[], y: number, style: TextStyle): number {
  return Math.max(...cells(values, style).map((cell) => write(doc, cell.text, cell.x, y, cell.style)));
}

function rowHeight(doc: PDFKit, values: string[], style: TextStyle): number {
  return Math.max(
    ...cells(values, style).map((cell) => {
      const { options } = use(doc, cell.style);
      return doc.heightOfString(cell.text, options);
    }),
  );
}

type PDFKit = ReturnType<typeof openLetterDocument>;

/**
 * The list handed in at the post office with a batch of registered letters: one line per
 * letter (recipient, address, reference, tracking number, postage) and the totals, the
 * column titles on every page, "Page 1 of 2" below. The letters' font, so every name prints.
 */
export async function renderDepositList(input: DepositListInput): Promise<Buffer> {
  const { labels } = input;
  const doc = openLetterDocument({ title: `${labels.title} ${input.batch}` });
  const pdf = streamToBuffer(doc);
  const text = { size: 9 };
  const bold = { size: 9, bold: true };
  const head = [
    labels.number,
    labels.recipient,
    labels.address,
    labels.reference,
    labels.trackingNumber,
    labels.postage,
  ];
  const newPage = () => {
    doc.addPage({
      size: "A4",
      layout: "landscape",
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    });
    return MARGIN;
  };
  const drawHead = (top: number) => {
    const y = top + drawRow(doc, head, top, bold) + 3;
    hline(doc, MARGIN, MARGIN + WIDTH, y, 1, C.text);
    return y + 0.5;
  };

  let y = newPage();
  y += write(doc, labels.title, MARGIN, y, { size: 15, bold: true }) + 6;
  let x = MARGIN;
  let metaHeight = 0;
  for (const meta of [
    `${labels.sender}: ${input.sender}`,
    `${labels.date}: ${input.date}`,
    `${labels.batch}: ${input.batch}`,
  ]) {
    metaHeight = write(doc, meta, x, y, text);
    use(doc, text);
    x += doc.widthOfString(meta) + 24;
  }
  y = drawHead(y + metaHeight + 12);

  input.lines.forEach((line, i) => {
    const values = [
      String(i + 1),
      line.recipient,
      line.address,
      line.reference,
      line.trackingNumber ?? "—",
      line.postage,
    ];
    const height = rowHeight(doc, values, text) + 8;
    if (y + height > BOTTOM - 20) y = drawHead(newPage());
    drawRow(doc, values, y + 4, text);
    y += height;
    hline(doc, MARGIN, MARGIN + WIDTH, y, 0.5, C.border);
  });

  const totalHeight = rowHeight(doc, [labels.total], bold) + 6;
  if (y + 2 + totalHeight + 36 + 14 > BOTTOM - 20) y = newPage();
  y += 2;
  hline(doc, MARGIN, MARGIN + WIDTH, y, 1, C.text);
  write(doc, `${labels.total}: ${input.totalLetters}`, MARGIN, y + 4, { ...bold, width: WIDTH * 0.9 });
  write(doc, input.totalPostage, MARGIN, y + 4, { ...bold, width: WIDTH, align: "right" });
  y += totalHeight + 36;
  write(doc, `${labels.signature}: ______________________________`, MARGIN, y, text);

  const range = doc.bufferedPageRange();
  for (let n = 1; n <= range.count; n++) {
    doc.switchToPage(range.start + n - 1);
    write(doc, labels.page(n, range.count), MARGIN, PAGE.height - 20 - 10, { size: 7.5, color: C.muted });
  }
  doc.end();
  return pdf;
}
