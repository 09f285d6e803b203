import { describe, expect, it } from "vitest";
import {
  MAX_EMAIL_BYTES,
  renderEmailConfirmation,
  renderFallbackNotePreview,
  renderNotice,
  renderTestEmail,
} from "@/lib/rendering/render-email";
import { SAMPLE_BASE_URL, sampleNoticeInput } from "@/lib/rendering/sample-data";
import type { Language, RenderedEmail } from "@/lib/rendering/types";
import EmailConfirmation from "./email-confirmation";
import FallbackNote from "./fallback-note";
import OverdueNotice from "./overdue-notice";
import PreDueReminder from "./pre-due-reminder";
import TestEmail from "./test-email";

const LANGUAGES: Language[] = ["nl", "fr", "en"];

/** What every email must satisfy, whatever its template and language. */
function expectSendable(email: RenderedEmail) {
  // the <style> element's CSS has braces of its own
  const htmlWithoutCss = email.html.replace(/<style[^>]*>[\s\S]*?<\/style>/g, "");
  for (const part of [email.subject, htmlWithoutCss, email.text]) {
    // a placeholder left over, e.g. "{patron.firstName}" or "{ library.name }"
    expect(part).not.toMatch(/\{\s*[A-Za-z]/);
  }
  expect(email.subject.length).toBeGreaterThan(5);
  expect(email.subject).not.toMatch(/\n/);
  expect(email.sizeBytes).toBeLessThan(MAX_EMAIL_BYTES);
  expect(email.warnings).toEqual([]);

  // every link is absolute and goes to a real place
  const hrefs = [...email.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1].replaceAll("&amp;", "&"));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) {
    expect(href, href).toMatch(/^(https:\/\/[a-z0-9.-]+\.[a-z]{2,}\/|mailto:[^@\s]+@[^@\s]+$)/);
  }
  // no tracking pixel: the only image is the logo, with a size and alt text
  const images = [...email.html.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
  for (const image of images) {
    expect(image).toContain(`src="${SAMPLE_BASE_URL}/email/logo.png"`);
    expect(image).toMatch(/alt="[^"]+"/);
  }
  expect(images.length).toBeLessThanOrEqual(1);
  // inline HTML with a language and dark mode support
  expect(email.html).toMatch(/^<!DOCTYPE html/);
  expect(email.html).toContain('name="color-scheme" content="light dark"');
  expect(email.html).toContain("prefers-color-scheme: dark");
  expect(email.html).toContain("max-width:600px");
}

describe.each(LANGUAGES)("notices in %s", (language) => {
  const cases = [
    { name: "pre-due reminder", input: sampleNoticeInput({ kind: "pre_due", language }) },
    { name: "first overdue notice", input: sampleNoticeInput({ kind: "overdue", number: 1, language }) },
    { name: "second overdue notice", input: sampleNoticeInput({ kind: "overdue", number: 2, language }) },
    {
      name: "registered notice",
      input: sampleNoticeInput({ kind: "overdue", number: 4, language, itemCount: 9 }),
    },
  ];

  it.each(cases)("the $name renders every item, its links and no placeholder", async ({ input }) => {
    const email = await renderNotice(input);
    expectSendable(email);
    expect(email.html).toContain(`lang="${{ nl: "nl-BE", fr: "fr-BE", en: "en-GB" }[language]}"`);
    for (const item of input.items) {
      expect(email.html).toContain(item.title);
      expect(email.text).toContain(item.title);
      expect(email.html).toContain(item.barcode);
      expect(email.text).toContain(item.barcode);
      if (item.renewable) {
        expect(email.html).toContain(`href="${item.renewUrl}"`);
        expect(email.text).toContain(item.renewUrl);
      }
    }
    expect(email.html).toContain(`href="${input.links.renewAll}"`);
    expect(email.html).toContain(`href="${input.links.preferences}"`);
    expect(email.html).toContain(input.branch.name);
    expect(email.html).toContain(input.branch.street);
    expect(email.html).toContain(`href="${input.branch.openingHoursUrl}"`);
    // the subject names the stage, and the body repeats the very same subject
    if (input.stage.kind === "overdue") expect(email.subject).toContain(input.stage.label);
    expect(email.html).toContain(email.subject);
  });

  it("shows the fees only where the stage charges them", async () => {
    const free = await renderNotice(sampleNoticeInput({ kind: "overdue", number: 1, language }));
    const charged = await renderNotice(sampleNoticeInput({ kind: "overdue", number: 3, language }));
    const total = { nl: "€ 3,40", fr: "3,40 €", en: "€3.40" }[language];
    expect(charged.text.replaceAll(/\s/g, " ")).toContain(total.replaceAll(/\s/g, " "));
    expect(free.text).not.toMatch(/€/);
  });

  it("says why an item cannot be renewed", async () => {
    const email = await renderNotice(sampleNoticeInput({ kind: "overdue", number: 1, language }));
    const reserved = {
      nl: "gereserveerd door een andere lener",
      fr: "réservé par un autre lecteur",
      en: "reserved by another patron",
    };
    const maxed = {
      nl: "maximaal aantal verlengingen bereikt",
      fr: "nombre maximal de prolongations atteint",
      en: "maximum number of renewals reached",
    };
    expect(email.text).toContain(reserved[language]);
    expect(email.text).toContain(maxed[language]);
  });

  it("the email-address confirmation renders with its button", async () => {
    const props = { ...EmailConfirmation.PreviewProps, language };
    const email = await renderEmailConfirmation(props);
    expectSendable(email);
    expect(email.html).toContain(`href="${props.confirmUrl}"`);
    expect(email.text).toContain(props.patron.email);
  });

  it("the test email renders", async () => {
    const email = await renderTestEmail({ ...TestEmail.PreviewProps, language });
    expectSendable(email);
    expect(email.text).toContain("An Declercq");
  });

  it("the fallback note renders with the address that bounced", async () => {
    const props = { ...FallbackNote.PreviewProps, language };
    const email = await renderFallbackNotePreview(props);
    expectSendable(email);
    expect(email.text).toContain(props.patronEmail);
    expect(email.text).toContain(props.preferencesUrl);
  });
});

