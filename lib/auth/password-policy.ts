import { z } from "zod";

// What a staff password must be. Client-safe (the forms show the minimum).

export const MIN_PASSWORD_LENGTH = 10;

/**
 * bcrypt reads only the first 72 bytes of a password: two longer passwords that share those
 * would sign in as one. So a password is at most 72 bytes (UTF-8: fewer characters with é or ë).
 */
export const MAX_PASSWORD_BYTES = 72;

export function passwordBytes(password: string): number {
  return new TextEncoder().encode(password).length;
}

/** A new password chosen by a staff member. Messages are keys of messages/*.json "errors" (lib/errors). */
export const ZNewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { error: "passwordTooShort" })
  .max(200, { error: "passwordTooLong" })
  .refine((password) => passwordBytes(password) <= MAX_PASSWORD_BYTES, { error: "passwordTooLong" });
