"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { type StaffTx, staffAction } from "@/lib/auth/staff-action";
import { createResendClient } from "@/lib/delivery/create-resend-client";
import { sendEmailBatch } from "@/lib/delivery/send-email-batch";
import { env } from "@/lib/env";
import { DomainError, type Problem, refuseIf } from "@/lib/errors/domain-error";
import { renderNotice } from "@/lib/rendering";
import { loadPreview } from "@/lib/rendering/notice-preview";
import { publicBaseUrl } from "@/lib/rendering/public-base-url";
import { loadSelfServiceSettings } from "@/lib/settings/self-service-settings";
import { validateWording, type WordingProblem } from "@/lib/templates";
import { saveNoticeText } from "@/lib/templates/notice-text-store";

const FIELDS = ["subject", "opening", "closing"] as const;
type Field = (typeof FIELDS)[number];

const ZScope = z.object({
  stage: z.coerce.number().int().positive(),
  lang: z.enum(["nl", "fr", "en"]),
  branch: z.union([z.literal(""), z.coerce.number().int().positive()]).optional(),
  card: z.string().max(40).optional(),
});

const ZWording = ZScope.extend({
  subject: z.string().max(1000).optional(),
  opening: z.string().max(10000).optional(),
  closing: z.string().max(10000).optional(),
  /** "back to inherited" for one field */
  clear: z.enum(FIELDS).optional(),
});

/** The stage and branch must be the request's library's: another library's ids change nothing. */
async function assertScope(tx: StaffTx, libraryId: number, stageId: number, branchId: number | null) {
  const stage = await tx.noticeStage.findFirst({ where: { id: stageId, libraryId }, select: { id: true } });
  if (!stage) throw new DomainError("nothingChanged");
  if (branchId !== null) {
    const branch = await tx.branch.findFirst({ where: { id: branchId, libraryId }, select: { id: true } });
    if (!branch) throw new DomainError("nothingChanged");
  }
}

/**
 * Saves the wording of one stage, language and level. Every problem is reported at its field,
 * with the character it is at, before anything is saved; the form shows what was typed.
 */
export const saveWordingAction = staffAction({
  name: "saveNoticeWording",
  role: "librarian",
  schema: ZWording,
  async run({ tx, staff, library, input }) {
    const branchId = typeof input.branch === "number" ? input.branch : null;
    await assertScope(tx, library.id, input.stage, branchId);
    const fields = Object.fromEntries(
      FIELDS.map((field) => [field, input.clear === field ? null : (input[field] ?? null)]),
    );
    const problems = validateWording(
      Object.fromEntries(
        Object.entries(fields).filter((entry): entry is [Field, string] => entry[1] !== null),
      ),
    );
    refuseIf(
      Object.entries(problems).flatMap(([field, list]) => (list ?? []).map((p) => wordingProblem(field, p))),
    );
    await saveNoticeText(tx, { stageId: input.stage, language: input.lang, branchId }, fields, {
      id: staff.id,
      label: staff.email,
    });
    return input.clear ?? null;
  },
  revalidate: ["/templates"],
  async onSuccess(cleared) {
    const t = await getTranslations("templates");
    return { message: cleared ? t("resetDone") : t("saved") };
  },
});

/** A wording problem (lib/templates) as a problem of its field, with the character it is at. */
function wordingProblem(field: string, problem: WordingProblem): Problem {
  const values = { position: problem.position };
  switch (problem.code) {
    case "unknown_placeholder":
      return problem.suggestion
        ? {
            code: "wording.unknown_placeholder_suggest",
            field,
            values: { ...values, name: problem.placeholder ?? "", suggestion: problem.suggestion },
          }
        : {
            code: "wording.unknown_placeholder",
            field,
            values: { ...values, name: problem.placeholder ?? "" },
          };
    default:
      return { code: `wording.${problem.code}`, field, values };
  }
}

export type TestEmailState = { notConfigured: boolean };

export const sendTestEmailAction = staffAction<typeof ZScope, string, TestEmailState>({
  name: "sendTemplateTestEmail",
  role: "librarian",
  schema: ZScope,
  async run({ tx, staff, library, input }) {
    if (!env.RESEND_API_KEY) throw new DomainError("emailNotConfigured");
    await assertScope(tx, library.id, input.stage, typeof input.branch === "number" ? input.branch : null);
    // the links and logo of the test mail point where a real notice's do: the public base URL
    // saved under Settings > Self-service, else this server's public address
    const saved = (await loadSelfServiceSettings(tx, library.id)).publicBaseUrl;
    const preview = await loadPreview(tx, library.id, {
      stage: String(input.stage),
      lang: input.lang,
      branch: input.branch === undefined ? "" : String(input.branch),
      card: input.card,
      baseUrl: saved ?? (await publicBaseUrl()),
    });
    if (!preview) throw new DomainError("noStages");
    const email = await renderNotice(preview.input);
    const [result] = await sendEmailBatch(
      createResendClient(),
      [
        {
          to: staff.email,
          subject: email.subject,
          html: email.html,
          text: email.text,
          tags: { kind: "test" },
        },
      ],
      // one try: this runs inside the action's transaction, which must not wait long
      { idempotencyKey: `template-test:${staff.id}:${Date.now()}`, retry: { maxAttempts: 1 } },
    );
    if (!result.ok) throw new DomainError("testMailFailed", { values: { reason: result.reason } });
    return staff.email;
  },
  async onSuccess(to) {
    const t = await getTranslations("templates");
    return { message: t(sendsToLocalFake() ? "testSentLocal" : "testSent", { email: to }) };
  },
});

/** The demo's local fake Resend (scripts/demo.ts) takes the mail: nothing leaves the machine. */
function sendsToLocalFake(): boolean {
  if (!env.RESEND_BASE_URL) return false;
  const host = new URL(env.RESEND_BASE_URL).hostname;
  return host === "127.0.0.1" || host === "localhost" || host === "[::1]";
}
