import { type NextRequest, NextResponse } from "next/server";
import { requestClientIp } from "@/lib/auth/request-client-ip";
import { db } from "@/lib/db";
import { libraryToday } from "@/lib/library/current-library";
import { limitLinkRequests } from "@/lib/self-service/limit-link-requests";
import { unsubscribeFromLink } from "@/lib/self-service/unsubscribe-from-link";
import { verifyLink } from "@/lib/self-service/verify-link";

type Context = { params: Promise<{ token: string }> };

/**
 * RFC 8058 one-click unsubscribe: the mail client POSTs `List-Unsubscribe=One-Click` to the
 * List-Unsubscribe URL and the patron gets no more pre-due reminders, without a page or a
 * cookie. A person opening the same URL in a browser (GET) gets the unsubscribe page, with a
 * button: a GET never changes anything (link scanners open every link).
 */
export async function POST(request: NextRequest, { params }: Context) {
  const { token } = await params;
  const busyUntil = await limitLinkRequests(db, { token, ip: requestClientIp(request.headers) });
  if (busyUntil) {
    const seconds = Math.max(1, Math.ceil((busyUntil.getTime() - Date.now()) / 1000));
    return text("Too many requests, try again later.", 429, { "retry-after": String(seconds) });
  }
  const check = await verifyLink(db, token, { today: (timeZone) => libraryToday({ timeZone }) });
  if (!check.ok || check.link.purpose !== "unsubscribe")
    return text(check.ok || check.problem === "invalid" ? "Unknown link." : "This link has expired.", 404);
  await unsubscribeFromLink(db, check.link);
  return text("Unsubscribed from pre-due reminders.", 200);
}

export async function GET(request: NextRequest, { params }: Context) {
  const { token } = await params;
  return NextResponse.redirect(new URL(`/r/${encodeURIComponent(token)}`, request.url), 303);
}

function text(body: string, status: number, headers: Record<string, string> = {}) {
  return new NextResponse(body, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}
