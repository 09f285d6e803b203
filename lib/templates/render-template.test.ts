import { describe, expect, it } from "vitest";
import { DEFAULT_NOTICE_TEXTS } from "./default-texts";
import { parseTemplate } from "./parse-template";
import { PLACEHOLDER_KEYS, PLACEHOLDERS, type PlaceholderValues } from "./placeholders";
import { renderTemplate, TemplateError } from "./render-template";
import { resolveWording } from "./resolve-wording";

const values = Object.fromEntries(
  PLACEHOLDER_KEYS.map((key) => [key, PLACEHOLDERS[key].example]),
) as PlaceholderValues;

describe("renderTemplate", () => {
  it("fills in every placeholder", () => {
    expect(
      renderTemplate("{stage.label} voor {patron.fullName}: {items.count} stuks, {fee.total}", values),
    ).toBe("Tweede aanmaning voor Lotte Vermeulen: 3 stuks, € 1,00");
  });

  it("throws on an invalid template instead of sending braces", () => {
    expect(() => renderTemplate("Beste {patron.frstName}", values)).toThrow(TemplateError);
    expect(() => renderTemplate("Beste {patron.firstName", values)).toThrow(/Unclosed \{ at character 7/);
  });

  it("never lets a brace through from a value", () => {
    const out = renderTemplate("Beste {patron.firstName}", {
      ...values,
      "patron.firstName": "{patron.lastName}",
    });
    expect(out).toBe("Beste patron.lastName");
  });

  it("renders an empty value as nothing", () => {
    expect(renderTemplate("Tel. {branch.phone}.", { ...values, "branch.phone": "" })).toBe("Tel. .");
  });
});

describe("built-in wording", () => {
  it("is valid for every stage kind and language, and fills in without a brace left", () => {
    for (const [kind, languages] of Object.entries(DEFAULT_NOTICE_TEXTS)) {
      for (const [language, wording] of Object.entries(languages)) {
        for (const [field, text] of Object.entries(wording)) {
          expect(parseTemplate(text).ok, `${kind}/${language}/${field}`).toBe(true);
          expect(renderTemplate(text, values)).not.toMatch(/[{}]/);
        }
      }
    }
  });
});

describe("resolveWording", () => {
  it("takes each field from the branch, else the system, else the default", () => {
    const resolved = resolveWording({
      kind: "overdue",
      language: "nl",
      system: { subject: "Systeem {stage.label}", opening: "Systeem opening", closing: null },
      branch: { subject: "Filiaal {stage.label}", opening: "   ", closing: undefined },
    });
    expect(resolved.subject).toBe("Filiaal {stage.label}");
    expect(resolved.opening).toBe("Systeem opening");
    expect(resolved.closing).toBe(DEFAULT_NOTICE_TEXTS.overdue.nl.closing);
    expect(resolved.sources).toEqual({ subject: "branch", opening: "system", closing: "default" });
  });
});
