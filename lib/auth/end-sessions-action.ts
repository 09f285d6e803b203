"use server";

import { db } from "@/lib/db";
import { getStaffSession } from "./get-staff-session";

/**
 * Signing out ends every session of the account, not only this browser's cookie: the session
 * version moves on, so a copied or forgotten cookie of the same account stops working at its
 * next request. The sign-out button calls this before next-auth removes the cookie.
 */
export async function endSessionsAction(): Promise<void> {
  const staff = await getStaffSession();
  if (!staff) return;
  await db.staffUser.update({ where: { id: staff.id }, data: { sessionVersion: { increment: 1 } } });
}
