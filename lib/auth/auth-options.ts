import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db";
import { textProblem } from "@/lib/errors/text-check";
import { authSecret } from "./auth-secret";
import { checkCredentials } from "./check-credentials";
import { SIGN_IN_PATH } from "./paths";
import { requestClientIp } from "./request-client-ip";

/** A working day: after 8 hours the session cookie is no longer accepted. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

// A NUL byte in the email would fail the account query: such a sign-in is simply not one.
const ZCredentials = z.object({
  email: z
    .string()
    .trim()
    .min(1)
    .max(320)
    .refine((email) => !textProblem(email)),
  password: z
    .string()
    .min(1)
    .max(200)
    .refine((password) => !textProblem(password)),
});

/** The error texts authorize() throws; the sign-in form turns them into a message. */
export const SIGN_IN_ERROR = { disabled: "disabled", lockedPrefix: "locked:" } as const;

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Rappel",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, request) {
        const parsed = ZCredentials.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await checkCredentials(db, {
          ...parsed.data,
          clientIp: requestClientIp(request?.headers ?? {}),
        });
        if (result.ok) {
          const { id, name, email, sessionVersion } = result.user;
          return { id: String(id), name, email, sessionVersion };
        }
        if (result.reason === "invalid") return null;
        // next-auth passes a thrown error's message to the form as ?error=...
        throw new Error(
          result.reason === "locked"
            ? `${SIGN_IN_ERROR.lockedPrefix}${result.until.toISOString()}`
            : SIGN_IN_ERROR.disabled,
        );
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sv = user.sessionVersion;
      return token;
    },
    session({ session, token }) {
      return { expires: session.expires, staffId: token.sub, sessionVersion: token.sv };
    },
  },
  logger: {
    // Codes and messages only: next-auth's metadata may hold request bodies.
    error(code, metadata) {
      const message = metadata instanceof Error ? metadata.message : "";
      console.error(`[next-auth] ${code}${message ? `: ${message}` : ""}`);
    },
    warn(code) {
      // Without NEXTAUTH_URL next-auth assumes http://localhost:3000 for the links it builds;
      // Rappel's forms never follow those, so the warning says nothing useful here.
      if (code !== "NEXTAUTH_URL") console.warn(`[next-auth] ${code}`);
    },
    debug() {},
  },
};
