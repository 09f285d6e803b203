import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { getStaffTranslate } from "@/lib/errors/staff-error-text";
import { createStaffActionFactory } from "./define-staff-action";
import { getStaffSession } from "./get-staff-session";

export type { StaffAction, StaffActionContext, StaffTx } from "./define-staff-action";

/**
 * Wraps a staff server action: session, role, zod validation, one transaction with its audit
 * entry, revalidation, typed state. See lib/auth/define-staff-action.ts.
 *
 *   "use server";
 *   export const renameBranchAction = staffAction({
 *     name: "renameBranch", role: "librarian", schema: z.object({ id: z.coerce.number(), name: z.string().min(1) }),
 *     revalidate: ["/settings"],
 *     run: async ({ tx, input, audit }) => { ...; await audit({ action: "branch.rename", ... }) },
 *   });
 */
export const staffAction = createStaffActionFactory(async () => ({
  db,
  getSession: getStaffSession,
  translate: getStaffTranslate,
  revalidatePath: (path) => revalidatePath(path),
  redirect: (path) => redirect(path),
}));
