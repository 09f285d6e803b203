/**
 * The patrons the patron-settings spec changes, theirs alone (no other spec touches them):
 * fixed ids far above the demo's, so a test can open /patrons/<id>/settings directly.
 * Created by e2e/serve.ts; no Playwright imports here, serve.ts runs under plain tsx.
 */
import type { Db } from "../lib/db-client";

export const E2E_SETTINGS_PATRONS = {
  /** a working address: the desk sets letters, switches a stage off and back */
  main: {
    id: 990_201,
    cardNumber: "E2E-INST-1",
    firstName: "Zita",
    lastName: "Instelbaar",
    email: "zita@example.be",
  },
  /** a bounced address: choosing email is refused */
  bounced: {
    id: 990_202,
    cardNumber: "E2E-INST-2",
    firstName: "Bart",
    lastName: "Bouncer",
    email: "bart@example.be",
  },
} as const;

export async function createE2ePatronSettingsData(db: Db, libraryId: number): Promise<void> {
  const branch = await db.branch.findFirstOrThrow({ where: { libraryId }, orderBy: { id: "asc" } });
  for (const [key, patron] of Object.entries(E2E_SETTINGS_PATRONS)) {
    const bounced = key === "bounced";
    await db.patron.upsert({
      where: { id: patron.id },
      update: {},
      create: {
        ...patron,
        libraryId,
        homeBranchId: branch.id,
        emailStatus: bounced ? "bounced" : "ok",
        emailStatusAt: bounced ? new Date("2026-10-02T08:00:00Z") : null,
      },
    });
  }
}
