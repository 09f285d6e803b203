"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { endSessionsAction } from "@/lib/auth/end-sessions-action";

/** Ends every session of the account, then the cookie through next-auth, then opens the sign-in page. */
export function SignOutButton() {
  const t = useTranslations("shell");
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        // every session of this account ends, then this browser's cookie goes
        await endSessionsAction().catch(() => {});
        await signOut({ redirect: false });
        window.location.assign("/sign-in?signedOut=1");
      }}
      className="rounded-md border border-line bg-surface px-3 py-1.5 text-sm font-medium text-ink hover:bg-brand-soft disabled:opacity-70"
    >
      {busy ? t("signingOut") : t("signOut")}
    </button>
  );
}