describe("notice wording", () => {
  it("uses the stored wording with its placeholders filled in, and the librarian's message", async () => {
    const input = sampleNoticeInput({
      kind: "overdue",
      number: 2,
      language: "nl",
      message: "Tot ziens, {patron.firstName}!",
    });
    const email = await renderNotice({
      ...input,
      texts: { subject: "{stage.ordinal} aanmaning ({items.count} stuks) voor {patron.fullName}" },
    });
    expect(email.subject).toBe("2de aanmaning (4 stuks) voor Lotte Vermeulen");
    expect(email.text).toContain("Tot ziens, Lotte!");
  });

  it("falls back to the default text when stored wording is broken, and says so", async () => {
    const input = sampleNoticeInput({
      kind: "overdue",
      number: 1,
      language: "en",
      message: "See {patron.frstName}",
    });
    const email = await renderNotice({ ...input, texts: { subject: "Hello {patron.frstName}" } });
    expect(email.subject).toBe("First overdue notice: items overdue");
    expect(email.text).toContain("See");
    expect(email.html.replace(/<style[^>]*>[\s\S]*?<\/style>/g, "")).not.toMatch(/\{|\}/);
    expect(email.warnings).toHaveLength(2);
  });

  it("refuses a relative link, which would go nowhere in a mail client", async () => {
    const input = sampleNoticeInput({ language: "en" });
    await expect(
      renderNotice({ ...input, links: { ...input.links, preferences: "/r/preferences" } }),
    ).rejects.toThrow(/links.preferences must be an absolute URL/);
  });

  it("stays under 100 KB with 40 items", async () => {
    const email = await renderNotice(
      sampleNoticeInput({ kind: "overdue", number: 2, language: "fr", itemCount: 40 }),
    );
    expect(email.sizeBytes).toBeLessThan(MAX_EMAIL_BYTES);
  });

  it("offers one-click unsubscribe on pre-due reminders only", async () => {
    const preDue = sampleNoticeInput({ kind: "pre_due", language: "nl" });
    const overdue = sampleNoticeInput({ kind: "overdue", language: "nl" });
    expect((await renderNotice(preDue)).html).toContain(`href="${preDue.links.unsubscribe}"`);
    expect(
      (await renderNotice({ ...overdue, links: { ...overdue.links, unsubscribe: preDue.links.unsubscribe } }))
        .html,
    ).not.toContain("unsubscribe");
  });

  it("the templates' preview props are valid notices", () => {
    expect(PreDueReminder.PreviewProps.stage.kind).toBe("pre_due");
    expect(OverdueNotice.PreviewProps.stage.kind).toBe("overdue");
  });
});
