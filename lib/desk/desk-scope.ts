import "server-only";
import type { AuditChange } from "@/lib/audit/record-audit";
import type { DbTx } from "@/lib/db-client";
import { DomainError } from "@/lib/errors/domain-error";

export type Audit = (change: AuditChange) => Promise<void>;

/** Who is acting at the desk, and in which library: a patron of another library is not found. */
export type DeskActor = { staffId: number; libraryId: number };

/**
 * Locks the patron's row for the change (two desks correcting the same patron go one after
 * the other) and returns it; a patron of another library is "not found", like an unknown id.
 */
export async function lockPatron(tx: DbTx, actor: DeskActor, patronId: number) {
  await tx.$queryRaw`SELECT 1 FROM "Patron" WHERE "id" = ${patronId} AND "libraryId" = ${actor.libraryId} FOR UPDATE`;
  const patron = await tx.patron.findFirst({ where: { id: patronId, libraryId: actor.libraryId } });
  if (!patron) throw new DomainError("desk.patronNotFound");
  return patron;
}
