import { tmpdir } from "node:os";
import path from "node:path";

/** The patron of e2e/self-service-settings.spec.ts (made by self-service-settings-data.ts). */
export const SETTINGS_PATRON = {
  id: 990_701,
  firstName: "Dirk",
  lastName: "Instellingen",
  branchCode: "ING",
};

/** What e2e/self-service-settings-data.ts made, for the spec: it cannot import server modules. */
export type SelfServiceSettingsLinks = { renewItem: string; letterNoticeId: number; branchId: number };

export function selfServiceSettingsLinksFile(port: string): string {
  return path.join(tmpdir(), `rappel-e2e-${port}-self-service-settings.json`);
}
