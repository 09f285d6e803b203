import { tmpdir } from "node:os";
import path from "node:path";

/** The signed links e2e/self-service-data.ts made, for e2e/self-service.spec.ts. */
export type SelfServiceLinks = Record<
  "nl" | "fr" | "en",
  { firstName: string; renewAll: string; renewItem: string; preferences: string; unsubscribe: string }
> & { expired: string; forged: string };

export function selfServiceLinksFile(port: string): string {
  return path.join(tmpdir(), `rappel-e2e-${port}-self-service-links.json`);
}
