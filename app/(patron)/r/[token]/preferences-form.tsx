"use client";

import { useActionState } from "react";
import { patronTexts } from "@/lib/self-service/patron-texts";
import { type PreferencesState, savePreferencesAction } from "./actions";

type Language = "nl" | "fr" | "en";

export function PreferencesForm(props: {
  token: string;
  /** the page's language (the texts are looked up here: functions cannot cross to the client) */
  language: Language;
  initial: { preDueOptIn: boolean; language: Language; letters: boolean };
}) {
  const [state, action, pending] = useActionState<PreferencesState, FormData>(
    savePreferencesAction.bind(null, props.token),
    {},
  );
  const { preferences: t, languages } = patronTexts(props.language);
  const invalid = state.status === "invalid_email";
  // after a refused save, what the patron chose; else what is stored
  const chosen = { ...props.initial, ...state.values };
  return (
    <form action={action} key={state.status ?? "initial"} className="flex flex-col gap-5" noValidate>
      {state.status && state.status !== "invalid_email" ? (
        <p role="status" className="rounded-lg border border-brand bg-brand-soft px-4 py-3">
          {state.status === "sent"
            ? t.sent(state.sentTo ?? "")
            : state.status === "send_failed"
              ? t.sendFailed
              : t.saved}
        </p>
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="email" className="font-semibold">
          {t.newEmail}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={state.email ?? ""}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? "email-error email-hint" : "email-hint"}
          className="rounded-lg border border-line bg-surface px-3 py-3 text-lg"
        />
        <p id="email-hint" className="text-sm text-muted">
          {t.newEmailHint}
        </p>
        {invalid ? (
          <p id="email-error" role="alert" className="font-semibold text-warn">
            {t.invalidEmail}
          </p>
        ) : null}
      </div>
      <Check name="preDueOptIn" label={t.preDue} hint={t.preDueHint} checked={chosen.preDueOptIn} />
      <Check name="letters" label={t.letters} hint={t.lettersHint} checked={chosen.letters} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">{t.language}</legend>
        {(Object.keys(languages) as Language[]).map((code) => (
          <label key={code} className="flex items-center gap-3 py-1" lang={code}>
            <input
              type="radio"
              name="language"
              value={code}
              defaultChecked={chosen.language === code}
              className="h-5 w-5"
            />
            {languages[code]}
          </label>
        ))}
      </fieldset>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-brand px-5 py-3 text-lg font-semibold text-white hover:bg-brand-strong disabled:opacity-70 sm:w-auto"
      >
        {t.save}
      </button>
    </form>
  );
}

function Check(props: { name: string; label: string; hint: string; checked: boolean }) {
  return (
    <div className="flex items-start gap-3">
      <input
        id={props.name}
        name={props.name}
        type="checkbox"
        defaultChecked={props.checked}
        aria-describedby={`${props.name}-hint`}
        className="mt-1 h-5 w-5 shrink-0"
      />
      <div>
        <label htmlFor={props.name} className="font-semibold">
          {props.label}
        </label>
        <p id={`${props.name}-hint`} className="text-sm text-muted">
          {props.hint}
        </p>
      </div>
    </div>
  );
}
