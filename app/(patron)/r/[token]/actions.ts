"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { createResendClient } from "@/lib/delivery/create-resend-client";
import { publicBaseUrl } from "@/lib/rendering/public-base-url";
import { changePreferences, ZPreferences } from "@/lib/self-service/change-preferences";
import { confirmEmailChange } from "@/lib/self-service/confirm-email-change";
import { renewFromLink } from "@/lib/self-service/renew-from-link";
import { sendEmailConfirmation } from "@/lib/self-service/send-email-confirmation";
import { unsubscribeFromLink } from "@/lib/self-service/unsubscribe-from-link";
import { linkRequest } from "./link-request";

/*
 * The forms of the public pages. Each is a public POST endpoint: the token is checked again
 * here (rate limit, signature, expiry, purpose) and is the only thing that says which patron
 * and loans it may touch. After a change the browser is sent back to the page (a reload then
 * only shows the result).
 */

async function verified(token: string, purposes: string[]) {
  const { check, busyUntil } = await linkRequest(token);
  if (busyUntil || !check.ok || !purposes.includes(check.link.purpose)) redirect(`/r/${token}`);
  return check.link;
}

export async function renewAction(token: string): Promise<void> {
  const link = await verified(token, ["renew-all", "renew-item"]);
  await renewFromLink(db, link);
  redirect(`/r/${token}?done=1`);
}

export async function unsubscribeAction(token: string): Promise<void> {
  const link = await verified(token, ["unsubscribe"]);
  await unsubscribeFromLink(db, link);
  redirect(`/r/${token}?done=1`);
}

export async function confirmEmailAction(token: string): Promise<void> {
  const link = await verified(token, ["confirm-email"]);
  await confirmEmailChange(db, link);
  redirect(`/r/${token}?done=1`);
}

export type PreferencesState = {
  status?: "saved" | "sent" | "send_failed" | "invalid_email";
  /** masked new address the confirmation went to */
  sentTo?: string;
  /** what the patron sent, kept when it was refused: nothing they chose is lost */
  email?: string;
  values?: { preDueOptIn: boolean; language: string; letters: boolean };
};

export async function savePreferencesAction(
  token: string,
  _state: PreferencesState,
  form: FormData,
): Promise<PreferencesState> {
  const link = await verified(token, ["preferences"]);
  const email = String(form.get("email") ?? "");
  const parsed = ZPreferences.safeParse({
    email,
    preDueOptIn: form.get("preDueOptIn") === "on",
    language: form.get("language"),
    letters: form.get("letters") === "on",
  });
  if (!parsed.success)
    return {
      status: "invalid_email",
      email,
      values: {
        preDueOptIn: form.get("preDueOptIn") === "on",
        language: String(form.get("language") ?? ""),
        letters: form.get("letters") === "on",
      },
    };
  const { confirmTo, requestedAt } = await changePreferences(db, link, parsed.data);
  revalidatePath(`/r/${token}`);
  if (!confirmTo || !requestedAt) return { status: "saved" };
  try {
    const sent = await sendEmailConfirmation(db, createResendClient(), link, {
      to: confirmTo,
      requestedAt,
      fallbackBaseUrl: await publicBaseUrl(),
    });
    return { status: sent.ok ? "sent" : "send_failed", sentTo: confirmTo };
  } catch (error) {
    console.error("confirmation email not sent", error);
    return { status: "send_failed", sentTo: confirmTo };
  }
}
