import "server-only";
import { env } from "@/lib/env";
import { clientIpFrom } from "./client-ip";

type HeaderSource = Parameters<typeof clientIpFrom>[0];

/** The client's address of a request, behind as many reverse proxies as RAPPEL_TRUSTED_PROXIES says. */
export function requestClientIp(headers: HeaderSource): string {
  return clientIpFrom(headers, env.RAPPEL_TRUSTED_PROXIES);
}
