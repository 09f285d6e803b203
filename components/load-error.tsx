"use client";

import { useTranslations } from "next-intl";

/** What an error boundary shows: a plain message and a retry (which re-fetches), never the raw error. */
export function LoadError({ retry }: { retry: () => void }) {
  const t = useTranslations("error");
  return (
    <div role="alert" className="max-w-2xl rounded-lg border border-line bg-surface p-5">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="mt-2 leading-relaxed">{t("body")}</p>
      <button
        type="button"
        onClick={() => retry()}
        className="mt-4 rounded-md bg-brand px-4 py-2 font-medium text-white hover:bg-brand-strong"
      >
        {t("retry")}
      </button>
    </div>
  );
}
