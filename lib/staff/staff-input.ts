import { z } from "zod";
import { STAFF_ROLES } from "@/lib/auth/roles";

// Form fields of a staff account. Error messages are keys of messages/*.json "errors" (lib/errors).

export const ZStaffName = z.string().trim().min(1, { error: "required" }).max(120, { error: "tooLong" });

export const ZStaffEmail = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { error: "required" })
  .max(320, { error: "tooLong" })
  .pipe(z.email({ error: "invalidEmail" }));

export const ZStaffRole = z.enum(STAFF_ROLES, { error: "chooseRole" });

/** "" from the select = all branches. */
export const ZStaffBranchId = z
  .union([z.literal(""), z.coerce.number().int().positive()], { error: "invalidValue" })
  .transform((value) => (value === "" ? null : value));

export const ZStaffId = z.coerce.number().int().positive();

export const ZStaffProfile = z.object({ name: ZStaffName, role: ZStaffRole, branchId: ZStaffBranchId });
export type StaffProfile = z.infer<typeof ZStaffProfile>;

export const ZNewStaff = ZStaffProfile.extend({ email: ZStaffEmail });
export type NewStaff = z.infer<typeof ZNewStaff>;
