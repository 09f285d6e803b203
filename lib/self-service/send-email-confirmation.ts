import "server-only";
import { addDays } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import type { ResendClient } from "@/lib/delivery/resend-client";
import { sendEmailBatch } from "@/lib/delivery/send-email-batch";
import { renderEmailConfirmation } from "@/lib/rendering/render-email";
import { signLink } from "./sign-link";
import { emailRequestBinding, type VerifiedLink } from "./verify-link";

/** A confirmation link works two days: long enough for a weekend, short for a stale request. */
export const CONFIRMATION_DAYS = 2;

/**
 * Mails the confirmation link to the address the patron asked for, through Resend (or the
 * local fake). The link is bound to this request: asking for another address voids it.
 */
export async function sendEmailConfirmation(
  db: Db,
  client: ResendClient,
  link: VerifiedLink,
  request: { to: string; requestedAt: Date; fallbackBaseUrl: string },
): Promise<{ ok: boolean }> {
  const notice = await db.notice.findFirstOrThrow({
    where: { id: link.noticeId, libraryId: link.libraryId },
    select: {
      library: { select: { name: true, website: true, publicBaseUrl: true, linkSecret: true } },
      branch: true,
      patron: { select: { firstName: true, language: true } },
    },
  });
  const baseUrl = (notice.library.publicBaseUrl ?? request.fallbackBaseUrl).replace(/\/+$/, "");
  const token = signLink(
    notice.library.linkSecret,
    {
      purpose: "confirm-email",
      noticeId: link.noticeId,
      loanId: null,
      expires: addDays(link.today, CONFIRMATION_DAYS),
    },
    emailRequestBinding(request.requestedAt),
  );
  const email = await renderEmailConfirmation({
    language: notice.patron.language,
    baseUrl,
    library: { name: notice.library.name, website: notice.library.website },
    branch: notice.branch,
    patron: { firstName: notice.patron.firstName, email: request.to },
    confirmUrl: `${baseUrl}/r/${token}`,
    expiresInHours: CONFIRMATION_DAYS * 24,
  });
  const [result] = await sendEmailBatch(
    client,
    [
      {
        to: request.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        tags: { kind: "confirm-email" },
      },
    ],
    { idempotencyKey: `confirm-email:${link.patronId}:${request.requestedAt.getTime()}` },
  );
  return { ok: result?.ok ?? false };
}
