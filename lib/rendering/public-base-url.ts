import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The public site's absolute URL, where a notice's logo and links point: NEXTAUTH_URL when
 * set (a real install), else the host the request came in on (the demo).
 */
export async function publicBaseUrl(): Promise<string> {
  if (env.NEXTAUTH_URL) return env.NEXTAUTH_URL.replace(/\/+$/, "");
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost:3000";
  const proto = list.get("x-forwarded-proto") ?? (host.startsWith("localhost") ? "http" : "https");
  return `${proto}://${host}`;
}
