import { describe, expect, it } from "vitest";
import { formTextProblems, MAX_TEXT_LENGTH, textProblem, visibleText } from "./text-check";

describe("textProblem", () => {
  it("refuses a NUL byte and other control characters, which PostgreSQL or nobody's keyboard produces", () => {
    for (const bad of ["a\u0000b", "\u0000", "x\u0001", "bell\u0007", "esc\u001b[0m", "del\u007f"])
      expect(textProblem(bad), JSON.stringify(bad)).toEqual({ code: "invalidText" });
  });

  it("refuses half of a surrogate pair anywhere in the text", () => {
    for (const bad of ["\ud800", "a\ud83d", "\ude00b", "\ud83d\ud83d\ude00x"])
      expect(textProblem(bad), JSON.stringify(bad)).toEqual({ code: "invalidText" });
  });

  it("takes ordinary text: accents, tabs, line breaks, emoji, other scripts", () => {
    for (const good of ["", "Jan Smet", "Élise Van den Bossche", "a\tb\r\nc", "😀 boek", "Ⅻ 中文 عربي"])
      expect(textProblem(good), JSON.stringify(good)).toBeNull();
  });

  it("says how long text may be when it is longer", () => {
    expect(textProblem("x".repeat(11), 10)).toEqual({ code: "textTooLong", values: { max: 10 } });
    expect(textProblem("x".repeat(10), 10)).toBeNull();
    expect(textProblem("x".repeat(MAX_TEXT_LENGTH + 1))).toEqual({
      code: "textTooLong",
      values: { max: MAX_TEXT_LENGTH },
    });
  });
});

describe("formTextProblems", () => {
  it("names each field with bad text once, also among repeated values, and leaves files to the schema", () => {
    const file = new File(["\u0000"], "export.csv");
    expect(
      formTextProblems({ name: "ok", note: "a\u0000", tags: ["fine", "\ud800", "\u0000"], upload: file }),
    ).toEqual([
      { code: "invalidText", field: "note" },
      { code: "invalidText", field: "tags" },
    ]);
  });
});

describe("visibleText", () => {
  it("shows each control character and half character as a question mark, and keeps the rest", () => {
    expect(visibleText("Sm\u0000et\u001b \ud800 😀\tÉ")).toBe("Sm?et? ? 😀\tÉ");
  });
});
