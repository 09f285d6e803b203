import { describe, expect, test } from "vitest";
import { renderNotice } from "./render-email";
import { renderNoticeFast } from "./render-notice-fast";
import { sampleNoticeInput } from "./sample-data";
import type { NoticeRenderInput } from "./types";

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

const variants: [string, NoticeRenderInput][] = [];
for (const language of ["nl", "fr", "en"] as const) {
  for (const kind of ["pre_due", "overdue"] as const) {
    for (const number of kind === "overdue" ? [1, 2, 4] : [1]) {
      variants.push([`${kind} ${number} ${language}`, sampleNoticeInput({ kind, number, language })]);
    }
  }
}

describe("renderNoticeFast", () => {
  test.each(variants)(
    "%s: the same HTML as renderNotice, the same text but for line wrapping",
    async (_, input) => {
      const slow = await renderNotice(input);
      const fast = await renderNoticeFast(input);

      expect(fast.subject).toBe(slow.subject);
      expect(fast.html).toBe(slow.html);
      expect(squash(fast.text)).toBe(squash(slow.text));
    },
  );

  test("values with markup and quotes are escaped as React escapes them, and a second patron of the same shape gets their own values", async () => {
    const base = sampleNoticeInput({ kind: "overdue", number: 1, language: "nl" });
    const evil = {
      ...base,
      patron: { ...base.patron, firstName: `<script>alert("x")</script> & 'Jan'`, lastName: "O'Brien" },
      items: base.items.map((item, i) => ({ ...item, title: `Boek <b>${i}</b> & "co"` })),
    };
    const other = { ...base, patron: { ...base.patron, firstName: "Mieke", lastName: "Peeters" } };

    const fast = await renderNoticeFast(evil);
    expect(fast.html).toBe((await renderNotice(evil)).html);
    expect(fast.html).not.toContain("<script>");
    expect(fast.text).toContain(`<script>alert("x")</script> & 'Jan'`);
    const second = await renderNoticeFast(other);
    expect(second.html).toBe((await renderNotice(other)).html);
    expect(second.html).not.toContain("O&#x27;Brien");
  });

  test("a message of several lines, with spaces, tabs and no-break spaces around them and blank lines between, renders as renderNotice does", async () => {
    const input = sampleNoticeInput({
      kind: "overdue",
      number: 1,
      language: "fr",
      message: "  Fermé le 24 décembre.\t\n\n\u00a0Ouvert le 27 \n   \nMerci ",
    });
    const fast = await renderNoticeFast(input);
    expect(fast.html).toBe((await renderNotice(input)).html);
    expect(fast.text).toContain("Fermé le 24 décembre.");
  });
});
