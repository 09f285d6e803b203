import { systemActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db-client";
import { createStaffUser } from "@/lib/staff/create-staff-user";
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from "./demo-staff-accounts";

export { DEMO_STAFF, DEMO_STAFF_PASSWORD };

/**
 * Creates the demo staff accounts that are missing, one per role (the desk account limited to
 * the Meulebeke branch when the library has it). Accounts already there are left as they are.
 */
export async function ensureDemoStaff(db: Db, options: { libraryId: number }): Promise<{ created: number }> {
  const existing = new Set(
    (
      await db.staffUser.findMany({
        where: { email: { in: DEMO_STAFF.map((s) => s.email) } },
        select: { email: true },
      })
    ).map((s) => s.email),
  );
  const missing = DEMO_STAFF.filter((s) => !existing.has(s.email));
  if (missing.length === 0) return { created: 0 };
  await db.$transaction(async (tx) => {
    for (const staff of missing) {
      const branch = staff.branchIlsCode
        ? await tx.branch.findFirst({
            where: { libraryId: options.libraryId, ilsCode: staff.branchIlsCode },
            select: { id: true },
          })
        : null;
      await createStaffUser(tx, systemActor("demo"), {
        email: staff.email,
        name: staff.name,
        role: staff.role,
        branchId: branch?.id ?? null,
        libraryId: options.libraryId,
        password: DEMO_STAFF_PASSWORD,
        mustChangePassword: false,
      });
    }
  });
  return { created: missing.length };
}
