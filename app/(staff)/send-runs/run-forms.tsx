"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, primaryButtonClass, secondaryButtonClass } from "@/components/form-field";
import { initialActionState } from "@/lib/auth/action-state";
import { sendNoticeAgainAction, startSendRunAction } from "./actions";

/**
 * The confirmation's button. A second click while the first is on its way is ignored by the
 * button, and a second start for the same day by the database: only one run starts.
 */
export function StartRunForm({ date }: { date: string }) {
  const t = useTranslations("sendRuns.start");
  const [state, formAction, pending] = useActionState(startSendRunAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="date" value={date} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={primaryButtonClass} disabled={pending} data-testid="confirm-start">
          {pending ? t("starting") : t("confirm")}
        </button>
        <a href="/send-runs" className="py-2 font-medium underline">
          {t("cancel")}
        </a>
      </div>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}

/** "Send again" for one failed email notice. */
export function SendAgainForm({ noticeId, name }: { noticeId: number; name: string }) {
  const t = useTranslations("sendRuns.failedNotices");
  const [state, formAction, pending] = useActionState(sendNoticeAgainAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="noticeId" value={noticeId} />
      <button
        type="submit"
        className={`${secondaryButtonClass} whitespace-nowrap px-3 py-1 text-sm`}
        disabled={pending || state.ok}
        aria-label={t("sendAgainLabel", { name })}
      >
        {t("sendAgain")}
      </button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
