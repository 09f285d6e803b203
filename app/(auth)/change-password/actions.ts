"use server";

import { z } from "zod";
import { ZNewPassword } from "@/lib/auth/password-policy";
import { keepThisSession } from "@/lib/auth/session-cookie";
import { staffAction } from "@/lib/auth/staff-action";
import { changeOwnPassword } from "@/lib/staff/change-own-password";

const ZChangePassword = z
  .object({
    currentPassword: z.string().min(1, { error: "required" }).max(200, { error: "passwordTooLong" }),
    newPassword: ZNewPassword,
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    error: "passwordsDiffer",
    path: ["confirmPassword"],
  });

export const changePasswordAction = staffAction({
  name: "changePassword",
  role: "desk",
  schema: ZChangePassword,
  allowWhilePasswordChangeRequired: true,
  run: ({ tx, staff, input, audit }) => changeOwnPassword(tx, audit, staff.id, input),
  revalidate: ["/"],
  // other sessions of the account have ended; this browser stays signed in
  async onSuccess({ sessionVersion }) {
    await keepThisSession(sessionVersion);
    return {};
  },
  redirectTo: () => "/",
});
