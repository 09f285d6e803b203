import { getLocale, getTranslations } from "next-intl/server";
import { PrintLetterButton } from "@/components/desk/print-letter-button";
import type { StoryNotice } from "@/lib/desk/patron-story";
import { stageLabel } from "../../settings/stage-words";
import { feedbackWords } from "./feedback-words";
import { channelReasonWords, patronFormats } from "./format-words";

const STATUS_TONE: Record<string, string> = {
  delivered: "bg-brand-soft text-brand-strong",
  sent: "bg-brand-soft text-brand-strong",
  bounced: "bg-red-50 text-red-800",
  complained: "bg-red-50 text-red-800",
  failed: "bg-red-50 text-red-800",
  delayed: "bg-warn-soft text-warn",
};

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-x-3 sm:grid-cols-[10rem_1fr]">
      <dt className="text-sm font-medium text-muted">{term}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

async function NoticeEntry({ notice }: { notice: StoryNotice }) {
  const [t, tl, locale, f, words] = await Promise.all([
    getTranslations("patron.timeline"),
    getTranslations("letters.evidence"),
    getLocale(),
    patronFormats(),
    feedbackWords(),
  ]);
  const label = stageLabel(notice.stageLabels, locale, notice.stageKey);
  const bounce = notice.events.findLast((e) =>
    ["email.bounced", "email.failed", "email.suppressed"].includes(e.type),
  );
  const isLetter = notice.channel !== "email" || notice.letters.length > 0;
  const hasEmail = notice.channel === "email" && (notice.html !== null || notice.hasContent);
  return (
    <li className="rounded-lg border border-line bg-surface p-4">
      <article aria-labelledby={`notice-${notice.id}`} className="flex flex-col gap-3">
        <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h3 id={`notice-${notice.id}`} className="text-lg font-semibold">
            {label}
          </h3>
          <span className="rounded-full border border-line px-2 py-0.5 text-sm">
            {t(`channels.${notice.channel}`)}
          </span>
          <span
            className={`rounded-full px-2 py-0.5 text-sm font-medium ${STATUS_TONE[notice.status] ?? "bg-canvas"}`}
          >
            {t(`statuses.${notice.status}`)}
          </span>
        </header>
        <dl className="flex flex-col gap-1">
          <Row term={t("planned")}>{f.day(notice.planDate)}</Row>
          <Row term={t("reason")}>{channelReasonWords(notice, locale)}</Row>
          {notice.recipientEmail ? <Row term={t("recipient")}>{notice.recipientEmail}</Row> : null}
          {notice.sentAt ? <Row term={t("sent")}>{f.instant(notice.sentAt)}</Row> : null}
          {notice.deliveredAt ? <Row term={t("delivered")}>{f.instant(notice.deliveredAt)}</Row> : null}
          {notice.bouncedAt || bounce ? (
            <Row term={t("bounced")}>
              {f.instant(notice.bouncedAt ?? (bounce?.occurredAt as Date))}
              {bounce ? ` — ${words.bounceReason(bounce)}` : ""}
            </Row>
          ) : null}
          {notice.letters.map((letter) => (
            <Row key={letter.id} term={t("letter")}>
              {[
                t(`letterReasons.${letter.reason}`),
                letter.batchId ? tl("batch", { id: letter.batchId }) : null,
                letter.printedAt || letter.postedAt ? null : t(`letterStatuses.${letter.status}`),
                letter.printedAt ? t("letterPrinted", { date: f.instant(letter.printedAt) }) : null,
                letter.postedOn
                  ? t("letterPosted", { date: f.day(letter.postedOn) })
                  : letter.postedAt
                    ? t("letterPosted", { date: f.instant(letter.postedAt) })
                    : null,
                letter.cancelReason === "loans_settled"
                  ? tl("dropped")
                  : letter.status === "returned" || letter.status === "cancelled"
                    ? t(`letterStatuses.${letter.status}`)
                    : null,
              ]
                .filter(Boolean)
                .join(" · ")}
              {letter.printedAt ? (
                <span className="block text-sm">
                  <a href={`/api/letters/${letter.id}/pdf`} className="underline">
                    {tl("asPrinted")}
                  </a>
                  {" · "}
                  <a href={`/api/letters/${letter.id}/pdf?copy=1`} className="underline">
                    {tl("copy")}
                  </a>
                </span>
              ) : null}
            </Row>
          ))}
          {notice.feeCents > 0 ? <Row term={t("fee")}>{f.euros(notice.feeCents)}</Row> : null}
          {notice.loans.length > 0 ? (
            <Row term={t("items")}>
              <ul>
                {notice.loans.map((loan) => (
                  <li key={loan.id}>
                    {loan.title}{" "}
                    <span className="text-sm text-muted">
                      ({loan.barcode}, {t("dueOn", { date: f.day(loan.dueDate) })})
                    </span>
                  </li>
                ))}
              </ul>
            </Row>
          ) : null}
          {notice.events.length > 0 ? (
            <Row term={t("events")}>
              <ul className="text-sm">
                {notice.events.map((event) => (
                  <li key={event.id}>
                    <span className="tabular">{f.instant(event.occurredAt)}</span> · {words.event(event)}
                  </li>
                ))}
              </ul>
            </Row>
          ) : null}
        </dl>
        {!hasEmail ? (
          notice.sentAt === null && notice.letters.length === 0 ? (
            <p className="text-muted">{t("notSentYet")}</p>
          ) : null
        ) : (
          <details className="rounded-md border border-line">
            <summary className="cursor-pointer px-3 py-2 font-medium">{t("showEmail")}</summary>
            <div className="flex flex-col gap-3 border-t border-line p-3">
              <p>
                <span className="font-medium">{t("subject")}:</span> {notice.subject}
              </p>
              {/* The stored HTML as sent, from the email route (older notices keep only their
                  content, which the route renders): loaded when opened, so a long timeline stays
                  a light page. Sandboxed: the email runs no script. */}
              <iframe
                src={`/api/notices/${notice.id}/email`}
                loading="lazy"
                sandbox=""
                title={t("frameTitle", { subject: notice.subject ?? "" })}
                className="h-[32rem] w-full max-w-[640px] rounded-md border border-line bg-white"
              />
              {notice.text ? (
                <details className="rounded-md border border-line">
                  <summary className="cursor-pointer px-3 py-2 font-medium">{t("plainText")}</summary>
                  <pre className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-words border-t border-line p-3 text-sm">
                    {notice.text}
                  </pre>
                </details>
              ) : null}
            </div>
          </details>
        )}
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          {isLetter && notice.hasContent ? (
            <a href={`/api/notices/${notice.id}/letter`} className="underline">
              {t("openLetter")}
            </a>
          ) : null}
          <PrintLetterButton noticeId={notice.id} />
        </div>
      </article>
    </li>
  );
}

/** Every notice to the patron, newest first, each with what happened to it. */
export async function NoticeTimeline({ notices }: { notices: StoryNotice[] }) {
  const t = await getTranslations("patron.timeline");
  return (
    <section aria-labelledby="timeline-heading" className="flex flex-col gap-3">
      <h2 id="timeline-heading" className="text-xl font-semibold">
        {t("title")}
      </h2>
      {notices.length === 0 ? (
        <p className="text-muted">{t("none")}</p>
      ) : (
        <ol className="flex flex-col gap-3">
          {notices.map((notice) => (
            <NoticeEntry key={notice.id} notice={notice} />
          ))}
        </ol>
      )}
    </section>
  );
}
