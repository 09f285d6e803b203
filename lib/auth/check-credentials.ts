import "server-only";
import type { Db } from "@/lib/db-client";
import { verifyAgainstDummy, verifyPassword } from "./password";
import {
  ACCOUNT_POLICY,
  accountKey,
  CLIENT_POLICY,
  clientKey,
  registerThrottleFailure,
  throttleLockedUntil,
} from "./sign-in-throttle";

export type SignInUser = { id: number; email: string; name: string; sessionVersion: number };

export type CredentialsResult =
  | { ok: true; user: SignInUser }
  /** wrong password or no such account: the same answer, so it does not tell which */
  | { ok: false; reason: "invalid" }
  /** only said after the right password, so it reveals nothing to a guesser */
  | { ok: false; reason: "disabled" }
  | { ok: false; reason: "locked"; until: Date };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function latest(...dates: (Date | null)[]): Date | null {
  return dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);
}

/**
 * The sign-in check behind next-auth's credentials provider. Counts failures per account
 * (StaffUser.failedSignIns; a row in SignInThrottle for emails without an account, so that an
 * unknown email locks exactly like a known one) and per client address.
 */
export async function checkCredentials(
  db: Db,
  input: { email: string; password: string; clientIp: string; now?: Date },
): Promise<CredentialsResult> {
  const now = input.now ?? new Date();
  const email = normalizeEmail(input.email);
  const client = clientKey(input.clientIp);

  const clientLock = await throttleLockedUntil(db, client, now);
  if (clientLock) return { ok: false, reason: "locked", until: clientLock };

  // The one place besides a password change that reads the hash: selected explicitly, never
  // returned.
  const user = await db.staffUser.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      passwordHash: true,
      disabledAt: true,
      lockedUntil: true,
      sessionVersion: true,
    },
  });

  if (!user) {
    const account = accountKey(email);
    const accountLock = await throttleLockedUntil(db, account, now);
    if (accountLock) return { ok: false, reason: "locked", until: accountLock };
    await verifyAgainstDummy(input.password);
    const lock = latest(
      await registerThrottleFailure(db, account, ACCOUNT_POLICY, now),
      await registerThrottleFailure(db, client, CLIENT_POLICY, now),
    );
    return lock ? { ok: false, reason: "locked", until: lock } : { ok: false, reason: "invalid" };
  }

  if (user.lockedUntil && user.lockedUntil > now)
    return { ok: false, reason: "locked", until: user.lockedUntil };

  if (!(await verifyPassword(input.password, user.passwordHash))) {
    const { failedSignIns } = await db.staffUser.update({
      where: { id: user.id },
      data: { failedSignIns: { increment: 1 } },
      select: { failedSignIns: true },
    });
    let accountLock: Date | null = null;
    if (failedSignIns >= ACCOUNT_POLICY.failures) {
      accountLock = new Date(now.getTime() + ACCOUNT_POLICY.lockMs);
      await db.staffUser.update({
        where: { id: user.id },
        data: { failedSignIns: 0, lockedUntil: accountLock },
      });
    }
    const lock = latest(accountLock, await registerThrottleFailure(db, client, CLIENT_POLICY, now));
    return lock ? { ok: false, reason: "locked", until: lock } : { ok: false, reason: "invalid" };
  }

  if (user.disabledAt) return { ok: false, reason: "disabled" };

  await db.staffUser.update({
    where: { id: user.id },
    data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now },
  });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion },
  };
}

/** Checks a signed-in staff member's own password (before they set a new one). */
export async function verifyOwnPassword(
  db: Pick<Db, "staffUser">,
  staffId: number,
  password: string,
): Promise<boolean> {
  const user = await db.staffUser.findUnique({ where: { id: staffId }, select: { passwordHash: true } });
  return user ? verifyPassword(password, user.passwordHash) : false;
}
