/** An email as it arrives at POST /emails and in POST /emails/batch (the API's snake_case). */
export type ApiEmail = {
  from: string;
  to: string[];
  subject: string;
  html: string | null;
  text: string | null;
  reply_to: string[] | null;
  cc: string[] | null;
  bcc: string[] | null;
  headers: Record<string, string>;
  tags: { name: string; value: string }[];
};

export type ValidationFailure = {
  name: "validation_error" | "missing_required_field" | "invalid_from_address";
  message: string;
};

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const NAMED_ADDRESS = /^[^<>]*<([^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)>$/;
const TAG_PART = /^[A-Za-z0-9_-]{1,256}$/;
const MAX_RECIPIENTS = 50;

function isAddress(value: unknown): value is string {
  return typeof value === "string" && (ADDRESS.test(value.trim()) || NAMED_ADDRESS.test(value.trim()));
}

function addressList(value: unknown): string[] | null | undefined {
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value : [value];
  return list.every(isAddress) ? (list as string[]) : null;
}

const addressFormat = "needs to follow the `email@example.com` or `Name <email@example.com>` format";

/**
 * Checks one email the way Resend's API does (the checks a notice can trip over: addresses,
 * required fields, tags, header values) and returns it normalised, or the first problem.
 */
export function validateEmail(
  input: unknown,
  context: { inBatch: boolean },
): { ok: true; email: ApiEmail } | { ok: false; failure: ValidationFailure } {
  const fail = (name: ValidationFailure["name"], message: string) => ({
    ok: false as const,
    failure: { name, message },
  });
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return fail("validation_error", "The email must be a JSON object.");
  }
  const body = input as Record<string, unknown>;
  const badAddress = (field: string) =>
    fail(
      field === "from" ? "invalid_from_address" : "validation_error",
      `Invalid \`${field}\` field. The email address ${addressFormat}.`,
    );
  if (body.from === undefined) return fail("missing_required_field", "Missing `from` field.");
  if (!isAddress(body.from)) return badAddress("from");
  if (body.to === undefined) return fail("missing_required_field", "Missing `to` field.");
  const to = addressList(body.to);
  if (!to || to.length === 0) return badAddress("to");
  if (to.length > MAX_RECIPIENTS) {
    return fail("validation_error", `The \`to\` field can have at most ${MAX_RECIPIENTS} addresses.`);
  }
  if (typeof body.subject !== "string" || body.subject.length === 0) {
    return fail("missing_required_field", "Missing `subject` field.");
  }
  const html = typeof body.html === "string" ? body.html : null;
  const text = typeof body.text === "string" ? body.text : null;
  if (html === null && text === null && body.template === undefined) {
    return fail("missing_required_field", "Missing `html` or `text` field.");
  }
  const replyTo = addressList(body.reply_to);
  const cc = addressList(body.cc);
  const bcc = addressList(body.bcc);
  if (replyTo === null) return badAddress("reply_to");
  if (cc === null) return badAddress("cc");
  if (bcc === null) return badAddress("bcc");
  if (context.inBatch && body.attachments !== undefined) {
    return fail("validation_error", "Attachments are not supported in batch emails.");
  }
  if (context.inBatch && body.scheduled_at !== undefined) {
    return fail("validation_error", "`scheduled_at` is not supported in batch emails.");
  }
  const tags = body.tags ?? [];
  if (
    !Array.isArray(tags) ||
    !tags.every((tag) => TAG_PART.test(String(tag?.name)) && TAG_PART.test(String(tag?.value)))
  ) {
    return fail(
      "validation_error",
      "Invalid `tags` field. Tag names and values can only contain ASCII letters (a–z, A–Z), numbers (0–9), underscores (_), or dashes (-).",
    );
  }
  const headers = body.headers ?? {};
  if (
    typeof headers !== "object" ||
    headers === null ||
    !Object.values(headers).every((value) => typeof value === "string")
  ) {
    return fail("validation_error", "Invalid `headers` field. Header values must be strings.");
  }
  return {
    ok: true,
    email: {
      from: body.from,
      to,
      subject: body.subject,
      html,
      text,
      reply_to: replyTo ?? null,
      cc: cc ?? null,
      bcc: bcc ?? null,
      headers: headers as Record<string, string>,
      tags: tags as ApiEmail["tags"],
    },
  };
}
