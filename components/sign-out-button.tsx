"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

/** Ends the session through next-auth, then opens the sign-in page with a fresh render. */
export function SignOutButton() {
  const t = useTranslations("shell");
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        await signOut({ redirect: false });
        window.location.assign("/sign-in?signedOut=1");
      }}
      className="rounded-md border border-line bg-surface px-3 py-1.5 text-sm font-medium text-ink hover:bg-brand-soft disabled:opacity-70"
    >
      {busy ? t("signingOut") : t("signOut")}
    </button>
  );
}
