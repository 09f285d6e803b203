import "server-only";
import { createHash } from "node:crypto";
import type { CreateBatchEmailOptions } from "resend";
import type { DbTx } from "@/lib/db-client";
import { toResendEmail } from "@/lib/delivery/to-resend-email";
import { renderNoticeFast } from "@/lib/rendering/render-notice-fast";
import { storedNoticeContent } from "@/lib/rendering/render-planned-notices";
import type { NoticeFailureCode } from "./notice-failure";
import { queueFallbackLetters } from "./queue-fallback-letters";

export const MAX_BATCH_EMAILS = 100;

export type FixBatchInput = {
  runId: number;
  libraryId: number;
  /** rendered email notices, at most 100 */
  noticeIds: number[];
  sender: { from: string; replyTo: string | null };
};

export type FixBatchResult = {
  batchId: number | null;
  emails: number;
  /** every loan was returned or renewed since planning: nothing goes out */
  cancelled: number;
  /** no address, or its content could not be rendered */
  failed: number;
  lettersQueued: number;
};

type Candidate = {
  id: number;
  idempotencyKey: string;
  stageId: number;
  kind: "pre_due" | "overdue";
  subject: string | null;
  /** the rendered HTML and text are stored (they are not read here: the batch takes them in SQL) */
  hasBody: boolean;
  content: unknown;
  email: string | null;
  openLoans: number[];
  staleLoans: number[];
};

/**
 * Fixes one batch before its first attempt, in one transaction: the notices (locked, and
 * only those not in a batch yet), re-checked against returns and renewals now (a notice
 * whose loans all went is cancelled; one that lost some is rendered again without them),
 * the emails exactly as they will be sent, and the idempotency key. After this nothing about
 * the batch changes: every attempt, by any worker, sends this payload with this key.
 */
