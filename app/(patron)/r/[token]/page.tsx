import type { Metadata } from "next";
import { db } from "@/lib/db";
import type { Language } from "@/lib/generated/prisma/enums";
import { dictionaryFor } from "@/lib/rendering/dictionary";
import { formatDate } from "@/lib/rendering/format";
import { loadPreferences } from "@/lib/self-service/change-preferences";
import { languageFromAcceptHeader, type PatronTexts, patronTexts } from "@/lib/self-service/patron-texts";
import { loadRenewalView, type RenewalRow } from "@/lib/self-service/renew-from-link";
import type { HelpContact, VerifiedLink } from "@/lib/self-service/verify-link";
import { HtmlLang } from "../../html-lang";
import { confirmEmailAction, renewAction, unsubscribeAction } from "./actions";
import { linkRequest } from "./link-request";
import { PreferencesForm } from "./preferences-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Bibliotheek", robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string }> };

/** A link from a notice: verified, then the page for its purpose, in the patron's language. */
export default async function LinkPage({ params, searchParams }: Props) {
  const [{ token }, { done }] = await Promise.all([params, searchParams]);
  const { check, busyUntil, acceptLanguage } = await linkRequest(token);
  const language = check.ok
    ? check.link.language
    : (check.language ?? languageFromAcceptHeader(acceptLanguage));
  const t = patronTexts(language);
  if (busyUntil) {
    const minutes = Math.max(1, Math.ceil((busyUntil.getTime() - Date.now()) / 60_000));
    return (
      <Problem
        language={language}
        title={t.problem.busyTitle}
        body={t.problem.busyBody(minutes)}
        help={null}
        t={t}
      />
    );
  }
  if (!check.ok) {
    const expired = check.problem === "expired";
    return (
      <Problem
        language={language}
        title={expired ? t.problem.expiredTitle : t.problem.invalidTitle}
        body={expired ? t.problem.expiredBody : t.problem.invalidBody}
        help={check.help}
        t={t}
      />
    );
  }
  const link = check.link;
  const justDone = done === "1";
  switch (link.purpose) {
    case "renew-all":
    case "renew-item":
      return <RenewPage link={link} t={t} done={justDone} />;
    case "preferences":
      return <PreferencesPage link={link} t={t} />;
    case "unsubscribe":
      return <UnsubscribePage link={link} t={t} done={justDone} />;
    case "confirm-email":
      return <ConfirmPage link={link} t={t} done={justDone} />;
  }
}

function Page({
  language,
  title,
  children,
}: {
  language: Language;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <div lang={language} className="flex flex-col gap-5">
      <HtmlLang lang={language} />
      <h1 className="text-2xl font-bold tracking-tight text-ink">{title}</h1>
      {children}
    </div>
  );
}

function Notice({ children, tone = "ok" }: { children: React.ReactNode; tone?: "ok" | "warn" }) {
  return (
    <p
      role="status"
      className={`rounded-lg border px-4 py-3 ${tone === "ok" ? "border-brand bg-brand-soft text-ink" : "border-warn bg-warn-soft text-ink"}`}
    >
      {children}
    </p>
  );
}

const button =
  "w-full rounded-lg bg-brand px-5 py-3 text-lg font-semibold text-white hover:bg-brand-strong sm:w-auto";

async function RenewPage({ link, t, done }: { link: VerifiedLink; t: PatronTexts; done: boolean }) {
  const view = await loadRenewalView(db, link);
  const renewable = view.rows.filter((row) => row.status === "renewable").length;
  const date = (day: string) => formatDate(day, link.language);
  return (
    <Page language={link.language} title={t.renew.title}>
      <p>{t.greeting(view.firstName)}</p>
      {done ? <Notice>{t.renew.done}</Notice> : <p>{t.renew.intro}</p>}
      <ul className="flex flex-col gap-3">
        {view.rows.map((row) => (
          <li key={row.loanId} className="rounded-lg border border-line bg-surface p-4">
            <p className="font-semibold">{row.title}</p>
            <RowStatus row={row} t={t} language={link.language} date={date} />
          </li>
        ))}
      </ul>
      {renewable > 0 ? (
        <form action={renewAction.bind(null, link.token)}>
          <button type="submit" className={button}>
            {link.purpose === "renew-item" ? t.renew.buttonOne : t.renew.buttonAll(renewable)}
          </button>
        </form>
      ) : done ? null : (
        <p>{t.renew.nothing}</p>
      )}
      <Help help={link.help} t={t} />
    </Page>
  );
}

