"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { staffActor } from "@/lib/audit/record-audit";
import { generateTemporaryPassword } from "@/lib/auth/password";
import { staffAction } from "@/lib/auth/staff-action";
import { createStaffUser } from "@/lib/staff/create-staff-user";
import { ZNewStaff, ZStaffId, ZStaffProfile } from "@/lib/staff/staff-input";
import { resetStaffPassword, setStaffDisabled, updateStaffUser } from "@/lib/staff/update-staff-user";

const LIST = "/admin/staff";

/** A temporary password, shown once to the admin who made it; never stored in plain text. */
export type TemporaryPasswordState = { temporaryPassword: string; email: string };

export const createStaffAction = staffAction<
  typeof ZNewStaff,
  { email: string; temporaryPassword: string },
  TemporaryPasswordState
>({
  name: "createStaff",
  role: "admin",
  schema: ZNewStaff,
  async run({ tx, staff, library, input }) {
    const temporaryPassword = generateTemporaryPassword();
    // a new account belongs to the library it was made in, also when a consortium admin makes it
    const user = await createStaffUser(tx, staffActor(staff), {
      ...input,
      libraryId: library.id,
      password: temporaryPassword,
      mustChangePassword: true,
    });
    return { email: user.email, temporaryPassword };
  },
  revalidate: [LIST],
  async onSuccess(result) {
    const t = await getTranslations("staffAdmin");
    return { message: t("created", { email: result.email }), ...result };
  },
});

export const updateStaffAction = staffAction({
  name: "updateStaff",
  role: "admin",
  schema: ZStaffProfile.extend({ id: ZStaffId }),
  run: ({ tx, staff, library, input, audit }) => {
    const { id, ...profile } = input;
    return updateStaffUser(tx, audit, staff.id, library.id, id, profile);
  },
  revalidate: (_result, input) => [LIST, `${LIST}/${input.id}`],
  async onSuccess() {
    const t = await getTranslations("staffAdmin");
    return { message: t("saved") };
  },
});

export const setStaffDisabledAction = staffAction({
  name: "setStaffDisabled",
  role: "admin",
  schema: z.object({ id: ZStaffId, disabled: z.enum(["true", "false"]).transform((v) => v === "true") }),
  run: ({ tx, staff, library, input, audit }) =>
    setStaffDisabled(tx, audit, staff.id, library.id, input.id, input.disabled),
  revalidate: (_result, input) => [LIST, `${LIST}/${input.id}`],
  async onSuccess(_result, input) {
    const t = await getTranslations("staffAdmin");
    return { message: input.disabled ? t("disabledDone") : t("enabledDone") };
  },
});

export const resetStaffPasswordAction = staffAction<
  z.ZodObject<{ id: typeof ZStaffId }>,
  { temporaryPassword: string; email: string; name: string },
  TemporaryPasswordState
>({
  name: "resetStaffPassword",
  role: "admin",
  schema: z.object({ id: ZStaffId }),
  async run({ tx, library, input, audit }) {
    const { temporaryPassword } = await resetStaffPassword(tx, audit, library.id, input.id);
    const user = await tx.staffUser.findUniqueOrThrow({
      where: { id: input.id },
      select: { email: true, name: true },
    });
    return { temporaryPassword, ...user };
  },
  revalidate: (_result, input) => [LIST, `${LIST}/${input.id}`],
  async onSuccess(result) {
    const t = await getTranslations("staffAdmin");
    return {
      message: t("resetDone", { name: result.name }),
      temporaryPassword: result.temporaryPassword,
      email: result.email,
    };
  },
});
