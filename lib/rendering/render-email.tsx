import type { ReactElement } from "react";
import { render, toPlainText } from "react-email";
import EmailConfirmation, { type EmailConfirmationProps } from "@/emails/email-confirmation";
import FallbackNote, { type FallbackNoteProps } from "@/emails/fallback-note";
import OverdueNotice, { type OverdueNoticeProps } from "@/emails/overdue-notice";
import PreDueReminder, { type PreDueReminderProps } from "@/emails/pre-due-reminder";
import TestEmail, { type TestEmailProps } from "@/emails/test-email";
import { dictionaryFor } from "./dictionary";
import { buildNoticeView } from "./notice-view";
import type { NoticeRenderInput, RenderedEmail } from "./types";

/** Gmail clips a message above 102 KB; notices stay under this. */
export const MAX_EMAIL_BYTES = 100 * 1024;

export const TEXT_OPTIONS = {
  wordwrap: 78,
  selectors: [
    { selector: "h1", options: { uppercase: false } },
    // one block per item row, a blank line between items
    { selector: "tr", format: "block", options: { leadingLineBreaks: 1, trailingLineBreaks: 2 } },
  ],
};

/**
 * HTML and plain text of one email. The text part is the same conversion react-email's
 * `render(el, { plainText: true })` does, run on the HTML we already have instead of
 * rendering the React tree twice.
 */
async function renderBoth(
  element: ReactElement,
  subject: string,
  warnings: string[] = [],
): Promise<RenderedEmail> {
  const html = await render(element);
  const text = toPlainText(html, TEXT_OPTIONS).trim();
  const sizeBytes = Buffer.byteLength(html, "utf8") + Buffer.byteLength(text, "utf8");
  if (sizeBytes > MAX_EMAIL_BYTES) {
    warnings.push(`The email is ${Math.round(sizeBytes / 1024)} KB; Gmail clips messages above 102 KB.`);
  }
  return { subject, html, text, sizeBytes, warnings };
}

/** A pre-due reminder or an overdue notice, in the patron's language, ready to send. */
export async function renderNotice(input: NoticeRenderInput): Promise<RenderedEmail> {
  const view = buildNoticeView(input);
  const element =
    input.stage.kind === "pre_due" ? (
      <PreDueReminder {...(input as PreDueReminderProps)} />
    ) : (
      <OverdueNotice {...(input as OverdueNoticeProps)} />
    );
  return renderBoth(element, view.subject, [...view.warnings]);
}

export async function renderEmailConfirmation(props: EmailConfirmationProps): Promise<RenderedEmail> {
  const t = dictionaryFor(props.language);
  return renderBoth(<EmailConfirmation {...props} />, t.confirmation.subject(props.library.name));
}

export async function renderTestEmail(props: TestEmailProps): Promise<RenderedEmail> {
  const t = dictionaryFor(props.language);
  return renderBoth(<TestEmail {...props} />, t.test.subject(props.library.name));
}

/** The fallback letter's note on its own, for the preview page (it is never emailed). */
export async function renderFallbackNotePreview(props: FallbackNoteProps): Promise<RenderedEmail> {
  const t = dictionaryFor(props.language);
  return renderBoth(<FallbackNote {...props} />, t.fallback.title);
}
