import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectEncoding, readCsv } from "./parse-csv";

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "rappel-parse-csv-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const MB = 1 << 20;

/** A file whose bytes are `before` filler bytes, then `middle`, then filler to past 2 MB. */
async function fileWith(name: string, before: number, middle: Buffer): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, Buffer.concat([Buffer.alloc(before, 0x61), middle, Buffer.alloc(MB + 10, 0x62)]));
  return file;
}

describe("detectEncoding", () => {
  it("finds UTF-8 whatever 1 MB piece boundary cuts a character, and Windows-1252 for a lone byte", async () => {
    for (const char of ["é", "€", "😀"]) {
      const bytes = Buffer.from(char, "utf8");
      for (let shift = 0; shift <= bytes.length; shift++) {
        const file = await fileWith(`u-${bytes.length}-${shift}.csv`, MB - shift, bytes);
        expect(await detectEncoding(file), `${char} at ${shift}`).toBe("utf-8");
      }
    }
    // é in Windows-1252 at the boundary and elsewhere, a half character, a surrogate, an overlong form
    for (const [at, bytes] of [
      [MB - 1, [0xe9]],
      [MB, [0xe9]],
      [10, [0xe9, 0x61]],
      [MB - 1, [0xe2, 0x82]],
      [MB - 2, [0xed, 0xa0, 0x80]],
      [5, [0xc0, 0xaf]],
    ] as const) {
      const file = await fileWith(`w-${at}-${bytes.length}.csv`, at, Buffer.from(bytes));
      expect(await detectEncoding(file), `${bytes} at ${at}`).toBe("windows-1252");
    }
    const cut = path.join(folder, "cut.csv");
    await writeFile(cut, Buffer.concat([Buffer.from("a;b\n1;"), Buffer.from("€", "utf8").subarray(0, 2)]));
    expect(await detectEncoding(cut)).toBe("windows-1252");
  });
});

describe("readCsv", () => {
  it("reads UTF-8 with a BOM, characters cut by the 1 MB pieces, and byte positions", async () => {
    const rows = ["\uFEFFnaam;plaats"];
    for (let i = 0, length = 0; length < 3 * MB; i++) {
      rows.push(`Hélène ${i} 😀;Liège €${i}`);
      length += rows[rows.length - 1].length;
    }
    const file = path.join(folder, "utf8.csv");
    const text = `${rows.join("\n")}\n`;
    await writeFile(file, text);
    const records: { line: number; values: string[]; bytes: number }[] = [];
    let headers: string[] = [];
    for await (const batch of readCsv(file))
      for (const event of batch) {
        if (event.type === "header") headers = event.headers;
        else if (event.type === "record") records.push(event);
      }
    expect(headers).toEqual(["naam", "plaats"]);
    expect(records.length).toBe(rows.length - 1);
    for (const [i, record] of records.entries()) {
      expect(record.values).toEqual(rows[i + 1].split(";"));
      expect(record.line).toBe(i + 2);
    }
    // positions count the decoded text's bytes: the BOM is not among them
    expect(records.at(-1)?.bytes).toBe(Buffer.byteLength(text) - 3);
  });
});
