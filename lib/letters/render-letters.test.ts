import { describe, expect, it } from "vitest";
import { sampleNoticeInput } from "@/lib/rendering/sample-data";
import { type PdfLine, readPdf } from "@/test/read-pdf";
import { renderLetterPdf, renderLetters } from "./render-letters";
import { streamLetters, streamToBuffer } from "./stream-letters";
import { DEFAULT_WINDOW, WINDOW_PRESETS, type WindowPosition } from "./window-position";

function expectInWindow(line: PdfLine | undefined, window: WindowPosition) {
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

  it("prints Polish, Greek and Cyrillic names and the French narrow no-break space as text a reader can copy", async () => {
    const base = sampleNoticeInput({ kind: "overdue", number: 2, language: "fr", patronIndex: 2 });
    const names = ["Łukasz Żółć-Ścibor", "Νίκος Παπαδόπουλος", "Ольга Шевченко"];
    const pages = await readPdf(
      await renderLetters(
        names.map((name, i) => {
          const [firstName, lastName] = name.split(" ");
          return { ...base, reference: `R-${i}`, patron: { ...base.patron, firstName, lastName } };
        }),
      ),
    );
    for (const [i, name] of names.entries()) {
      const page = pages.find((p) => p.text.includes(`R-${i}`));
      // the address line itself, inside the window: the font has every glyph and maps it back to Unicode
      expectInWindow(
        page?.lines.find((line) => line.text === name),
        DEFAULT_WINDOW,
      );
    }
    expect(pages[0].text).toMatch(/\d,\d\d\s€/);
  });

  it("embeds the letter font once for a whole batch, however many letters it holds", async () => {
    const letters = Array.from({ length: 12 }, (_, i) => ({
      ...sampleNoticeInput({ language: (["nl", "fr", "en"] as const)[i % 3], patronIndex: i }),
      fallback: null,
    }));
    const pdf = (await renderLetters(letters)).toString("latin1");
    // one embedded font program each for regular and bold (subset to the glyphs the letters use)
    expect(pdf.match(/\/FontFile2/g)).toHaveLength(2);
    expect(pdf.match(/\/Type \/Page\b/g)?.length).toBeGreaterThanOrEqual(12);
  });

  it("streams a batch: the first letters' pages are out before the later letters are read", async () => {
    let received = 0;
    let receivedBeforeSecondGroup = -1;
    const group = (from: number) =>
      Array.from({ length: 5 }, (_, i) => ({
        ...sampleNoticeInput({ patronIndex: from + i }),
        fallback: null,
      }));
    const source = (async function* () {
      yield group(0);
      receivedBeforeSecondGroup = received;
      yield group(5);
    })();
    const { stream, done } = streamLetters(source, { title: "Brieven", duplex: true });
    stream.on("data", (chunk: Buffer) => {
      received += chunk.length;
    });
    await new Promise((resolve) => stream.on("end", resolve));
    const summary = await done;
    expect(summary.letters).toBe(10);
    // five letters of two pages or more each: far more than the file's header
    expect(receivedBeforeSecondGroup).toBeGreaterThan(20_000);
    expect(received).toBeGreaterThan(receivedBeforeSecondGroup);
    expect(summary.pages % 2).toBe(0);
    expect(summary.pagesPerLetter.every((pages) => pages >= 1)).toBe(true);
  });

  it("a stream whose letters cannot be drawn ends in an error, not in a PDF that looks whole", async () => {
    const broken = { ...sampleNoticeInput(), baseUrl: "not a url", fallback: null };
    const { stream, done } = streamLetters([[{ ...sampleNoticeInput(), fallback: null }, broken]], {
      title: "Brieven",
    });
    await expect(streamToBuffer(stream)).rejects.toThrow(/absolute URL/);
    await expect(done).rejects.toThrow(/absolute URL/);
  });

  it("refuses a window that does not fit the sheet", async () => {
    await expect(
      renderLetterPdf(sampleNoticeInput(), { window: { leftMm: 150, topMm: 45, widthMm: 85, heightMm: 45 } }),
    ).rejects.toThrow(/Invalid envelope window/);
  });
});
