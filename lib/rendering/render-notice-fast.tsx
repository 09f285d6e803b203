import { render, toPlainText } from "react-email";
import { NoticeEmail, previewText } from "@/emails/components/notice-email";
import { buildNoticeView, type NoticeView } from "./notice-view";
import { MAX_EMAIL_BYTES, TEXT_OPTIONS } from "./render-email";
import type { NoticeRenderInput, RenderedEmail } from "./types";

// A value's place in a rendered layout: private-use characters no text or URL contains.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const FILL = "\uE002";
const TOKEN = /\uE000(\d+)\uE002*\uE001/g;
const CACHE_SIZE = 500;

type Layout = { html: string; text: string };
const layouts = new Map<string, Layout>();

/** What React writes for a text or attribute value (react-dom's escapeTextForBrowser). */
const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#x27;",
};
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/**
 * The same email as `renderNotice`, many times faster for a send run: the react-email layout
 * is rendered once per shape (stage kind, language, number of items, which parts are present:
 * in practice per stage, language and branch) with a token in place of every text value, and
 * each patron's values are filled into that HTML and text, HTML-escaped exactly as React
 * escapes them. The HTML is identical to renderNotice's; the plain text differs only in where
 * long lines wrap.
 */
export async function renderNoticeFast(input: NoticeRenderInput): Promise<RenderedEmail> {
  const view = buildNoticeView(input);
  const values: string[] = [];
  // the dictionary, language and kind choose the layout; everything else is a value
  const { t, language, kind, ...rest } = view;
  const tokenized = tokenize(rest, values) as Omit<NoticeView, "t" | "language" | "kind">;
  const tokenView: NoticeView = { ...tokenized, t, language, kind };
  const preview = previewText(view);
  values.push(preview);
  const index = values.length - 1;
  const previewToken = `${OPEN}${index}${FILL.repeat(Math.max(0, preview.length - String(index).length - 2))}${CLOSE}`;
  // the dictionary is the language's: the key is the rest, whose strings are all tokens now
  const key = `${language} ${kind} ${preview.length}\n${JSON.stringify(tokenized)}`;

  let layout = layouts.get(key);
  if (!layout) {
    const html = await render(<NoticeEmail view={tokenView} preview={previewToken} />);
    layout = { html, text: toPlainText(html, TEXT_OPTIONS).trim() };
    if (layouts.size >= CACHE_SIZE) layouts.delete(layouts.keys().next().value as string);
    layouts.set(key, layout);
  }
  const html = layout.html.replace(TOKEN, (_, i: string) => escapeHtml(values[Number(i)]));
  const text = layout.text.replace(TOKEN, (_, i: string) => values[Number(i)]);
  const warnings = [...view.warnings];
  const sizeBytes = Buffer.byteLength(html, "utf8") + Buffer.byteLength(text, "utf8");
  if (sizeBytes > MAX_EMAIL_BYTES) {
    warnings.push(`The email is ${Math.round(sizeBytes / 1024)} KB; Gmail clips messages above 102 KB.`);
  }
  return { subject: view.subject, html, text, sizeBytes, warnings };
}

/**
 * Replaces every string by a numbered token, keeping line breaks and each line's outer
 * whitespace (the templates split and trim on them), so that the tokens' order, and the
 * JSON of the result, depend only on the shape of the view.
 */
function tokenize(value: unknown, values: string[]): unknown {
  if (typeof value === "string") {
    return value
      .split("\n")
      .map((line) => {
        // trim() removes what \s matches: the line's outer whitespace stays, the rest is a value
        const core = line.trim();
        if (core === "") return line;
        const lead = line.length - line.trimStart().length;
        values.push(core);
        return `${line.slice(0, lead)}${OPEN}${values.length - 1}${CLOSE}${line.slice(lead + core.length)}`;
      })
      .join("\n");
  }
  if (Array.isArray(value)) return value.map((item) => tokenize(item, values));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tokenize(v, values)]));
  }
  return value;
}
