import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { inputClass, secondaryButtonClass } from "@/components/form-field";
import { requireStaff } from "@/lib/auth/require-staff";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Language } from "@/lib/generated/prisma/enums";
import { renderNotice } from "@/lib/rendering";
import { LANGUAGES, loadPreview, type PreviewParams } from "@/lib/rendering/notice-preview";
import { PLACEHOLDER_KEYS, PLACEHOLDERS } from "@/lib/templates";
import { type FieldInfo, TestEmailForm, WordingForm } from "./template-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("templates");
  return { title: t("title") };
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function TemplatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaff("librarian");
  const { library } = staff;
  const [t, tErrors, locale, query, requestHeaders] = await Promise.all([
    getTranslations("templates"),
    getTranslations("errors"),
    getLocale(),
    searchParams,
    headers(),
  ]);
  // the preview's logo and links point at this server, so the logo shows in the frame
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host");
  const proto = requestHeaders.get("x-forwarded-proto") ?? "http";
  const params: PreviewParams = {
    stage: one(query.stage),
    lang: one(query.lang),
    branch: one(query.branch),
    card: one(query.card),
    baseUrl: env.NEXTAUTH_URL?.replace(/\/$/, "") ?? (host ? `${proto}://${host}` : undefined),
  };
  const preview = await loadPreview(db, library.id, params);

  if (!preview) {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p>{tErrors("noStages")}</p>
      </div>
    );
  }

  const email = await renderNotice(preview.input);
  const scope = {
    stage: preview.stage.id,
    lang: preview.language,
    branch: preview.branchId,
    card: preview.card,
  };
  const letterQuery = new URLSearchParams({
    stage: String(preview.stage.id),
    lang: preview.language,
    branch: preview.branchId === null ? "" : String(preview.branchId),
    ...(preview.card ? { card: preview.card } : {}),
  });
  const branchName = preview.branches.find((b) => b.id === preview.branchId)?.name;
  const fields: FieldInfo[] = (["subject", "opening", "closing"] as const).map((name) => ({
    name,
    own: preview.own[name],
    inherited: preview.inherited[name],
    source: preview.wording.sources[name],
    inheritedFrom: preview.inherited.sources[name] === "system" ? "system" : "default",
  }));
  const uiLanguage: Language = (LANGUAGES as readonly string[]).includes(locale)
    ? (locale as Language)
    : "nl";
  const sizeKb = (email.sizeBytes / 1024).toLocaleString(locale, { maximumFractionDigits: 1 });

  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-muted">{t("intro")}</p>
      </div>

      <form method="get" action="/templates" className="rounded-lg border border-line bg-surface p-4">
        <fieldset className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          <legend className="mb-3 font-semibold">{t("choose")}</legend>
          <div className="flex flex-col gap-1">
            <label htmlFor="stage" className="font-medium">
              {t("stage")}
            </label>
            <select id="stage" name="stage" defaultValue={preview.stage.id} className={inputClass}>
              {preview.stages.map((stage) => (
                <option key={stage.id} value={stage.id}>
                  {stage.label}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="lang" className="font-medium">
              {t("language")}
            </label>
            <select id="lang" name="lang" defaultValue={preview.language} className={inputClass}>
              {LANGUAGES.map((language) => (
                <option key={language} value={language}>
                  {t(`languages.${language}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="branch" className="font-medium">
              {t("branch")}
            </label>
            <select id="branch" name="branch" defaultValue={preview.branchId ?? ""} className={inputClass}>
              <option value="">{t("systemLevel")}</option>
              {preview.branches.map((branch) => (
                <option key={branch.id} value={branch.id}>
                  {branch.name}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="card" className="font-medium">
              {t("card")}
            </label>
            <input
              id="card"
              name="card"
              defaultValue={preview.card}
              inputMode="numeric"
              autoComplete="off"
              aria-describedby="card-hint"
              className={inputClass}
            />
            <p id="card-hint" className="text-sm text-muted">
              {t("cardHint")}
            </p>
          </div>
        </fieldset>
        <div className="mt-4">
          <button type="submit" className={secondaryButtonClass}>
            {t("show")}
          </button>
        </div>
      </form>

      {preview.patronNotFound ? (
        <p role="status" className="rounded-md bg-amber-50 p-3 font-medium text-amber-900">
          {t("patronNotFound", { card: preview.card })}
        </p>
      ) : null}

      <section aria-labelledby="preview-heading" className="flex flex-col gap-4">
        <h2 id="preview-heading" className="text-xl font-semibold">
          {t("previewHeading")}
        </h2>
        <p className="text-sm text-muted">
          {preview.patronName ? t("usingPatron", { name: preview.patronName }) : t("usingSample")}
        </p>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t("subject")}</dt>
          <dd data-testid="preview-subject" className="break-words">
            {email.subject}
          </dd>
          <dt className="font-medium">{t("size")}</dt>
          <dd>{t("sizeValue", { size: sizeKb })}</dd>
          <dt className="font-medium">{t("letter")}</dt>
          <dd>
            <a href={`/api/templates/letter?${letterQuery}`} className="underline">
              {t("letterLink")}
            </a>
          </dd>
        </dl>
        {email.warnings.length > 0 ? (
          <ul className="list-disc rounded-md bg-amber-50 p-3 pl-8 text-amber-900">
            {email.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        ) : null}
        <div className="flex flex-wrap items-start gap-3">
          <figure className="flex w-[600px] max-w-full flex-col gap-1">
            <figcaption className="text-sm font-medium">{t("desktop")}</figcaption>
            <iframe
              srcDoc={email.html}
              sandbox=""
              title={t("frameDesktop")}
              className="h-[56rem] w-full rounded-md border border-line bg-white"
            />
          </figure>
          <figure className="flex w-[375px] max-w-full flex-col gap-1">
            <figcaption className="text-sm font-medium">{t("phone")}</figcaption>
            <iframe
              srcDoc={email.html}
              sandbox=""
              title={t("framePhone")}
              className="h-[56rem] w-full rounded-md border border-line bg-white"
            />
          </figure>
        </div>
        <details className="rounded-md border border-line bg-surface">
          <summary className="cursor-pointer px-4 py-2 font-medium">{t("plainText")}</summary>
          <pre className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-words border-t border-line p-4 text-sm">
            {email.text}
          </pre>
        </details>
      </section>

      <section aria-labelledby="test-heading" className="flex flex-col gap-3">
        <h2 id="test-heading" className="text-xl font-semibold">
          {t("testHeading")}
        </h2>
        {env.RESEND_API_KEY ? (
          <TestEmailForm scope={scope} email={staff.email} />
        ) : (
          <p role="status" className="rounded-md bg-amber-50 p-3 text-amber-900">
            {tErrors("emailNotConfigured")}
          </p>
        )}
      </section>

      <section aria-labelledby="wording-heading" className="flex flex-col gap-4">
        <h2 id="wording-heading" className="text-xl font-semibold">
          {t("wordingHeading", { stage: preview.stage.label, language: t(`languages.${preview.language}`) })}
        </h2>
        <div className="grid gap-8 xl:grid-cols-[minmax(0,1fr)_18rem]">
          <WordingForm scope={scope} level={branchName ?? t("systemLevel")} fields={fields} />
          <aside aria-labelledby="placeholders-heading" className="text-sm">
            <h3 id="placeholders-heading" className="mb-2 font-semibold">
              {t("placeholders")}
            </h3>
            <p className="mb-3 text-muted">{t("placeholdersHint")}</p>
            <dl className="flex flex-col gap-2">
              {PLACEHOLDER_KEYS.map((key) => (
                <div key={key}>
                  <dt>
                    <code className="rounded bg-canvas px-1">{`{${key}}`}</code>
                  </dt>
                  <dd className="text-muted">{PLACEHOLDERS[key].description[uiLanguage]}</dd>
                </div>
              ))}
            </dl>
          </aside>
        </div>
      </section>
    </div>
  );
}
