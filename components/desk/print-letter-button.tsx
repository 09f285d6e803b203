"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { FormMessage, secondaryButtonClass } from "@/components/form-field";
import { initialActionState } from "@/lib/auth/action-state";
import { type PrintLetterState, printLetterAction } from "./print-letter-action";

/**
 * "Print letter now" for one notice, e.g. in a patron's notice timeline: records the desk
 * letter and offers the PDF (as the notice was sent) in a new tab.
 */
export function PrintLetterButton({ noticeId }: { noticeId: number }) {
  const t = useTranslations("printLetter");
  const [state, formAction, pending] = useActionState(
    printLetterAction,
    initialActionState as typeof initialActionState & Partial<PrintLetterState>,
  );
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (state.ok && state.pdfUrl) link.current?.focus();
  }, [state]);

  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="noticeId" value={noticeId} />
      <button type="submit" disabled={pending} className={`${secondaryButtonClass} px-3 py-1 text-sm`}>
        {pending ? t("printing") : t("button")}
      </button>
      {state.ok && state.pdfUrl ? (
        <p role="status" className="text-sm">
          {state.message}{" "}
          <a ref={link} href={state.pdfUrl} target="_blank" rel="noopener" className="font-medium underline">
            {t("open")}
            <span className="sr-only"> ({t("newTab")})</span>
          </a>
        </p>
      ) : (
        <FormMessage ok={false} message={state.message} />
      )}
    </form>
  );
}
