import { Resend } from "resend";
import type { RateLimiter } from "./rate-limiter";

/** The SDK, with the sender and the rate limiter every call through it must respect. */
export type ResendClient = { sdk: Resend; from: string; limiter: RateLimiter };

export type ResendClientConfig = {
  apiKey: string;
  /** unset: Resend's own API */
  baseUrl?: string;
  from: string;
  limiter: RateLimiter;
};

export function buildResendClient({ apiKey, baseUrl, from, limiter }: ResendClientConfig): ResendClient {
  return { sdk: new Resend(apiKey, baseUrl ? { baseUrl } : undefined), from, limiter };
}