export async function fixBatch(tx: DbTx, input: FixBatchInput): Promise<FixBatchResult> {
  const { runId, libraryId, sender } = input;
  const result: FixBatchResult = { batchId: null, emails: 0, cancelled: 0, failed: 0, lettersQueued: 0 };
  if (input.noticeIds.length > MAX_BATCH_EMAILS)
    throw new Error(`a batch holds at most ${MAX_BATCH_EMAILS} emails`);
  // The notices' content (what a re-render needs) is read only for the few that need one. The
  // loans are joined and grouped, not looked up per notice: that plan holds also where the
  // table statistics do not know the run's fresh notices yet.
  const candidates = await tx.$queryRaw<(Omit<Candidate, "content"> & { unsubscribeUrl: string | null })[]>`
    SELECT n.id, n."idempotencyKey", n."stageId", s.kind::text AS kind, n.subject, n."hasBody",
           coalesce(nullif(trim(p.email), ''), n."recipientEmail") AS email,
           coalesce(array_agg(nl."loanId" ORDER BY nl."loanId") FILTER (WHERE l."returnedAt" IS NULL AND l."dueDate" = nl."dueDate"), '{}') AS "openLoans",
           coalesce(array_agg(nl."loanId" ORDER BY nl."loanId") FILTER (WHERE l."returnedAt" IS NOT NULL OR l."dueDate" <> nl."dueDate"), '{}') AS "staleLoans",
           n."unsubscribeUrl"
    FROM (SELECT id, "idempotencyKey", "stageId", subject, "patronId", "recipientEmail",
                 (html IS NOT NULL AND text IS NOT NULL) AS "hasBody",
                 CASE WHEN "stageId" IN (SELECT id FROM "NoticeStage" WHERE kind = 'pre_due')
                   THEN content #>> '{links,unsubscribe}' END AS "unsubscribeUrl"
          FROM "Notice" WHERE id = ANY(${input.noticeIds}::int[]) AND "libraryId" = ${libraryId}
            AND "sendBatchId" IS NULL AND status IN ('planned', 'queued') AND channel = 'email'
          ORDER BY id FOR UPDATE) n
    JOIN "Patron" p ON p.id = n."patronId"
    JOIN "NoticeStage" s ON s.id = n."stageId"
    LEFT JOIN "NoticeLoan" nl ON nl."noticeId" = n.id
    LEFT JOIN "Loan" l ON l.id = nl."loanId"
    GROUP BY n.id, n."idempotencyKey", n."stageId", s.kind, n.subject, n."hasBody", p.email, n."recipientEmail",
             n."unsubscribeUrl"
    ORDER BY n.id`;
  const needContent = candidates
    .filter((c) => c.openLoans.length > 0 && (c.staleLoans.length > 0 || !c.hasBody || !c.subject))
    .map((c) => c.id);
  const contents = new Map<number, unknown>();
  if (needContent.length > 0) {
    const rows = await tx.$queryRaw<{ id: number; content: unknown }[]>`
      SELECT id, content FROM "Notice" WHERE id = ANY(${needContent}::int[])`;
    for (const row of rows) contents.set(row.id, row.content);
  }

  const cancelled: number[] = [];
  const failed: { id: number; code: NoticeFailureCode }[] = [];
  const emails: { notice: Candidate; envelope: CreateBatchEmailOptions }[] = [];
  const rerendered: ({ id: number } & Body)[] = [];
  for (const row of candidates) {
    const notice: Candidate = { ...row, content: contents.get(row.id) ?? null };
    if (notice.openLoans.length === 0) {
      cancelled.push(notice.id);
      continue;
    }
    if (!notice.email) {
      failed.push({ id: notice.id, code: "no_email" });
      continue;
    }
    let subject = notice.subject;
    if (notice.staleLoans.length > 0 || !notice.hasBody || !subject) {
      const body = await renderWithout(notice, new Set(notice.staleLoans));
      if (!body) {
        failed.push({ id: notice.id, code: "unrenderable" });
        continue;
      }
      rerendered.push({ id: notice.id, ...body });
      subject = body.subject;
    }
    const unsubscribeUrl = notice.kind === "pre_due" ? (row.unsubscribeUrl ?? undefined) : undefined;
    // everything but the HTML and text, which the batch takes from the notice
    const envelope = toResendEmail(
      {
        to: notice.email,
        subject: subject ?? "",
        html: "",
        text: "",
        ...(sender.replyTo && { replyTo: sender.replyTo }),
        tags: { notice: notice.id, stage: notice.stageId },
        ...(unsubscribeUrl && { unsubscribeUrl }),
      },
      sender.from,
    );
    emails.push({ notice, envelope });
  }

  // A notice sent without the loans returned since keeps what it was sent as: its stored email
  // is the one the patron gets.
  if (rerendered.length > 0) {
    await tx.$executeRaw`
      UPDATE "Notice" n SET subject = r.subject, html = r.html, text = r.text
      FROM json_to_recordset(${JSON.stringify(rerendered)}::json) AS r(id int, subject text, html text, text text)
      WHERE n.id = r.id`;
  }
  if (cancelled.length > 0) {
    await tx.$executeRaw`UPDATE "Notice" SET status = 'cancelled', "sendRunId" = ${runId} WHERE id = ANY(${cancelled}::int[])`;
    await tx.$executeRaw`
      UPDATE "Letter" SET status = 'cancelled'
      WHERE "noticeId" = ANY(${cancelled}::int[]) AND status = 'queued' AND "batchId" IS NULL`;
  }
  if (failed.length > 0) {
    await tx.$executeRaw`
      UPDATE "Notice" n SET status = 'failed', "failureCode" = f.code, "failureReason" = NULL, "sendRunId" = ${runId}
      FROM unnest(${failed.map((f) => f.id)}::int[], ${failed.map((f) => f.code)}::text[]) AS f(id, code)
      WHERE n.id = f.id`;
    result.lettersQueued = await queueFallbackLetters(
      tx,
      failed.map((f) => f.id),
    );
  }
  result.cancelled = cancelled.length;
  result.failed = failed.length;

  if (emails.length > 0) {
    const ids = emails.map((e) => e.notice.id);
    const idempotencyKey = batchKey(
      runId,
      emails.map((e) => e.notice.idempotencyKey),
    );
    // The emails without their HTML and text: those are the notices' stored ones, which nothing
    // changes once the notice is in a batch; delivery puts them in (deliver-batch.ts).
    const envelopes = emails.map(({ envelope: { html: _html, text: _text, ...rest } }) => rest);
    const [batch] = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO "SendBatch" ("libraryId", "sendRunId", "idempotencyKey", payload, "noticeIds")
      VALUES (${libraryId}, ${runId}, ${idempotencyKey}, ${JSON.stringify(envelopes)}::jsonb, ${ids}::int[])
      RETURNING id`;
    await tx.$executeRaw`
      UPDATE "Notice" SET "sendBatchId" = ${batch.id}, status = 'queued', "sendRunId" = ${runId}
      WHERE id = ANY(${ids}::int[])`;
    result.batchId = batch.id;
    result.emails = emails.length;
  }
  await tx.$executeRaw`
    UPDATE "SendRun" SET rendered = rendered + ${result.emails + result.failed}, emails = emails + ${result.emails},
                         failed = failed + ${result.failed}, letters = letters + ${result.lettersQueued}
    WHERE id = ${runId}`;
  return result;
}

/**
 * Resend remembers a key for 24 hours and answers a different body under the same key with
 * 409, so each fixed batch gets its own: derived from its notices' keys, the run and the
 * moment it was fixed (a notice sent again later goes in a new batch with a new key).
 */
function batchKey(runId: number, noticeKeys: string[]): string {
  const digest = createHash("sha256")
    .update(`${runId}\n${Date.now()}\n${[...noticeKeys].sort().join("\n")}`)
    .digest("base64url")
    .slice(0, 32);
  return `rappel-run${runId}-${digest}`;
}

type Body = { subject: string; html: string; text: string };

async function renderWithout(notice: Candidate, stale: Set<number>): Promise<Body | null> {
  const content = storedNoticeContent(notice.content);
  if (!content) return null;
  try {
    const items = content.items.filter(
      (item) => item.loanId === undefined || !stale.has(Number(item.loanId)),
    );
    const rendered = await renderNoticeFast({ ...content, items });
    return { subject: rendered.subject, html: rendered.html, text: rendered.text };
  } catch {
    return null;
  }
}
