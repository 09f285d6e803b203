/**
 * Accounts the browser tests use besides the demo ones (one per role, lib/staff/ensure-demo-staff.ts):
 * each test that changes an account has its own, so the specs do not depend on their order.
 * Created by e2e/serve.ts; no Playwright imports here, serve.ts runs under plain tsx.
 */
import type { Db } from "../lib/db-client";
import { DEMO_STAFF_PASSWORD } from "../scripts/demo/demo-staff-accounts";

export const E2E_PASSWORD = DEMO_STAFF_PASSWORD;

export const E2E_ACCOUNTS = {
  /** locked by the lockout spec */
  lockout: { email: "slot@e2e.rappel.be", name: "Stijn Slot", role: "desk" },
  /** disabled from the start */
  disabled: { email: "uit@e2e.rappel.be", name: "Uma Uitgeschakeld", role: "desk" },
  /** its password is reset by the admin spec */
  reset: { email: "nieuw@e2e.rappel.be", name: "Nina Nieuw", role: "desk" },
  /** signs out and changes its password in the sessions spec */
  sessions: { email: "sessies@e2e.rappel.be", name: "Sander Sessie", role: "desk" },
} as const;

export async function createE2eStaff(db: Db, libraryId: number): Promise<void> {
  const { hashPassword } = await import("../lib/auth/password");
  const passwordHash = await hashPassword(E2E_PASSWORD);
  await db.staffUser.createMany({
    data: Object.entries(E2E_ACCOUNTS).map(([key, account]) => ({
      ...account,
      libraryId,
      passwordHash,
      disabledAt: key === "disabled" ? new Date() : null,
    })),
    skipDuplicates: true,
  });
}
