import { describe, expect, it } from "vitest";
import { sampleNoticeInput } from "@/lib/rendering/sample-data";
import { qrModules } from "./link-qr-code";
import { renderLetterPdf } from "./render-letters";

describe("the letter's QR code", () => {
  it("encodes the link in a scannable size, its dark modules as horizontal runs inside the code", () => {
    const { count, runs } = qrModules("https://mijn.bib.example/r/a1k9..m2p.Xq3abcdefghijklm");
    expect(count).toBeGreaterThanOrEqual(29); // version 3 or more for a 50+ character link at level M
    // the finder pattern's top row: a run of seven dark modules in the top-left corner
    expect(runs[0]).toEqual({ x: 0, y: 0, length: 7 });
    const dark = runs.reduce((sum, run) => sum + run.length, 0);
    expect(dark).toBeGreaterThan(count * 4);
    expect(runs.every((run) => run.x >= 0 && run.x + run.length <= count && run.y < count)).toBe(true);
  });

  it("a letter with a renew link renders with its QR code", async () => {
    const input = sampleNoticeInput({ language: "nl" });
    expect(input.links.renewAll).toBeTruthy();
    const pdf = await renderLetterPdf(input);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });
});
