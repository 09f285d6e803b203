/**
 * The bounce scenario of e2e/bounces.spec.ts, made by e2e/serve.ts before the app starts: a
 * patron whose address is Resend's bounced@resend.dev, an overdue notice of a send run sent to
 * it through the real `resend` SDK to the local fake Resend, whose signed webhooks (sent, then
 * a permanent bounce) wait until the app is up and then reach /api/webhooks/resend for real.
 * No Playwright imports here.
 */
import { toDbDate } from "../lib/dates";
import type { Db } from "../lib/db-client";
import { createRateLimiter } from "../lib/delivery/rate-limiter";
import { buildResendClient } from "../lib/delivery/resend-client";
import { sendEmailBatch } from "../lib/delivery/send-email-batch";
import { renderPlannedNotices } from "../lib/rendering/render-planned-notices";
import { startFakeResend } from "../scripts/fake-resend/fake-resend";
import { BOUNCE_PATRON, BOUNCE_WEBHOOK_SECRET } from "./bounces-scenario";

const P = BOUNCE_PATRON;

export async function startBounceScenario(
  db: Db,
  libraryId: number,
  options: { port: string; baseUrl: string },
) {
  const fake = await startFakeResend({
    webhookSecret: BOUNCE_WEBHOOK_SECRET,
    webhooksPaused: true,
    webhookUrl: `http://localhost:${options.port}/api/webhooks/resend`,
  });
  const apiKey = "re_e2e_local_fake";
  if (!(await db.patron.findUnique({ where: { id: P.id } }))) {
    const branch = await db.branch.findFirstOrThrow({ where: { libraryId }, orderBy: { id: "asc" } });
    const stage = await db.noticeStage.findFirstOrThrow({ where: { libraryId, key: "overdue-1" } });
    await db.patron.create({
      data: {
        id: P.id,
        libraryId,
        cardNumber: P.cardNumber,
        firstName: P.firstName,
        lastName: P.lastName,
        email: P.email,
        street: "Kaatsstraat 3",
        postalCode: "8760",
        city: "Meulebeke",
        homeBranchId: branch.id,
      },
    });
    const item = await db.item.create({
      data: { libraryId, barcode: "E2E-BOUNCE-ITEM-1", title: P.title, author: "Rappel" },
    });
    const dueDate = "2026-11-20";
    const loan = await db.loan.create({
      data: {
        libraryId,
        ilsLoanId: "E2E-BOUNCE-LOAN-1",
        patronId: P.id,
        itemId: item.id,
        branchId: branch.id,
        loanedAt: new Date("2026-10-30T10:00:00Z"),
        dueDate: toDbDate(dueDate),
      },
    });
    const run = await db.sendRun.create({
      data: { libraryId, planDate: toDbDate("2026-11-27"), status: "succeeded", sent: 1, planned: 1 },
    });
    const notice = await db.notice.create({
      data: {
        libraryId,
        patronId: P.id,
        branchId: branch.id,
        stageId: stage.id,
        planDate: toDbDate("2026-11-27"),
        channel: "email",
        channelReason: "stage channel: email",
        channelReasonDetail: { code: "stage_channel", params: { channel: "email", level: "system" } },
        status: "queued",
        language: "nl",
        recipientEmail: P.email,
        idempotencyKey: "e2e-bounce-notice-1",
        sendRunId: run.id,
        loans: { create: [{ loanId: loan.id, stageId: stage.id, dueDate: toDbDate(dueDate) }] },
      },
    });
    await renderPlannedNotices(db, { libraryId, noticeIds: [notice.id], baseUrl: options.baseUrl });
    const rendered = await db.notice.findUniqueOrThrow({ where: { id: notice.id } });
    const client = buildResendClient({
      apiKey,
      baseUrl: fake.url,
      from: "Bibliotheek <notices@rappel.example>",
      limiter: createRateLimiter({ perSecond: 10 }),
    });
    const [result] = await sendEmailBatch(
      client,
      [
        {
          to: P.email,
          subject: rendered.subject ?? "",
          html: rendered.html ?? "",
          text: rendered.text ?? "",
        },
      ],
      { idempotencyKey: rendered.idempotencyKey },
    );
    if (!result.ok) throw new Error(`e2e bounce scenario: sending failed: ${result.reason}`);
    await db.notice.update({
      where: { id: notice.id },
      data: { providerId: result.providerId, status: "sent", sentAt: new Date() },
    });
  }
  return {
    env: { RESEND_BASE_URL: fake.url, RESEND_API_KEY: apiKey, RESEND_WEBHOOK_SECRET: BOUNCE_WEBHOOK_SECRET },
    /** lets the webhooks go once the app answers */
    async releaseWebhooksWhenUp(appUrl: string): Promise<void> {
      for (let i = 0; i < 600; i++) {
        try {
          const response = await fetch(appUrl, { redirect: "manual" });
          if (response.status < 500) {
            fake.resumeWebhooks();
            return;
          }
        } catch {
          // not up yet
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    },
    stop: () => fake.stop(),
  };
}
