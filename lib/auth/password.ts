import { randomInt } from "node:crypto";
import bcrypt from "bcryptjs";

// bcrypt (pure JavaScript, nothing to compile) with cost 11: about 0.2 s per check on these
// machines, slow enough to make guessing from a stolen hash expensive, fast enough for a
// sign-in. OWASP asks for at least 10.
const COST = 11;

import { MAX_PASSWORD_BYTES, passwordBytes } from "./password-policy";

export { MIN_PASSWORD_LENGTH, ZNewPassword } from "./password-policy";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/**
 * A password longer than bcrypt's 72 bytes never matches: bcrypt would compare only its first
 * 72 bytes, so it would sign in with any text that starts like the real password.
 */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const matches = await bcrypt.compare(password, hash);
  return matches && passwordBytes(password) <= MAX_PASSWORD_BYTES;
}

// A hash of a random string, compared against when the account does not exist, so that an
// unknown email takes as long to refuse as a wrong password.
let dummyHash: Promise<string> | undefined;
export function verifyAgainstDummy(password: string): Promise<boolean> {
  dummyHash ??= bcrypt.hash(`no-account-${Math.random()}`, COST);
  return dummyHash.then((hash) => bcrypt.compare(password, hash)).then(() => false);
}

// No 0/O, 1/l/I: a temporary password is read off a screen and typed on another.
const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A one-time password an admin hands over; the user must replace it at the next sign-in. */
export function generateTemporaryPassword(): string {
  const groups = Array.from({ length: 3 }, () =>
    Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""),
  );
  return groups.join("-");
}
