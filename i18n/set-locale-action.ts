"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE, ZLocale } from "./locales";

const ZSetLocaleInput = z.object({ locale: ZLocale });

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/**
 * Remembers the staff member's language. Only a display preference, so no session is
 * needed; like every action it is a public POST endpoint, hence the validation.
 */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const parsed = ZSetLocaleInput.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, {
    path: "/",
    maxAge: ONE_YEAR_SECONDS,
    sameSite: "lax",
    httpOnly: true,
  });
  revalidatePath("/", "layout");
}
