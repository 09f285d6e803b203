import "server-only";
import { z } from "zod";
import type { AuditChange } from "@/lib/audit/record-audit";
import type { DbTx } from "@/lib/db-client";

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
// a file name pattern: letters, digits, * ? . _ - and spaces, no folders
const pattern = z
  .string()
  .trim()
  .max(100, { error: "tooLong" })
  .regex(/^[\p{L}\p{N} *?._()-]*$/u, { error: "badPattern" });

/** The pickup form (Import page): the folder is checked on the server separately (pickup-folder.ts). */
export const ZImportPickup = z.object({
  enabled: checkbox,
  folder: z.string().trim().min(1, { error: "required" }).max(300, { error: "tooLong" }),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "badTime" }),
  patronsPattern: pattern,
  itemsPattern: pattern,
  loansPattern: pattern,
  returnsPattern: pattern,
  fullSync: checkbox,
});
export type ImportPickupInput = z.infer<typeof ZImportPickup>;

/** Import -> Scheduled pickup: the library's pickup settings, audited with before and after. */
export async function saveImportPickup(
  tx: DbTx,
  audit: (change: AuditChange) => Promise<void>,
  scope: { libraryId: number; pickup: ImportPickupInput },
): Promise<ImportPickupInput> {
  const before = await tx.importPickup.findUnique({
    where: { libraryId: scope.libraryId },
    select: {
      enabled: true,
      folder: true,
      time: true,
      patronsPattern: true,
      itemsPattern: true,
      loansPattern: true,
      returnsPattern: true,
      fullSync: true,
    },
  });
  await tx.importPickup.upsert({
    where: { libraryId: scope.libraryId },
    create: { libraryId: scope.libraryId, ...scope.pickup },
    // a new time or folder may be picked up again today
    update: { ...scope.pickup, lastDay: null, lastProblem: null },
  });
  await audit({
    action: "import-pickup.update",
    entityType: "ImportPickup",
    entityId: scope.libraryId,
    before,
    after: scope.pickup,
  });
  return scope.pickup;
}
