import { addDays, fromDbDate, type LocalDate, toDbDate } from "@/lib/dates";
import { type Db, type DbTx, rawPoolOf } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Language } from "@/lib/generated/prisma/enums";
import type { LetterRenderInput } from "@/lib/letters/render-letters";
import { loadRenewalPolicies } from "@/lib/loans/load-renewal-policies";
import { loadNoticeTextBook } from "@/lib/templates/notice-text-store";
import { buildNoticeContent, noticePatron, stageLabel, stageNumbers } from "./notice-content";
import { buildNoticeLinks } from "./notice-links";
import { renderNoticeFast } from "./render-notice-fast";
import { sampleNoticeInput } from "./sample-data";

export type RenderPlannedNoticesOptions = {
  libraryId: number;
  /** only the notices planned for this library-local day */
  planDate?: LocalDate;
  /**
   * only these notices; then any status but cancelled (the desk prints an older notice that
   * was never rendered), otherwise only notices still to be sent (planned, queued)
   */
  noticeIds?: number[];
  /**
   * absolute base URL of the public site, used when the library has no public base URL in
   * its settings (`Library.publicBaseUrl`, which wins): the logo and the links point there
   */
  baseUrl: string;
  /** notices per batch: a few queries and one write each */
  batchSize?: number;
  /**
   * false = store only `content` for email notices too, without subject/html/text (the
   * email is rendered from `content` when shown). The demo's older history uses this to
   * keep its first start fast. Default true.
   */
  renderEmails?: boolean;
  /** the time stored as renderedAt; default now */
  now?: Date;
};

export type RenderPlannedNoticesResult = {
  rendered: number;
  emails: number;
  letters: number;
  /** problems worked around, e.g. stored wording that no longer validates */
  warnings: { noticeId: number; warning: string }[];
};

/** The stored content of a notice: what it was rendered from, enough to show it again exactly. */
export type StoredNoticeContent = LetterRenderInput;

const ACTIVE_STATUSES = ["planned", "queued"] as const;

/** What a notice is rendered from, read with it. */
const NOTICE_PARTS = {
  patron: true,
  branch: true,
  stage: true,
  letters: { select: { reason: true } },
  loans: { include: { loan: { include: { item: true } } }, orderBy: { loanId: "asc" } },
} satisfies Prisma.NoticeInclude;

/**
 * Runs what rendering runs once, on nothing: a thread that will render a send run does this
 * when it starts, so that the run's first notices do not wait for the code to load and warm
 * up and for the database client to prepare its queries (about 0.8 s for the first 100).
 */
export async function warmUpRendering(db: Db): Promise<void> {
  await db.notice.findMany({ where: { id: -1 }, include: NOTICE_PARTS });
  for (const language of ["nl", "fr", "en"] as const)
    for (const kind of ["pre_due", "overdue"] as const)
      await renderNoticeFast(sampleNoticeInput({ language, kind }));
}

/**
 * The "render" step of plan -> render -> deliver: for every notice of the library not yet
 * rendered, builds what the patron gets (items with renewable-or-why-not, the branch, the
 * wording as it stands now, the fee, the links) and stores it on the notice: `content` for
 * every notice, and for email notices the subject, HTML and text as they will be sent.
 *
 * A rendered notice is never rendered again (the write only touches rows whose renderedAt
 * is still null): editing the wording afterwards leaves what was sent exactly as it was.
 * Set-based: a few queries and one UPDATE per batch, whatever the batch's size.
 */
