import { Webhook } from "svix";
import { toDbDate } from "@/lib/dates";
import type { Db } from "@/lib/db-client";

export const TEST_SECRET = `whsec_${Buffer.from("rappel-feedback-test-secret-32by").toString("base64")}`;

/**
 * Test fixture for the feedback step: a library with a branch, an overdue stage (letter
 * fallback) and a pre-due stage (no fallback), one patron with an email address, and a helper
 * that makes a notice as Resend accepted it (provider id set).
 */
export async function createFeedbackWorld(db: Db, code = "fb") {
  const library = await db.library.create({ data: { code, name: `Bibliotheek ${code}` } });
  const branch = await db.branch.create({
    data: {
      libraryId: library.id,
      ilsCode: `${code}-main`,
      name: `Hoofdbib ${code}`,
      street: "Markt 1",
      postalCode: "8760",
      city: "Meulebeke",
    },
  });
  const overdue = await db.noticeStage.create({
    data: {
      libraryId: library.id,
      key: "overdue-1",
      position: 2,
      kind: "overdue",
      labels: { nl: "Eerste aanmaning", en: "First reminder", fr: "Premier rappel" },
      offsetDays: 7,
      channel: "email",
      fallback: "letter",
    },
  });
  const preDue = await db.noticeStage.create({
    data: {
      libraryId: library.id,
      key: "pre-due",
      position: 1,
      kind: "pre_due",
      labels: { nl: "Herinnering", en: "Reminder", fr: "Rappel" },
      offsetDays: -3,
      channel: "email",
      fallback: "none",
      audience: "opted_in",
    },
  });
  const patron = await db.patron.create({
    data: {
      libraryId: library.id,
      cardNumber: `${code}-0001`,
      firstName: "Els",
      lastName: "Verstraete",
      email: "els@example.be",
      homeBranchId: branch.id,
      street: "Oude straat 1",
      postalCode: "8760",
      city: "Meulebeke",
    },
  });
  let n = 0;
  async function notice(fields: { stage?: "overdue" | "pre_due"; to?: string; sentAt?: Date } = {}) {
    n += 1;
    return db.notice.create({
      data: {
        libraryId: library.id,
        patronId: patron.id,
        branchId: branch.id,
        stageId: fields.stage === "pre_due" ? preDue.id : overdue.id,
        planDate: toDbDate("2026-11-20"),
        channel: "email",
        channelReason: "stage channel: email",
        status: "sent",
        language: "nl",
        recipientEmail: fields.to ?? patron.email,
        providerId: `${code}-email-${n}`,
        idempotencyKey: `${code}-key-${n}`,
        sentAt: fields.sentAt ?? new Date("2026-11-20T06:00:00Z"),
      },
    });
  }
  return { library, branch, overdue, preDue, patron, notice };
}

export type ResendEventFixture = {
  type: string;
  created_at: string;
  data: Record<string, unknown>;
};

/** A Resend email event as the webhook carries it. */
export function resendEvent(
  type: string,
  emailId: string,
  at: string,
  extra: Record<string, unknown> = {},
): ResendEventFixture {
  return {
    type,
    created_at: at,
    data: {
      created_at: at,
      email_id: emailId,
      from: "Bibliotheek <notices@rappel.example>",
      to: ["els@example.be"],
      subject: "Uw boeken",
      ...extra,
    },
  };
}

/** A POST to the webhook as Svix makes it: signed with the secret over the raw body. */
export function signedRequest(
  body: string,
  options: { id?: string; secret?: string; at?: Date; contentType?: string; signature?: string } = {},
): Request {
  const id = options.id ?? `msg_${Math.random().toString(36).slice(2)}`;
  const at = options.at ?? new Date();
  const signature = options.signature ?? new Webhook(options.secret ?? TEST_SECRET).sign(id, at, body);
  return new Request("http://localhost/api/webhooks/resend", {
    method: "POST",
    body,
    headers: {
      "content-type": options.contentType ?? "application/json",
      "svix-id": id,
      "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
      "svix-signature": signature,
    },
  });
}
