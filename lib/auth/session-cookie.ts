import "server-only";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { SESSION_MAX_AGE_SECONDS } from "./auth-options";
import { authSecret } from "./auth-secret";

/** next-auth's session cookie: with the __Secure- prefix behind HTTPS (NEXTAUTH_URL https://). */
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/**
 * Gives this browser's session the account's new session version, so that it stays signed in
 * while every other session of the account (made with the old version) ends at its next
 * request. Used after a staff member changes their own password.
 */
export async function keepThisSession(sessionVersion: number): Promise<void> {
  const jar = await cookies();
  const name = SESSION_COOKIES.find((candidate) => jar.get(candidate));
  if (!name) return;
  const secret = authSecret();
  const token = await decode({ token: jar.get(name)?.value, secret });
  if (!token) return;
  const value = await encode({
    token: { ...token, sv: sessionVersion },
    secret,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  jar.set(name, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: name.startsWith("__Secure-"),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}
