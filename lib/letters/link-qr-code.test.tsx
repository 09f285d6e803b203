import { describe, expect, it } from "vitest";
import { sampleNoticeInput } from "@/lib/rendering/sample-data";
import { qrPath } from "./link-qr-code";
import { renderLetterPdf } from "./render-letters";

describe("the letter's QR code", () => {
  it("encodes the link in a scannable size with one square per dark module", () => {
    const { size, d } = qrPath("https://mijn.bib.example/r/a1k9..m2p.Xq3abcdefghijklm");
    expect(size).toBeGreaterThanOrEqual(29); // version 3 or more for a 50+ character link at level M
    expect(d.match(/M/g)?.length).toBeGreaterThan(size * 4);
  });

  it("a letter with a renew link renders with its QR code, and the page shows it", async () => {
    const input = sampleNoticeInput({ language: "nl" });
    expect(input.links.renewAll).toBeTruthy();
    const pdf = await renderLetterPdf(input);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });
});
