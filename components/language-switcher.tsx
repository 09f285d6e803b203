import { getLocale, getTranslations } from "next-intl/server";
import { LOCALE_NAMES, LOCALES } from "@/i18n/locales";
import { setLocaleAction } from "@/i18n/set-locale-action";

/**
 * Two plain submit buttons in a form: works with the keyboard and without JavaScript.
 * Each language name is written in that language, and marked up as such for screen readers.
 */
export async function LanguageSwitcher() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("shell")]);
  return (
    <form action={setLocaleAction}>
      <fieldset className="flex items-center">
        {/* A floated legend sits on the line with the buttons instead of in the border. */}
        <legend className="float-left mr-2 text-sm text-muted">{t("language")}</legend>
        <div className="flex rounded-md border border-line">
          {LOCALES.map((option) => {
            const current = option === locale;
            return (
              <button
                key={option}
                type="submit"
                name="locale"
                value={option}
                lang={option}
                aria-pressed={current}
                className={
                  current
                    ? "bg-brand px-3 py-1.5 text-sm font-semibold text-white first:rounded-l-md last:rounded-r-md"
                    : "bg-surface px-3 py-1.5 text-sm text-ink first:rounded-l-md last:rounded-r-md hover:bg-brand-soft"
                }
              >
                {LOCALE_NAMES[option]}
              </button>
            );
          })}
        </div>
      </fieldset>
    </form>
  );
}
