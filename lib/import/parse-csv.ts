import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Transform } from "node:stream";
import { type CsvError, type Options, Parser } from "csv-parse";

export type CsvEncoding = "utf-8" | "windows-1252";
export type CsvDelimiter = ";" | "," | "\t";

export type CsvEvent =
  | { type: "header"; headers: string[]; encoding: CsvEncoding; delimiter: CsvDelimiter; line: number }
  | { type: "record"; line: number; values: string[]; bytes: number }
  /** a record the CSV parser could not read (a quote opened and not closed where it should be) */
  | { type: "broken"; line: number; detail: string };

/** A field longer than this ends the file's import: nothing legitimate is that long. */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

/**
 * How many bytes at the end of `bytes` start a character that goes on in the next piece (0 to
 * 3): the last lead byte and the length it announces.
 */
function unfinishedTail(bytes: Buffer): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/**
 * UTF-8 when the whole file is valid UTF-8 (a BOM says so at once), else Windows-1252, the
 * encoding of older Windows exports. Reads the file once, in 1 MB pieces, checked by
 * `isUtf8` (the same strict rules as a fatal TextDecoder, without making strings): a wrong
 * guess after half the rows were imported would garble the rest.
 */
export async function detectEncoding(path: string): Promise<CsvEncoding> {
  let carried: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const bytes = carried.length > 0 ? Buffer.concat([carried, chunk as Buffer]) : (chunk as Buffer);
    const end = bytes.length - unfinishedTail(bytes);
    if (!isUtf8(bytes.subarray(0, end))) return "windows-1252";
    carried = Buffer.from(bytes.subarray(end));
  }
  // a character cut off by the end of the file is not UTF-8
  return carried.length === 0 ? "utf-8" : "windows-1252";
}

/** The separator of the header line: the most frequent of ; , and tab outside quotes. */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as CsvDelimiter] += 1;
  }
  const best = (Object.keys(counts) as CsvDelimiter[]).sort((a, b) => counts[b] - counts[a])[0];
  return counts[best] === 0 ? "," : best;
}

async function readFirstLine(path: string, encoding: CsvEncoding): Promise<string> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = new TextDecoder(encoding).decode(buffer.subarray(0, bytesRead));
    return text.replace(/^\uFEFF/, "").split(/\r?\n/)[0] ?? "";
  } finally {
    await handle.close();
  }
}

function decodeStream(encoding: CsvEncoding): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
}

/** Records per batch: one await per batch, not per record (about 2 µs a record less). */
const BATCH = 1_000;

/**
 * csv-parse's parser, handing on each record with its line number and byte position in
 * batches. It reads `info` as each record is pushed: csv-parse's own per-record context
 * (`on_record`, `info`) builds an object per record and made parsing 2 to 4 times slower.
 */
class NumberedParser extends Parser {
  private batch: CsvEvent[] = [];
  private header = true;

  constructor(
    options: Options,
    private readonly encoding: CsvEncoding,
    private readonly delimiter: CsvDelimiter,
  ) {
    super({
      ...options,
      delimiter,
      // a record csv-parse cannot read: reported in its place, and parsing goes on
      on_skip: (error: CsvError | undefined) => {
        if (!error) return;
        const line = Number((error as CsvError & { lines?: number }).lines ?? 0);
        this.batch.push({ type: "broken", line, detail: error.code ?? error.message });
      },
    });
  }

  override push(record: unknown): boolean {
    if (record === null) {
      if (this.batch.length > 0) super.push(this.batch);
      this.batch = [];
      return super.push(null);
    }
    const values = record as string[];
    const { lines, bytes } = this.info;
    if (this.header) {
      this.header = false;
      this.batch.push({
        type: "header",
        headers: values.map((h) => h.trim()),
        encoding: this.encoding,
        delimiter: this.delimiter,
        line: lines,
      });
    } else this.batch.push({ type: "record", line: lines, values, bytes });
    if (this.batch.length < BATCH) return true;
    const full = this.batch;
    this.batch = [];
    return super.push(full);
  }
}

/**
 * Streams a CSV file as its header and records, each with its line number, in batches: `;` or
 * `,`, UTF-8 (with or without BOM) or Windows-1252, quoted fields with separators, quotes and
 * line breaks inside. Memory stays flat whatever the file's size: csv-parse reads it in pieces
 * and waits while the caller works. Records with the wrong number of fields are passed on (the
 * caller reports them); a record csv-parse cannot read comes as "broken" and parsing goes on.
 */
export async function* readCsv(path: string): AsyncGenerator<CsvEvent[]> {
  const encoding = await detectEncoding(path);
  const delimiter = detectDelimiter(await readFirstLine(path, encoding));
  const parser = new NumberedParser(
    {
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: MAX_RECORD_BYTES,
    },
    encoding,
    delimiter,
  );
  const source = createReadStream(path, { highWaterMark: 1 << 20 });
  source.on("error", (error) => parser.destroy(error));
  // UTF-8 too is decoded into strings first. csv-parse could take the file's bytes as they are
  // (it decodes each field itself: 0.7 CPU s less for 1,000,000 loans), but then the process's
  // peak memory rose past the 512 MB budget (bench: 515 and 561 MB against 480 and 485 MB
  // before): without the megabyte strings V8 let the heap grow further between collections.
  const decoded = source.pipe(decodeStream(encoding));
  decoded.on("error", (error) => parser.destroy(error));
  decoded.pipe(parser);
  yield* parser as AsyncIterable<CsvEvent[]>;
}
