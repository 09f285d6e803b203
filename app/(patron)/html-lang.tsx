"use client";

import { useEffect } from "react";

/**
 * The root layout sets <html lang> from the staff language cookie; a patron page is in the
 * patron's language, known only after its link is verified. The page's content carries the
 * right lang from the server; this sets the document's too once it runs in the browser.
 */
export function HtmlLang({ lang }: { lang: string }) {
  useEffect(() => {
    const previous = document.documentElement.lang;
    document.documentElement.lang = lang;
    return () => {
      document.documentElement.lang = previous;
    };
  }, [lang]);
  return null;
}
