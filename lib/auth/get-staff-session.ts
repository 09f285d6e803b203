import "server-only";
import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { db } from "@/lib/db";
import { authOptions } from "./auth-options";
import { loadStaffSession, type StaffSession } from "./load-staff-session";
import { LIBRARY_COOKIE } from "./paths";

export type { StaffSession };

/**
 * The signed-in staff member, or null: no cookie, a cookie that does not decrypt (tampered,
 * or made with another secret), an expired one, or an account that is disabled or reset since.
 * Cached per request, so the layout, the page and an action share one look-up.
 */
export const getStaffSession = cache(async (): Promise<StaffSession | null> => {
  const session = await getServerSession(authOptions);
  if (!session) return null;
  const chosen = Number((await cookies()).get(LIBRARY_COOKIE)?.value);
  return loadStaffSession(
    db,
    { staffId: session.staffId, sessionVersion: session.sessionVersion },
    Number.isSafeInteger(chosen) && chosen > 0 ? chosen : null,
  );
});
