"use client";

import { signIn } from "next-auth/react";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useRef, useState } from "react";
import { inputClass, primaryButtonClass } from "@/components/form-field";

const LOCKED_PREFIX = "locked:";

/**
 * Email and password, sent to next-auth's credentials provider. The password lives only in
 * the input: it is read at submit, never kept in state. One message for a wrong password and
 * an unknown account alike.
 */
export function SignInForm({ returnTo, initialError }: { returnTo: string; initialError?: string }) {
  const t = useTranslations("signIn");
  const format = useFormatter();
  const [error, setError] = useState<string | undefined>(initialError);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  function messageFor(code: string): string {
    if (code === "CredentialsSignin") return t("invalid");
    if (code === "disabled") return t("disabled");
    if (code.startsWith(LOCKED_PREFIX)) {
      const until = new Date(code.slice(LOCKED_PREFIX.length));
      if (!Number.isNaN(until.getTime())) {
        const sameDay = until.toDateString() === new Date().toDateString();
        const time = format.dateTime(
          until,
          sameDay
            ? { hour: "2-digit", minute: "2-digit" }
            : { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" },
        );
        return t("locked", { time });
      }
    }
    return t("failed");
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        window.location.assign(returnTo);
        return;
      }
      setError(result?.error ?? "failed");
    } catch {
      setError("failed");
    }
    if (passwordRef.current) passwordRef.current.value = "";
    passwordRef.current?.focus();
    setBusy(false);
  }

  const message = error ? messageFor(error) : undefined;
  return (
    <form
      onSubmit={submit}
      method="post"
      className="mt-6 flex flex-col gap-4"
      noValidate={false}
      data-own-error-focus
    >
      {message ? (
        <p id="sign-in-error" role="alert" className="rounded-md bg-red-50 p-3 font-medium text-red-800">
          {message}
        </p>
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="email" className="font-medium">
          {t("email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          aria-describedby={message ? "sign-in-error" : undefined}
          aria-invalid={message ? true : undefined}
          className={inputClass}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="password" className="font-medium">
          {t("password")}
        </label>
        <input
          ref={passwordRef}
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-describedby={message ? "sign-in-error" : undefined}
          aria-invalid={message ? true : undefined}
          className={inputClass}
        />
      </div>
      <button type="submit" disabled={busy} className={`${primaryButtonClass} self-start`}>
        {busy ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
