"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/auth-options";
import { getStaffSession } from "@/lib/auth/get-staff-session";
import { LIBRARY_COOKIE, safeReturnPath, signInPath } from "@/lib/auth/paths";
import { db } from "@/lib/db";

const ZChoice = z.object({ libraryId: z.coerce.number().int().positive(), from: z.string().optional() });

/**
 * A consortium-wide account chooses the library it works in (the header's chooser, or the
 * page it is sent to before its first page). Accounts of one library cannot choose: their
 * library is theirs. The choice is a cookie; the session reads it on every request and checks
 * that the library exists.
 */
export async function chooseLibraryAction(formData: FormData): Promise<void> {
  const staff = await getStaffSession();
  if (!staff) redirect(signInPath("/"));
  const parsed = ZChoice.safeParse(Object.fromEntries(formData));
  const back = safeReturnPath(parsed.success ? parsed.data.from : "/");
  if (staff.libraryId !== null || !parsed.success) redirect(back);
  const library = await db.library.findUnique({ where: { id: parsed.data.libraryId }, select: { id: true } });
  if (library) {
    (await cookies()).set(LIBRARY_COOKIE, String(library.id), {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: SESSION_MAX_AGE_SECONDS,
    });
  }
  // Another library's ids mean nothing here: start again from its Today page.
  redirect(parsed.data.from ? back : "/");
}