export async function renderPlannedNotices(
  db: Db | DbTx,
  options: RenderPlannedNoticesOptions,
): Promise<RenderPlannedNoticesResult> {
  const { libraryId } = options;
  const batchSize = options.batchSize ?? 200;
  const renderEmails = options.renderEmails ?? true;
  const result: RenderPlannedNoticesResult = { rendered: 0, emails: 0, letters: 0, warnings: [] };
  if (options.noticeIds && options.noticeIds.length === 0) return result;

  // At once (inside a transaction they queue on its connection, which is no slower).
  const [library, policies, stages, textBook] = await Promise.all([
    db.library.findUniqueOrThrow({ where: { id: libraryId } }),
    loadRenewalPolicies(db, { libraryId }),
    db.noticeStage.findMany({ where: { libraryId }, orderBy: { position: "asc" } }),
    // reads only: a transaction's client does as well as the app's
    loadNoticeTextBook(db as Db, libraryId),
  ]);
  const baseUrl = (library.publicBaseUrl ?? options.baseUrl).replace(/\/+$/, "");
  const numbers = stageNumbers(stages);

  let afterId = 0;
  const lastNoticeId = options.noticeIds ? options.noticeIds.reduce((a, b) => Math.max(a, b)) : null;
  for (;;) {
    const notices = await db.notice.findMany({
      where: {
        libraryId,
        id: { gt: afterId, ...(options.noticeIds ? { in: options.noticeIds } : {}) },
        renderedAt: null,
        status: options.noticeIds ? { not: "cancelled" } : { in: [...ACTIVE_STATUSES] },
        ...(options.planDate ? { planDate: toDbDate(options.planDate) } : {}),
      },
      orderBy: { id: "asc" },
      take: batchSize,
      include: NOTICE_PARTS,
    });
    if (notices.length === 0) break;
    afterId = notices[notices.length - 1].id;

    const rows: RenderedRow[] = [];
    let yieldedAt = performance.now();
    for (const notice of notices) {
      // a send run delivers from this process while it renders: let its timers and answers in
      if (performance.now() - yieldedAt > YIELD_EVERY_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        yieldedAt = performance.now();
      }
      const language: Language = notice.language;
      const date = fromDbDate(notice.planDate);
      const letterReasons = new Set(notice.letters.map((letter) => letter.reason));
      const content: StoredNoticeContent = buildNoticeContent({
        language,
        date,
        reference: noticeReferenceNumber(notice.id, date),
        baseUrl,
        library,
        branch: notice.branch,
        patron: {
          ...noticePatron(notice.patron),
          email: notice.recipientEmail ?? notice.patron.email,
          feesOwedCents: notice.patron.feesOwedCents,
        },
        stage: {
          kind: notice.stage.kind,
          number: numbers.get(notice.stageId) ?? 1,
          label: stageLabel(notice.stage.labels, language, notice.stage.key),
          registered: notice.channel === "registered_letter",
        },
        loans: notice.loans.map(({ loan, dueDate }) => ({
          id: loan.id,
          dueDate: fromDbDate(dueDate),
          renewalCount: loan.renewalCount,
          reserved: loan.reserved,
          returned: loan.returnedAt !== null,
          branchId: loan.branchId,
          item: loan.item,
        })),
        policies,
        wording: textBook.resolve({
          stageId: notice.stageId,
          kind: notice.stage.kind,
          branchId: notice.branchId,
          language,
        }),
        feeCents: notice.feeCents,
        links: (anyRenewable) =>
          buildNoticeLinks({
            baseUrl,
            secret: library.linkSecret,
            noticeId: notice.id,
            expires: addDays(date, library.linkValidityDays),
            optional: notice.stage.kind === "pre_due",
            anyRenewable,
          }),
        fallback:
          notice.channel !== "email" && (letterReasons.has("no_email") || letterReasons.has("email_bounced"))
            ? { email: notice.patron.email?.trim() || null }
            : null,
      });

      let email: { subject: string; html: string; text: string } | null = null;
      if (notice.channel === "email" && renderEmails) {
        const rendered = await renderNoticeFast(content);
        email = { subject: rendered.subject, html: rendered.html, text: rendered.text };
        for (const warning of rendered.warnings) result.warnings.push({ noticeId: notice.id, warning });
      }
      rows.push({
        id: notice.id,
        subject: email?.subject ?? null,
        html: email?.html ?? null,
        text: email?.text ?? null,
        content,
      });
    }

    const written = await storeRendered(db, rows, options.now ?? new Date());
    const channelOf = new Map(notices.map((n) => [n.id, n.channel]));
    for (const id of written) {
      result.rendered += 1;
      if (channelOf.get(id) === "email") result.emails += 1;
      else result.letters += 1;
    }
    // the last page: no query to find nothing (a send run's step names its notices, one page)
    if (notices.length < batchSize || (lastNoticeId !== null && afterId >= lastNoticeId)) break;
  }
  return result;
}

/**
 * One statement per batch; a notice someone else rendered in the meantime is left as it is,
 * and an email stored before without its content (older data) keeps its stored HTML.
 */
type RenderedRow = {
  id: number;
  subject: string | null;
  html: string | null;
  text: string | null;
  content: StoredNoticeContent;
};

/** Rendering gives the event loop a turn this often (ms), so timers elsewhere keep their time. */
const YIELD_EVERY_MS = 10;

async function storeRendered(db: Db | DbTx, rows: RenderedRow[], now: Date): Promise<number[]> {
  if (rows.length === 0) return [];
  // One JSON text for all rows: sent as it is, where arrays of long texts are escaped element
  // by element on the way (several times the cost for a batch of emails).
  const sql = `
    UPDATE "Notice" n
    SET subject = coalesce(n.subject, r.subject), html = coalesce(n.html, r.html), text = coalesce(n.text, r.text),
        content = r.content, "renderedAt" = $2
    FROM json_to_recordset($1::json) AS r(id int, subject text, html text, text text, content jsonb)
    WHERE n.id = r.id AND n."renderedAt" IS NULL
    RETURNING n.id`;
  const json = JSON.stringify(rows);
  // megabytes of emails: straight through pg where the client has a pool beside it
  const pool = rawPoolOf(db);
  const updated = pool
    ? (await pool.query<{ id: number }>(sql, [json, now])).rows
    : await db.$queryRawUnsafe<{ id: number }[]>(sql, json, now);
  return updated.map((row) => row.id);
}

/** The reference printed on letters and in the email footer: the notice's year and id. */
export function noticeReferenceNumber(noticeId: number, date: LocalDate): string {
  return `R-${date.slice(0, 4)}-${String(noticeId).padStart(6, "0")}`;
}

/** The notice's stored content, or null when it was not rendered yet (or is not an object). */
export function storedNoticeContent(content: unknown): StoredNoticeContent | null {
  if (!content || typeof content !== "object" || Array.isArray(content)) return null;
  const value = content as Partial<StoredNoticeContent>;
  if (!value.language || !value.stage || !Array.isArray(value.items) || !value.links) return null;
  return value as StoredNoticeContent;
}
