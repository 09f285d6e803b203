import { describe, expect, it } from "vitest";
import { euroInputText, parseEuroCents } from "./euro-amount";

describe("parseEuroCents", () => {
  it("reads a comma or a point before the cents, with or without the euro sign", () => {
    expect(parseEuroCents("5,00")).toBe(500);
    expect(parseEuroCents("5.00")).toBe(500);
    expect(parseEuroCents("€ 5,00")).toBe(500);
    expect(parseEuroCents(" 5 ")).toBe(500);
    expect(parseEuroCents("1,95 €")).toBe(195);
    expect(parseEuroCents("0,5")).toBe(50);
    expect(parseEuroCents("8.5")).toBe(850);
  });

  it("keeps a minus for the caller's bounds to refuse", () => {
    expect(parseEuroCents("-1")).toBe(-100);
  });

  it("refuses what is not an amount: words, three decimals, thousands separators, empty", () => {
    for (const text of ["vijf", "5,005", "1.000,00", "1,000.00", "", "5,", ",50", "5 00"]) {
      expect(parseEuroCents(text), text).toBeNull();
    }
  });
});

describe("euroInputText", () => {
  it("shows cents for editing with the reader's decimal mark", () => {
    expect(euroInputText(500, "nl")).toBe("5,00");
    expect(euroInputText(195, "en")).toBe("1.95");
  });
});
