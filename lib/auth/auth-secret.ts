import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// Kept on globalThis so that every route bundle of one server process, and a dev server's
// reloads, share the same fallback secret.
const globalForSecret = globalThis as unknown as { rappelAuthSecret?: string };

/**
 * The secret that encrypts session cookies: AUTH_SECRET, or a random one for this process
 * (sessions then end when the server restarts, which is safe, never guessable).
 */
export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (!globalForSecret.rappelAuthSecret) {
    globalForSecret.rappelAuthSecret = randomBytes(32).toString("base64url");
    if (env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build")
      console.warn("AUTH_SECRET is not set: staff sessions end when the server restarts.");
  }
  return globalForSecret.rappelAuthSecret;
}
