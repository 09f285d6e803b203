import { z } from "zod";

// What a staff password must be. Client-safe (the forms show the minimum).

export const MIN_PASSWORD_LENGTH = 10;

/** A new password chosen by a staff member. Messages are keys of messages/*.json "validation". */
export const ZNewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { error: "passwordTooShort" })
  .max(200, { error: "passwordTooLong" });
