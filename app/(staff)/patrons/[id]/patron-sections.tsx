import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { auditHistoryWords } from "@/components/audit-words";
import { ScrollableTable } from "@/components/scrollable-table";
import { loadAuditNames } from "@/lib/audit/audit-names";
import { db } from "@/lib/db";
import type { PatronStory, StoryLoan } from "@/lib/desk/patron-story";
import { RECENT_RETURNS_DAYS } from "@/lib/desk/patron-story";
import { DEFAULT_RENEWAL_POLICY } from "@/lib/loans/renewal-policy";
import { feedbackWords } from "./feedback-words";
import { patronFormats } from "./format-words";
import { AddNoteForm, CorrectAddressForm, CorrectEmailFold, RenewLoanButton } from "./patron-forms";

const card = "rounded-lg border border-line bg-surface p-5";
const EMAIL_FLAGS = new Set(["email_bounced", "email_complained", "email_invalid"]);

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-sm font-medium text-muted">{term}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

export async function FlagsSection({ flags }: { flags: PatronStory["flags"] }) {
  if (flags.length === 0) return null;
  const [t, f, words] = await Promise.all([
    getTranslations("patron.flags"),
    patronFormats(),
    feedbackWords(),
  ]);
  return (
    <section
      aria-labelledby="flags-heading"
      className="rounded-lg border border-warn bg-warn-soft p-4 text-ink"
    >
      <h2 id="flags-heading" className="text-lg font-semibold text-warn">
        {t("title")}
      </h2>
      <ul className="mt-2 flex flex-col gap-2">
        {flags.map((flag) => (
          <li key={flag.id} className="flex flex-wrap items-baseline gap-x-3">
            <span className="font-semibold">{t(`kinds.${flag.kind}`)}</span>
            <span className="text-sm">{t("since", { date: f.instantDay(flag.createdAt) })}</span>
            {flag.detail?.code ? (
              <span className="text-sm">{words.flagDetail(flag.detail.code, flag.detail.address)}</span>
            ) : flag.message ? (
              <span className="text-sm">{flag.message}</span>
            ) : null}
            <a
              href={EMAIL_FLAGS.has(flag.kind) ? "#correct-email" : "#correct-address"}
              className="font-medium underline"
            >
              {EMAIL_FLAGS.has(flag.kind) ? t("fixEmail") : t("fixAddress")}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export async function ContactSection({ story }: { story: PatronStory }) {
  const [t, tHealth, f] = await Promise.all([
    getTranslations("patron.contact"),
    getTranslations("patron.emailHealth"),
    patronFormats(),
  ]);
  const { patron, flags } = story;
  const since = patron.emailStatusAt ? f.instantDay(patron.emailStatusAt) : null;
  const health = (() => {
    if (!patron.email) return tHealth("none");
    switch (patron.emailStatus) {
      case "unknown":
        return since ? tHealth("unknown", { since }) : tHealth("unknownNever");
      case "ok":
        return since ? tHealth("ok", { since }) : tHealth("okNever");
      case "soft_bouncing":
        return tHealth("soft_bouncing", {
          since: since ?? tHealth("unknownDate"),
          count: patron.softBounceCount,
        });
      default:
        return tHealth(patron.emailStatus, { since: since ?? tHealth("unknownDate") });
    }
  })();
  const healthy = patron.email && (patron.emailStatus === "ok" || patron.emailStatus === "unknown");
  const addressLines = [
    patron.street,
    [patron.postalCode, patron.city].filter(Boolean).join(" "),
    patron.country,
  ]
    .filter((line) => line && line.trim() !== "")
    .map(String);
  return (
    <section aria-labelledby="contact-heading" className={`${card} flex flex-col gap-4`}>
      <h2 id="contact-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <dl className="flex flex-col gap-3">
        <Item term={t("email")}>{patron.email ?? <span className="text-muted">{t("noEmail")}</span>}</Item>
        <Item term={t("health")}>
          <span className={healthy ? "" : "font-medium text-warn"}>{health}</span>
        </Item>
        <Item term={t("phone")}>{patron.phone ?? <span className="text-muted">{t("noPhone")}</span>}</Item>
        <Item term={t("address")}>
          {patron.street ? (
            <address className="not-italic">
              {addressLines.map((line) => (
                <span key={line} className="block">
                  {line}
                </span>
              ))}
            </address>
          ) : (
            <span className="text-muted">{t("noAddress")}</span>
          )}
        </Item>
      </dl>
      <CorrectEmailFold
        patronId={patron.id}
        email={patron.email}
        open={flags.some((flag) => EMAIL_FLAGS.has(flag.kind))}
      />
      <CorrectAddressForm
        patronId={patron.id}
        address={{
          street: patron.street,
          postalCode: patron.postalCode,
          city: patron.city,
          country: patron.country,
        }}
        open={flags.some((flag) => flag.kind === "postal_returned")}
      />
    </section>
  );
}

export async function PreferencesSection({ story }: { story: PatronStory }) {
  const [t, tPatron, f] = await Promise.all([
    getTranslations("patron.preferences"),
    getTranslations("patron"),
    patronFormats(),
  ]);
  const { patron } = story;
  const channel =
    patron.channelPreference === "email"
      ? t("channelEmail")
      : patron.channelPreference === "letter"
        ? t("channelLetter")
        : t("channelFollow");
  return (
    <section aria-labelledby="preferences-heading" className={`${card} flex flex-col gap-4`}>
      <h2 id="preferences-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <dl className="flex flex-col gap-3">
        <Item term={t("language")}>{tPatron(`languages.${patron.language}`)}</Item>
        <Item term={t("channel")}>{channel}</Item>
        <Item term={t("preDue")}>{patron.preDueOptIn ? t("preDueYes") : t("preDueNo")}</Item>
        <Item term={t("paused")}>
          {patron.noticesPausedUntil
            ? t("pausedUntil", { date: f.day(patron.noticesPausedUntil) })
            : t("notPaused")}
        </Item>
      </dl>
      <p>
        <Link href={`/patrons/${patron.id}/settings`} className="font-medium underline">
          {t("change")}
        </Link>
      </p>
    </section>
  );
}

const th = "px-3 py-2 text-left font-semibold";
const td = "px-3 py-2 align-top";

async function RenewalCell({ loan, current }: { loan: StoryLoan; current: boolean }) {
  const [t, f] = await Promise.all([getTranslations("patron.loans"), patronFormats()]);
  if (!current && loan.returnedAt) return t("returnedOn", { date: f.instantDay(loan.returnedAt) });
  if (!loan.renewal.renewable)
    return <span className="text-sm">{t(`notRenewable.${loan.renewal.reason}`)}</span>;
  return (
    <div className="flex flex-col gap-1">
      <span className="text-sm">{t("renewableUntil", { date: f.day(loan.renewal.newDueDate) })}</span>
      <RenewLoanButton
        loanId={loan.id}
        dueDate={loan.dueDate}
        renewalCount={loan.renewalCount}
        label={t("renewLabel", { title: loan.title, date: f.day(loan.renewal.newDueDate) })}
      />
    </div>
  );
}

/** On a phone: one card per loan instead of a table seven columns wide. */
async function LoanCards({ loans }: { loans: StoryLoan[] }) {
  const [t, f] = await Promise.all([getTranslations("patron.loans"), patronFormats()]);
  return (
    <ul aria-label={t("tableLabel")} className="flex flex-col gap-3 sm:hidden">
      {loans.map((loan) => (
        <li key={loan.id} className="rounded-lg border border-line bg-surface p-4">
          <p className="font-medium">{loan.title}</p>
          {loan.author ? <p className="text-sm text-muted">{loan.author}</p> : null}
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-muted">{t("due")}</dt>
            <dd>
              {f.day(loan.dueDate)}
              {loan.daysOverdue > 0 ? (
                <span className="font-medium text-warn"> · {t("overdueBy", { days: loan.daysOverdue })}</span>
              ) : null}
            </dd>
            <dt className="text-muted">{t("renewals")}</dt>
            <dd>
              {t("renewalsUsed", { count: loan.renewalCount, max: DEFAULT_RENEWAL_POLICY.maxRenewals })}
              {loan.reserved ? <span className="font-medium text-warn"> · {t("reserved")}</span> : null}
            </dd>
            <dt className="text-muted">{t("barcode")}</dt>
            <dd className="tabular">{loan.barcode}</dd>
            <dt className="text-muted">{t("branch")}</dt>
            <dd>{loan.branch}</dd>
          </dl>
          <div className="mt-3">
            <RenewalCell loan={loan} current />
          </div>
        </li>
      ))}
    </ul>
  );
}

async function LoanRows({ loans, current }: { loans: StoryLoan[]; current: boolean }) {
  const [t, f] = await Promise.all([getTranslations("patron.loans"), patronFormats()]);
  return loans.map((loan) => (
    <tr key={loan.id} className="border-t border-line">
      <td className={td}>
        <span className="font-medium">{loan.title}</span>
        {loan.author ? <span className="block text-sm text-muted">{loan.author}</span> : null}
      </td>
      <td className={`${td} tabular`}>{loan.barcode}</td>
      <td className={td}>{loan.branch}</td>
      <td className={`${td} whitespace-nowrap`}>{f.day(loan.dueDate)}</td>
      <td className={`${td} whitespace-nowrap`}>
        {loan.daysOverdue > 0 ? (
          <span className="font-medium text-warn">{t("overdueDays", { days: loan.daysOverdue })}</span>
        ) : (
          t("notOverdue")
        )}
      </td>
      <td className={`${td} whitespace-nowrap`}>
        {t("renewalsUsed", { count: loan.renewalCount, max: DEFAULT_RENEWAL_POLICY.maxRenewals })}
        {loan.reserved ? (
          <span className="mt-1 block w-fit rounded-full bg-warn-soft px-2 text-sm font-medium text-warn">
            {t("reserved")}
          </span>
        ) : null}
      </td>
      <td className={td}>
        <RenewalCell loan={loan} current={current} />
      </td>
    </tr>
  ));
}

export async function LoansSection({ story }: { story: PatronStory }) {
  const t = await getTranslations("patron.loans");
  const head = (
    <thead className="bg-canvas text-sm">
      <tr>
        <th scope="col" className={th}>
          {t("item")}
        </th>
        <th scope="col" className={th}>
          {t("barcode")}
        </th>
        <th scope="col" className={th}>
          {t("branch")}
        </th>
        <th scope="col" className={th}>
          {t("due")}
        </th>
        <th scope="col" className={th}>
          {t("overdue")}
        </th>
        <th scope="col" className={th}>
          {t("renewals")}
        </th>
        <th scope="col" className={th}>
          {t("renewal")}
        </th>
      </tr>
    </thead>
  );
  return (
    <section aria-labelledby="loans-heading" className="flex flex-col gap-3">
      <h2 id="loans-heading" className="text-xl font-semibold">
        {t("title")}
      </h2>
      {story.currentLoans.length === 0 ? (
        <p className="text-muted">{t("none")}</p>
      ) : (
        <>
          <LoanCards loans={story.currentLoans} />
          <div className="hidden sm:block">
            <ScrollableTable label={t("tableLabel")}>
              <table className="w-full min-w-[56rem] border-collapse">
                {head}
                <tbody>
                  <LoanRows loans={story.currentLoans} current />
                </tbody>
              </table>
            </ScrollableTable>
          </div>
        </>
      )}
      {story.recentReturns.length > 0 ? (
        <details className="rounded-md border border-line bg-surface">
          <summary className="cursor-pointer px-3 py-2 font-medium">
            {t("recentReturns", { days: RECENT_RETURNS_DAYS, count: story.recentReturns.length })}
          </summary>
          <ScrollableTable
            label={t("recentReturns", { days: RECENT_RETURNS_DAYS, count: story.recentReturns.length })}
            frame="border-t border-line"
          >
            <table className="w-full min-w-[56rem] border-collapse">
              {head}
              <tbody>
                <LoanRows loans={story.recentReturns} current={false} />
              </tbody>
            </table>
          </ScrollableTable>
        </details>
      ) : null}
    </section>
  );
}

export async function NotesSection({ story }: { story: PatronStory }) {
  const [t, f] = await Promise.all([getTranslations("patron.notes"), patronFormats()]);
  return (
    <section aria-labelledby="notes-heading" className={`${card} flex flex-col gap-4`}>
      <h2 id="notes-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {story.notes.length === 0 ? (
        <p className="text-muted">{t("none")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {story.notes.map((note) => (
            <li key={note.id} className="border-l-4 border-line pl-3">
              <p className="whitespace-pre-wrap break-words">{note.body}</p>
              <p className="text-sm text-muted">
                {t("by", { author: note.author, date: f.instant(note.createdAt) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <AddNoteForm patronId={story.patron.id} />
    </section>
  );
}

export async function HistorySection({ story, libraryId }: { story: PatronStory; libraryId: number }) {
  const [t, f, words] = await Promise.all([
    getTranslations("patron.history"),
    patronFormats(),
    // the audit log's own words: one vocabulary for both pages
    loadAuditNames(db, libraryId, story.audit).then(auditHistoryWords),
  ]);
  return (
    <section aria-labelledby="history-heading" className={`${card} flex flex-col gap-3`}>
      <h2 id="history-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {story.audit.length === 0 ? (
        <p className="text-muted">{t("none")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {story.audit.map((entry) => (
            <li key={entry.id}>
              <p className="font-medium">{words.title(entry.action)}</p>
              <p className="text-sm text-muted">
                {t("entry", { date: f.instant(entry.at), actor: entry.actorLabel })}
              </p>
              <ul className="text-sm">
                {words.lines(entry).map((change) => (
                  <li key={change.field} className="break-words">
                    {change.field}: {change.from} → {change.to}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
