import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db-client";
import { PATRON_ACTOR } from "./self-service-actor";
import type { VerifiedLink } from "./verify-link";

/**
 * Stops pre-due reminders for the patron of the link (RFC 8058 one-click, or the button on
 * the unsubscribe page). Doing it twice changes nothing the second time.
 */
export async function unsubscribeFromLink(db: Db, link: VerifiedLink): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.patron.updateMany({
      where: { id: link.patronId, libraryId: link.libraryId, preDueOptIn: true },
      data: { preDueOptIn: false },
    });
    if (count === 0) return { changed: false };
    await recordAudit(tx, {
      libraryId: link.libraryId,
      ...PATRON_ACTOR,
      action: "patron.reminders.unsubscribe",
      entityType: "Patron",
      entityId: link.patronId,
      patronId: link.patronId,
      before: { preDueOptIn: true },
      after: { preDueOptIn: false },
    });
    return { changed: true };
  });
}
