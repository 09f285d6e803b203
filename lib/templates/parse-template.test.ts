import { describe, expect, it } from "vitest";
import { parseTemplate } from "./parse-template";
import { validateWording } from "./validate-wording";

function problems(source: string) {
  const parsed = parseTemplate(source);
  if (parsed.ok) throw new Error(`expected problems in ${source}`);
  return parsed.problems;
}

describe("parseTemplate", () => {
  it("splits text and known placeholders", () => {
    expect(parseTemplate("Beste {patron.firstName}, tot {due.date}.")).toEqual({
      ok: true,
      parts: [
        { type: "text", value: "Beste " },
        { type: "placeholder", key: "patron.firstName" },
        { type: "text", value: ", tot " },
        { type: "placeholder", key: "due.date" },
        { type: "text", value: "." },
      ],
    });
  });

  it("accepts spaces inside the braces", () => {
    expect(parseTemplate("{ library.name }").ok).toBe(true);
  });

  it("refuses an unknown placeholder, pointing at its first character and suggesting the right one", () => {
    const [problem] = problems("Beste lezer {patron.frstName}");
    expect(problem.message).toBe(
      "Unknown placeholder {patron.frstName} at character 13 (did you mean {patron.firstName}?)",
    );
    expect(problem).toMatchObject({
      code: "unknown_placeholder",
      position: 13,
      length: 17,
      suggestion: "patron.firstName",
    });
  });

  it("gives no suggestion for something far from every placeholder", () => {
    const [problem] = problems("Hallo {voornaam van de lener}");
    expect(problem.message).toBe("Unknown placeholder {voornaam van de lener} at character 7");
    expect(problem.suggestion).toBeUndefined();
  });

  it("refuses an unclosed brace", () => {
    const [problem] = problems("Beste {patron.firstName, welkom");
    expect(problem.code).toBe("unclosed_brace");
    expect(problem.message).toBe("Unclosed { at character 7: close the placeholder with } or remove the {");
  });

  it("refuses a brace opened inside another placeholder, and still checks the inner one", () => {
    const list = problems("{stage.label {patron.firstName}");
    expect(list.map((p) => [p.code, p.position])).toEqual([["unclosed_brace", 1]]);
  });

  it("refuses a closing brace that closes nothing", () => {
    const [problem] = problems("Tot ziens} in de bib");
    expect(problem).toMatchObject({ code: "unexpected_closing_brace", position: 10 });
    expect(problem.message).toBe("Unexpected } at character 10: it closes no placeholder");
  });

  it("does not let a placeholder run over a line break", () => {
    expect(problems("Beste {patron.\nfirstName}").map((p) => p.code)).toEqual([
      "unclosed_brace",
      "unexpected_closing_brace",
    ]);
  });

  it("refuses empty braces", () => {
    expect(problems("Hallo {} daar")[0]).toMatchObject({ code: "empty_placeholder", position: 7, length: 2 });
  });

  it("reports every problem, with positions counted in characters (an emoji is one)", () => {
    const list = problems("📚 {items.cont} en {fee.totaal}");
    expect(list.map((p) => p.position)).toEqual([3, 19]);
    expect(list.map((p) => p.suggestion)).toEqual(["items.count", "fee.total"]);
  });

  it("is case-sensitive but suggests the right spelling", () => {
    expect(problems("{Patron.FirstName}")[0].suggestion).toBe("patron.firstName");
  });
});

describe("validateWording", () => {
  it("accepts empty fields (they inherit) and valid ones", () => {
    expect(validateWording({ subject: "", opening: null, closing: "Groeten, {library.name}" })).toEqual({});
  });

  it("groups problems per field and refuses a line break in the subject", () => {
    const result = validateWording({ subject: "Aanmaning\n{stage.nummer}", closing: "ok" });
    expect(Object.keys(result)).toEqual(["subject"]);
    expect(result.subject?.map((p) => p.code)).toEqual(["line_break_in_subject", "unknown_placeholder"]);
    expect(result.subject?.[0].message).toBe("A subject is one line: line break at character 10");
  });

  it("refuses a text that is too long", () => {
    const result = validateWording({ subject: "x".repeat(201) });
    expect(result.subject?.[0]).toMatchObject({ code: "too_long", position: 201 });
  });
});
