"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useActionState, useEffect, useState } from "react";
import { CorrectEmailForm } from "@/components/desk/correct-email-form";
import {
  FormField,
  FormMessage,
  inputClass,
  primaryButtonClass,
  secondaryButtonClass,
} from "@/components/form-field";
import { initialActionState } from "@/lib/auth/action-state";
import { addNoteAction, correctAddressAction, renewLoanAction } from "./actions";

/**
 * A correction form folded away under its summary. Open from the start when a flag asks for
 * the fix; it stays as the person left it when the page refreshes after saving.
 */
function Fold({
  id,
  summary,
  open,
  children,
}: {
  id: string;
  summary: string;
  open: boolean;
  children: ReactNode;
}) {
  const [isOpen, setOpen] = useState(open);
  // A flag's "correct the email" link points here: open the fold when it is followed.
  useEffect(() => {
    const openIfTarget = () => {
      if (window.location.hash === `#${id}`) setOpen(true);
    };
    openIfTarget();
    window.addEventListener("hashchange", openIfTarget);
    return () => window.removeEventListener("hashchange", openIfTarget);
  }, [id]);
  return (
    <details
      id={id}
      open={isOpen}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      className="rounded-md border border-line"
    >
      <summary className="cursor-pointer px-3 py-2 font-medium">{summary}</summary>
      <div className="border-t border-line p-3">{children}</div>
    </details>
  );
}

/** The desk's email correction, folded away (the form itself is shared with the Bounces list). */
export function CorrectEmailFold({
  patronId,
  email,
  open,
}: {
  patronId: number;
  email: string | null;
  open: boolean;
}) {
  const t = useTranslations("patron.contact");
  return (
    <Fold id="correct-email" summary={t("correctEmail")} open={open}>
      <CorrectEmailForm patronId={patronId} email={email} />
    </Fold>
  );
}

type Address = { street: string | null; postalCode: string | null; city: string | null; country: string };

export function CorrectAddressForm({
  patronId,
  address,
  open,
}: {
  patronId: number;
  address: Address;
  open: boolean;
}) {
  const t = useTranslations("patron.contact");
  const [state, formAction, pending] = useActionState(correctAddressAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const field = (name: keyof Address, label: string, autoComplete: string, className = "") => (
    <div className={className}>
      <FormField id={name} label={label} errors={errors[name]}>
        {(describedBy, invalid) => (
          <input
            id={name}
            name={name}
            required
            autoComplete={autoComplete}
            defaultValue={address[name] ?? ""}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            className={inputClass}
          />
        )}
      </FormField>
    </div>
  );
  return (
    <Fold id="correct-address" summary={t("correctAddress")} open={open}>
      <form action={formAction} className="flex flex-col gap-3">
        <FormMessage ok={state.ok} message={state.message} />
        <input type="hidden" name="patronId" value={patronId} />
        {field("street", t("street"), "off")}
        <div className="grid gap-3 sm:grid-cols-[8rem_1fr]">
          {field("postalCode", t("postalCode"), "off")}
          {field("city", t("city"), "off")}
        </div>
        {field("country", t("country"), "off", "max-w-xs")}
        <button type="submit" disabled={pending} className={`${primaryButtonClass} self-start`}>
          {pending ? t("saving") : t("saveAddress")}
        </button>
      </form>
    </Fold>
  );
}

export function RenewLoanButton({
  loanId,
  dueDate,
  renewalCount,
  label,
}: {
  loanId: number;
  dueDate: string;
  renewalCount: number;
  /** "Renew <title> until <date>": the button's accessible name, one per row */
  label: string;
}) {
  const t = useTranslations("patron.loans");
  const [state, formAction, pending] = useActionState(renewLoanAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col items-start gap-1">
      <input type="hidden" name="loanId" value={loanId} />
      <input type="hidden" name="seenDueDate" value={dueDate} />
      <input type="hidden" name="seenRenewalCount" value={renewalCount} />
      <button type="submit" disabled={pending} aria-label={label} className={`${secondaryButtonClass} py-1`}>
        {pending ? t("renewing") : t("renew")}
      </button>
      {state.message ? (
        <p
          role={state.ok ? "status" : "alert"}
          className={state.ok ? "text-sm font-medium text-brand-strong" : "text-sm font-medium text-red-800"}
        >
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

export function AddNoteForm({ patronId }: { patronId: number }) {
  const t = useTranslations("patron.notes");
  const [state, formAction, pending] = useActionState(addNoteAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FormMessage ok={state.ok} message={state.message} />
      <input type="hidden" name="patronId" value={patronId} />
      <FormField id="note-body" label={t("body")} hint={t("bodyHint")} errors={errors.body}>
        {(describedBy, invalid) => (
          <textarea
            id="note-body"
            name="body"
            required
            rows={3}
            maxLength={2000}
            // what was typed stays after a refusal; a saved note empties the box
            defaultValue={state.ok ? "" : (state.entered?.body ?? "")}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            className={inputClass}
          />
        )}
      </FormField>
      <button type="submit" disabled={pending} className={`${primaryButtonClass} self-start`}>
        {pending ? t("adding") : t("add")}
      </button>
    </form>
  );
}
