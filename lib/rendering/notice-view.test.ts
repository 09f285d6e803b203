import { describe, expect, it } from "vitest";
import { DICTIONARIES } from "./dictionary";
import { formatDate, formatDateTime, formatMoney } from "./format";
import { addressLines, buildNoticeView } from "./notice-view";
import { sampleNoticeInput } from "./sample-data";

describe("formatting per language", () => {
  it("writes dates as Belgians and Britons read them, without shifting the day", () => {
    expect(formatDate("2026-03-29", "nl")).toBe("zondag 29 maart 2026");
    expect(formatDate("2026-03-29", "fr")).toBe("dimanche 29 mars 2026");
    expect(formatDate("2026-03-29", "en")).toBe("Sunday, 29 March 2026");
    expect(formatDate("2026-10-25", "nl", "numeric")).toBe("25/10/2026");
  });

  it("writes euros the local way", () => {
    // a no-break space keeps the sign with the amount
    expect(formatMoney(1234_50, "nl")).toBe("€\u00a01.234,50");
    expect(formatMoney(150, "fr").replace(/\s/g, " ")).toBe("1,50 €");
    expect(formatMoney(150, "en")).toBe("€1.50");
  });

  it("gives times in Brussels time, summer and winter", () => {
    expect(formatDateTime(new Date("2026-07-01T07:30:00Z"), "nl")).toBe("1 juli 2026 om 09:30");
    expect(formatDateTime(new Date("2026-01-15T07:30:00Z"), "en")).toBe("15 January 2026 at 08:30");
  });

  it("writes ordinals in each language", () => {
    expect([1, 2, 3, 8, 20].map(DICTIONARIES.nl.ordinal)).toEqual(["1ste", "2de", "3de", "8ste", "20ste"]);
    expect([1, 2, 3].map(DICTIONARIES.fr.ordinal)).toEqual(["1er", "2e", "3e"]);
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22].map(DICTIONARIES.en.ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
    ]);
  });
});

describe("buildNoticeView", () => {
  it("counts days overdue from the notice's date, and days left before it", () => {
    const overdue = buildNoticeView(
      sampleNoticeInput({ kind: "overdue", number: 1, language: "nl", date: "2026-03-24" }),
    );
    expect(overdue.items[0]).toMatchObject({
      daysOverdue: 7,
      timing: "7 dagen te laat",
      dueDate: "17 mrt 2026",
    });
    const preDue = buildNoticeView(
      sampleNoticeInput({ kind: "pre_due", language: "en", date: "2026-03-24" }),
    );
    expect(preDue.items[0]).toMatchObject({ daysOverdue: -3, timing: "3 days left" });
    expect(preDue.items[1]).toMatchObject({ daysOverdue: -1, timing: "due tomorrow" });
  });

  it("says renewable only for renewable items, and why not for the others", () => {
    const view = buildNoticeView(sampleNoticeInput({ language: "fr" }));
    expect(view.items.map((item) => [item.renewable, item.renewal.replace(/\s/g, " ")])).toEqual([
      [true, "Prolongeable"],
      [true, "Prolongeable"],
      [false, "Non prolongeable : réservé par un autre lecteur"],
      [false, "Non prolongeable : nombre maximal de prolongations atteint"],
    ]);
  });

  it("hides the renew-all button when nothing can be renewed", () => {
    const input = sampleNoticeInput({ language: "en" });
    const items = input.items.map((item) => ({
      ...item,
      renewable: false as const,
      notRenewableReason: "other" as const,
    }));
    expect(buildNoticeView({ ...input, items }).links.renewAll).toBeNull();
  });

  it("adds up the fees, and leaves them out when there are none", () => {
    const charged = buildNoticeView(sampleNoticeInput({ kind: "overdue", number: 4, language: "nl" }));
    expect(charged.fees).toEqual([
      { label: "Kosten aanmaning", amount: "€\u00a03,00" },
      { label: "Portkosten", amount: "€\u00a07,95" },
    ]);
    expect(charged.feeTotal).toBe("€\u00a010,95");
    expect(buildNoticeView(sampleNoticeInput({ kind: "overdue", number: 1 })).feeTotal).toBeNull();
  });

  it("builds the logo URL from the base URL", () => {
    const view = buildNoticeView(sampleNoticeInput({ baseUrl: "https://bib.example.be/" }));
    expect(view.library.logoUrl).toBe("https://bib.example.be/email/logo.png");
  });

  it("prints the country only for an address abroad", () => {
    expect(
      addressLines({ street: "Rue Haute 1", postalCode: "59200", city: "Tourcoing", country: "FR" }, "nl"),
    ).toEqual(["Rue Haute 1", "59200 Tourcoing", "FRANKRIJK"]);
    expect(
      addressLines({ street: "Markt 1", postalCode: "8760", city: "Meulebeke", country: "BE" }, "fr"),
    ).toEqual(["Markt 1", "8760 Meulebeke"]);
  });
});
