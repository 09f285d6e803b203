import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
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
export const staffAction = createStaffActionFactory(async () => {
  const t = await getTranslations();
  return {
    db,
    getSession: getStaffSession,
    // Keys are built at run time ("validation.<zod message>"), hence the untyped look-up.
    translate: async () => (key, values) => {
      const typed = key as Parameters<typeof t>[0];
      return t.has(typed) ? t(typed, values) : undefined;
    },
    revalidatePath: (path) => revalidatePath(path),
    redirect: (path) => redirect(path),
  };
});