function RowStatus({
  row,
  t,
  language,
  date,
}: {
  row: RenewalRow;
  t: PatronTexts;
  language: Language;
  date: (day: string) => string;
}) {
  switch (row.status) {
    case "renewable":
      return (
        <>
          <p className="text-muted">{t.renew.dueOn(date(row.dueDate))}</p>
          <p>{t.renew.renewable(date(row.newDueDate))}</p>
        </>
      );
    case "renewed":
      return <p className="font-semibold text-brand">✓ {t.renew.renewed(date(row.newDueDate))}</p>;
    case "changed":
      return <p>{t.renew.changed(date(row.dueDate))}</p>;
    case "returned":
      return <p>{t.renew.returned}</p>;
    case "not_renewable":
      return (
        <>
          <p className="text-muted">{t.renew.dueOn(date(row.dueDate))}</p>
          <p className="text-warn">{dictionaryFor(language).items.notRenewable[row.reason]}</p>
        </>
      );
  }
}

async function PreferencesPage({ link, t }: { link: VerifiedLink; t: PatronTexts }) {
  const view = await loadPreferences(db, link);
  return (
    <Page language={link.language} title={t.preferences.title}>
      <p>{t.greeting(view.firstName)}</p>
      <p>{view.maskedEmail ? t.preferences.currentEmail(view.maskedEmail) : t.preferences.noEmail}</p>
      {view.pendingEmail ? <Notice tone="warn">{t.preferences.pending(view.pendingEmail)}</Notice> : null}
      <PreferencesForm
        key={`${view.language}-${view.preDueOptIn}-${view.letters}`}
        token={link.token}
        language={link.language}
        initial={{ preDueOptIn: view.preDueOptIn, language: view.language, letters: view.letters }}
      />
      <Help help={link.help} t={t} />
    </Page>
  );
}

async function UnsubscribePage({ link, t, done }: { link: VerifiedLink; t: PatronTexts; done: boolean }) {
  const patron = await db.patron.findFirstOrThrow({
    where: { id: link.patronId, libraryId: link.libraryId },
    select: { firstName: true, preDueOptIn: true },
  });
  return (
    <Page language={link.language} title={t.unsubscribe.title}>
      <p>{t.greeting(patron.firstName)}</p>
      {done || !patron.preDueOptIn ? (
        <Notice>{t.unsubscribe.done}</Notice>
      ) : (
        <>
          <p>{t.unsubscribe.body}</p>
          <form action={unsubscribeAction.bind(null, link.token)}>
            <button type="submit" className={button}>
              {t.unsubscribe.button}
            </button>
          </form>
        </>
      )}
      <Help help={link.help} t={t} />
    </Page>
  );
}

async function ConfirmPage({ link, t, done }: { link: VerifiedLink; t: PatronTexts; done: boolean }) {
  const patron = await db.patron.findFirstOrThrow({
    where: { id: link.patronId, libraryId: link.libraryId },
    select: { firstName: true, email: true, pendingEmail: true },
  });
  return (
    <Page language={link.language} title={t.confirm.title}>
      <p>{t.greeting(patron.firstName)}</p>
      {patron.pendingEmail ? (
        <>
          <p>{t.confirm.body}</p>
          <p className="font-semibold break-all">{patron.pendingEmail}</p>
          <form action={confirmEmailAction.bind(null, link.token)}>
            <button type="submit" className={button}>
              {t.confirm.button}
            </button>
          </form>
        </>
      ) : (
        <Notice>{done && patron.email ? t.confirm.done(patron.email) : t.confirm.nothing}</Notice>
      )}
      <Help help={link.help} t={t} />
    </Page>
  );
}

function Problem(props: {
  language: Language;
  title: string;
  body: string;
  help: HelpContact | null;
  t: PatronTexts;
}) {
  return (
    <Page language={props.language} title={props.title}>
      <p>{props.body}</p>
      <p className="font-semibold">{props.t.problem.nothingChanged}</p>
      <Help help={props.help} t={props.t} />
    </Page>
  );
}

function Help({ help, t }: { help: HelpContact | null; t: PatronTexts }) {
  if (!help || (!help.email && !help.phone)) return <p className="text-muted">{t.problem.help}</p>;
  return (
    <div className="border-t border-line pt-4 text-muted">
      <p>{t.problem.helpAt(help.branch)}</p>
      <ul className="mt-1">
        {help.email ? (
          <li>
            <a href={`mailto:${help.email}`}>{help.email}</a>
          </li>
        ) : null}
        {help.phone ? (
          <li>
            <a href={`tel:${help.phone.replace(/\s+/g, "")}`}>{help.phone}</a>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
