import "server-only";
import { headers } from "next/headers";
import { requestClientIp } from "@/lib/auth/request-client-ip";
import { db } from "@/lib/db";
import { libraryToday } from "@/lib/library/current-library";
import { limitLinkRequests } from "@/lib/self-service/limit-link-requests";
import { type LinkCheck, verifyLink } from "@/lib/self-service/verify-link";

export type LinkRequest = { check: LinkCheck; busyUntil: Date | null; acceptLanguage: string | null };

/** Every request to a link, page or form: counted against the rate limits, then verified. */
export async function linkRequest(token: string): Promise<LinkRequest> {
  const list = await headers();
  const busyUntil = await limitLinkRequests(db, { token, ip: requestClientIp(list) });
  // RAPPEL_TODAY pins the day in demos and browser tests
  const check = await verifyLink(db, token, { today: (timeZone) => libraryToday({ timeZone }) });
  return { check, busyUntil, acceptLanguage: list.get("accept-language") };
}
