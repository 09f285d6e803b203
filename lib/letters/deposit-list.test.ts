import { describe, expect, it } from "vitest";
import { readPdf } from "@/test/read-pdf";
import { type DepositListInput, renderDepositList } from "./deposit-list";

const labels: DepositListInput["labels"] = {
  title: "Afgiftelijst aangetekende zendingen",
  sender: "Afzender",
  date: "Datum",
  batch: "Reeks",
  number: "Nr.",
  recipient: "Geadresseerde",
  address: "Adres",
  reference: "Referentie",
  trackingNumber: "Zendingsnummer",
  postage: "Port",
  total: "Totaal",
  signature: "Handtekening loket",
  page: (n, total) => `Pagina ${n} van ${total}`,
};

function list(count: number): DepositListInput {
  return {
    labels,
    sender: "Bibliotheek Leiedal · Hoofdbibliotheek Meulebeke",
    date: "24 maart 2026",
    batch: "#12",
    lines: Array.from({ length: count }, (_, i) => ({
      recipient: `${i % 2 ? "Łukasz Żółć" : "Amélie Dubois-Lefèvre"} ${i + 1}`,
      address: `Ringlaan ${i + 1}, 8700 Tielt`,
      reference: `R-2026-${String(4700 + i).padStart(6, "0")}`,
      trackingNumber: i % 3 === 0 ? null : `RR${String(10000000 + i)}5BE`,
      postage: "€ 8,45",
    })),
    totalLetters: `${count} brieven`,
    totalPostage: "€ 338,00",
  };
}

describe("the deposit list of registered letters", () => {
  it("lists every letter on its own line in order, with the totals and the counter's signature line", async () => {
    const input = list(40);
    const pages = await readPdf(await renderDepositList(input));
    expect(pages.length).toBe(2);
    const text = pages.map((page) => page.text).join("\n");
    let last = -1;
    for (const line of input.lines) {
      const at = text.indexOf(line.reference);
      expect(at).toBeGreaterThan(last);
      last = at;
      // recipient, address and tracking number sit on the reference's line
      const page = pages.find((p) => p.text.includes(line.reference));
      const y = page?.lines.find((l) => l.text === line.reference)?.yMm;
      for (const cell of [line.recipient, line.address, line.trackingNumber ?? "—"]) {
        expect(page?.lines.find((l) => l.text === cell && Math.abs(l.yMm - (y ?? 0)) < 1)).toBeDefined();
      }
    }
    expect(text.indexOf("Totaal: 40 brieven")).toBeGreaterThan(last);
    expect(text).toContain("€ 338,00");
    expect(text).toContain("Handtekening loket");
  });

  it("repeats the column titles and numbers the pages on every page", async () => {
    const pages = await readPdf(await renderDepositList(list(40)));
    pages.forEach((page, i) => {
      expect(page.lines.some((line) => line.text === "Zendingsnummer")).toBe(true);
      expect(page.text).toContain(`Pagina ${i + 1} van ${pages.length}`);
    });
  });
});
