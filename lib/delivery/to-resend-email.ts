import type { CreateBatchEmailOptions, Tag } from "resend";
import type { OutgoingEmail } from "./types";

/** Resend accepts ASCII letters, digits, `_` and `-` in tag names and values, up to 256. */
export function sanitizeTagPart(value: string | number): string {
  return String(value)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9_-]+/g, "_")
    .slice(0, 256);
}

function toTags(tags: OutgoingEmail["tags"]): Tag[] | undefined {
  const list = Object.entries(tags ?? {})
    .map(([name, value]) => ({ name: sanitizeTagPart(name), value: sanitizeTagPart(value) }))
    .filter((tag) => tag.name !== "" && tag.value !== "");
  return list.length > 0 ? list : undefined;
}

/** The SDK's shape of one email, html and text both, with one-click unsubscribe when given. */
export function toResendEmail(email: OutgoingEmail, defaultFrom: string): CreateBatchEmailOptions {
  const headers: Record<string, string> = { ...email.headers };
  if (email.unsubscribeUrl) {
    headers["List-Unsubscribe"] = `<${email.unsubscribeUrl}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  return {
    from: email.from ?? defaultFrom,
    to: email.to,
    subject: email.subject,
    html: email.html,
    text: email.text,
    ...(email.replyTo && { replyTo: email.replyTo }),
    ...(Object.keys(headers).length > 0 && { headers }),
    tags: toTags(email.tags),
  };
}
