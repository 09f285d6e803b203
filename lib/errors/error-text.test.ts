import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { STAFF_TIME_ZONE } from "@/i18n/locales";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";
import { DomainError } from "./domain-error";
import { problemsToState, problemText, type Translate, zodProblems } from "./error-text";

/** A catalogue's look-up with {value} filled in: enough to see which words were chosen. */
function translatorOf(messages: object): Translate {
  return (key, values) => {
    const found = key
      .split(".")
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
    if (typeof found !== "string") return undefined;
    return found.replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? `{${name}}`));
  };
}

const nlText = translatorOf(nl);
const enText = translatorOf(en);

function leaves(node: object, prefix = ""): string[] {
  return Object.entries(node).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`),
  );
}

describe("the error catalogue", () => {
  it("has every code in Dutch and in English", () => {
    expect(leaves(nl.errors).sort()).toEqual(leaves(en.errors).sort());
  });
});

describe("problemText", () => {
  it("words a code with its values in the reader's language", () => {
    expect(problemText(nlText, { code: "textTooLong", values: { max: 200 } })).toBe(
      "Dit is te lang: hoogstens 200 tekens.",
    );
    expect(problemText(enText, { code: "desk.notRenewable.reserved" })).toBe(
      en.errors.desk.notRenewable.reserved,
    );
  });

  it("a code without words is still a clear refusal, never the code itself", () => {
    const unknown = "noSuchCode" as never;
    expect(problemText(nlText, { code: unknown, field: "name" })).toBe(nl.errors.invalidValue);
    expect(problemText(nlText, { code: unknown })).toBe(nl.errors.failed);
  });
});

describe("problemsToState", () => {
  it("puts every field's problems at that field, once each, and points the message at them", () => {
    const error = DomainError.all([
      { code: "required", field: "name" },
      { code: "required", field: "name" },
      { code: "invalidEmail", field: "email" },
      { code: "tooLong", field: "email" },
    ]);
    expect(problemsToState(nlText, error.problems)).toEqual({
      message: nl.errors.checkFields,
      fieldErrors: { name: [nl.errors.required], email: [nl.errors.invalidEmail, nl.errors.tooLong] },
    });
  });

  it("a refusal without a field is the form's message and leaves the fields alone", () => {
    expect(problemsToState(enText, new DomainError("lastAdmin").problems)).toEqual({
      message: en.errors.lastAdmin,
      fieldErrors: undefined,
    });
  });
});

describe("zodProblems", () => {
  const schema = z.object({
    name: z.string().min(1, { error: "required" }),
    note: z.string().max(5),
    count: z.coerce.number().int(),
  });

  it("takes a schema's codes, says how long a string may be, and words zod's own sentences as invalid", () => {
    const parsed = schema.safeParse({ name: "", note: "much too long", count: "many" });
    expect(parsed.success).toBe(false);
    const problems = zodProblems(parsed.error?.issues ?? []);
    expect(problems).toEqual([
      { code: "required", field: "name" },
      { code: "textTooLong", field: "note", values: { max: 5 } },
      { code: "invalidValue", field: "count" },
    ]);
    expect(problemsToState(nlText, problems).fieldErrors?.note).toEqual([
      "Dit is te lang: hoogstens 5 tekens.",
    ]);
  });
});

describe("the settings forms' problems, worded by next-intl", () => {
  /** The staff translator as the app makes it (ICU: dates, selects), in Brussels time. */
  function icuTranslator(locale: "nl" | "en"): Translate {
    const t = createTranslator({
      locale,
      messages: locale === "nl" ? nl : en,
      timeZone: STAFF_TIME_ZONE,
    }) as unknown as { has(key: string): boolean; (key: string, values?: object): string };
    return (key, values) => (t.has(key) ? t(key, values) : undefined);
  }

  it("says a branch's problem with the branch's name, and a library's without", () => {
    const values = { stage: "Tweede aanmaning", offset: 7, previous: "Eerste aanmaning", previousOffset: 7 };
    expect(
      problemText(icuTranslator("nl"), {
        code: "settings.stage.offsets_not_rising",
        field: "offsetDays",
        values: { ...values, inBranch: "yes", branch: "Harelbeke" },
      }),
    ).toBe(
      "De dagen moeten stijgen van fase tot fase: Tweede aanmaning (7) komt na Eerste aanmaning (7). (filiaal Harelbeke)",
    );
    expect(
      problemText(icuTranslator("en"), {
        code: "settings.stage.invalidFee",
        field: "feeCents",
        values: { inBranch: "no" },
      }),
    ).toBe(en.errors.settings.stage.invalidFee.replace(/\{inBranch.*$/, ""));
  });

  it("words a patron problem's day as a date in the reader's language", () => {
    const since = Date.parse("2026-10-02T12:00:00Z");
    expect(
      problemText(icuTranslator("nl"), {
        code: "patronSettings.emailBounced",
        field: "channelPreference",
        values: { hasSince: "yes", since },
      }),
    ).toContain("het e-mailadres is gebounced op 2 oktober 2026.");
    expect(
      problemText(icuTranslator("en"), {
        code: "patronSettings.paused_too_far",
        field: "noticesPausedUntil",
        values: { last: since },
      }),
    ).toBe("Notices can be paused for at most a year (up to October 2, 2026).");
    expect(
      problemText(icuTranslator("en"), { code: "patronSettings.emailNone", field: "channelPreference" }),
    ).toContain("this patron has no email address");
  });
});
