"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CorrectEmailForm } from "@/components/desk/correct-email-form";
import {
  FormField,
  FormMessage,
  inputClass,
  primaryButtonClass,
  secondaryButtonClass,
} from "@/components/form-field";
import { initialActionState } from "@/lib/auth/action-state";
import {
  type BounceActionState,
  dismissBouncesAction,
  printBounceLettersAction,
  sendAgainAction,
} from "./actions";

const initial = initialActionState as typeof initialActionState & BounceActionState;

function PdfLinks({ urls }: { urls?: string[] }) {
  const t = useTranslations("bounces.actions");
  if (!urls?.length) return null;
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1">
      {urls.map((url, index) => (
        <li key={url}>
          <a href={url} target="_blank" rel="noopener" className="font-medium underline">
            {t("openPdf", { n: index + 1 })}
            <span className="sr-only"> ({t("newTab")})</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * The actions on the checked problems of the list: the checkboxes belong to this form through
 * their `form` attribute, so the list itself stays server-rendered.
 */
export function BulkActions({ formId }: { formId: string }) {
  const t = useTranslations("bounces.actions");
  const [again, sendAgain, sending] = useActionState(sendAgainAction, initial);
  const [printed, print, printing] = useActionState(printBounceLettersAction, initial);
  const [dismissed, dismiss, dismissing] = useActionState(dismissBouncesAction, initial);
  const pending = sending || printing || dismissing;
  const noteErrors = dismissed.fieldErrors?.note;
  return (
    <form id={formId} className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-4">
      <h2 className="text-lg font-semibold">{t("bulkTitle")}</h2>
      <FormMessage ok={again.ok} message={again.message} />
      <FormMessage ok={printed.ok} message={printed.message} />
      <PdfLinks urls={printed.pdfUrls} />
      <FormMessage ok={dismissed.ok} message={dismissed.message} />
      <FormField id="bulk-note" label={t("note")} hint={t("noteHint")} errors={noteErrors}>
        {(describedBy, invalid) => (
          <input
            id="bulk-note"
            name="note"
            maxLength={500}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            className={inputClass}
          />
        )}
      </FormField>
      <div className="flex flex-wrap gap-2">
        <button type="submit" formAction={sendAgain} disabled={pending} className={primaryButtonClass}>
          {sending ? t("working") : t("sendAgain")}
        </button>
        <button type="submit" formAction={print} disabled={pending} className={secondaryButtonClass}>
          {printing ? t("working") : t("print")}
        </button>
        <button type="submit" formAction={dismiss} disabled={pending} className={secondaryButtonClass}>
          {dismissing ? t("working") : t("dismiss")}
        </button>
      </div>
    </form>
  );
}

/** Per row: correct the address (the desk's audited correction), send again, print now, dismiss. */
export function RowActions({
  eventId,
  patronId,
  email,
  name,
}: {
  eventId: number;
  patronId: number;
  email: string | null;
  name: string;
}) {
  const t = useTranslations("bounces.actions");
  const tContact = useTranslations("patron.contact");
  const [again, sendAgain, sending] = useActionState(sendAgainAction, initial);
  const [printed, print, printing] = useActionState(printBounceLettersAction, initial);
  const [dismissed, dismiss, dismissing] = useActionState(dismissBouncesAction, initial);
  const id = `row-${eventId}`;
  return (
    <section className="flex flex-col gap-2" aria-label={t("rowActions", { name })}>
      <FormMessage ok={again.ok} message={again.message} />
      <FormMessage ok={printed.ok} message={printed.message} />
      <PdfLinks urls={printed.pdfUrls} />
      <FormMessage ok={dismissed.ok} message={dismissed.message} />
      <div className="flex flex-wrap gap-2">
        <form action={sendAgain}>
          <input type="hidden" name="eventId" value={eventId} />
          <button type="submit" disabled={sending} className={`${secondaryButtonClass} px-3 py-1 text-sm`}>
            {sending ? t("working") : t("sendAgain")}
          </button>
        </form>
        <form action={print}>
          <input type="hidden" name="eventId" value={eventId} />
          <button type="submit" disabled={printing} className={`${secondaryButtonClass} px-3 py-1 text-sm`}>
            {printing ? t("working") : t("print")}
          </button>
        </form>
      </div>
      <details className="rounded-md border border-line">
        <summary className="cursor-pointer px-3 py-1.5 text-sm font-medium">
          {tContact("correctEmail")}
        </summary>
        <div className="border-t border-line p-3">
          <CorrectEmailForm patronId={patronId} email={email} inputId={`${id}-email`} />
        </div>
      </details>
      <details className="rounded-md border border-line">
        <summary className="cursor-pointer px-3 py-1.5 text-sm font-medium">{t("dismiss")}</summary>
        <form action={dismiss} className="flex flex-col gap-2 border-t border-line p-3">
          <input type="hidden" name="eventId" value={eventId} />
          <FormField id={`${id}-note`} label={t("note")} errors={dismissed.fieldErrors?.note}>
            {(describedBy, invalid) => (
              <input
                id={`${id}-note`}
                name="note"
                required
                maxLength={500}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                className={inputClass}
              />
            )}
          </FormField>
          <button type="submit" disabled={dismissing} className={`${secondaryButtonClass} self-start`}>
            {dismissing ? t("working") : t("dismiss")}
          </button>
        </form>
      </details>
    </section>
  );
}
