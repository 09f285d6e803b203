import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db, DbTx } from "@/lib/db-client";
import { clearEmailProblem } from "@/lib/feedback/clear-email-problem";
import { recordForIls } from "@/lib/ils-outbox/record-for-ils";
import { PATRON_ACTOR } from "./self-service-actor";
import type { VerifiedLink } from "./verify-link";

/**
 * Clears what marked the patron's old address as a problem, by the feedback step's own rule
 * (lib/feedback/clear-email-problem.ts): the address now works (the patron just read mail at it).
 */
export async function clearEmailProblemForPatron(tx: DbTx, patronId: number, now: Date): Promise<number> {
  const resolved = await clearEmailProblem(tx, patronId, { reason: "confirmed", at: now, emailStatus: "ok" });
  return resolved.length;
}

/**
 * The patron confirms the new address from the link mailed to it: only now does it replace
 * the old one, the bounce flags are cleared and the library system hears of it (outbox). A
 * second confirmation finds nothing waiting and changes nothing.
 */
export async function confirmEmailChange(
  db: Db,
  link: VerifiedLink,
  now: Date = new Date(),
): Promise<{ status: "confirmed" | "nothing_pending"; email: string | null }> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Patron" WHERE "id" = ${link.patronId} FOR UPDATE`;
    const patron = await tx.patron.findFirstOrThrow({
      where: { id: link.patronId, libraryId: link.libraryId },
      select: { cardNumber: true, email: true, emailStatus: true, pendingEmail: true, pendingEmailAt: true },
    });
    if (!patron.pendingEmail || !patron.pendingEmailAt) return { status: "nothing_pending", email: null };
    await tx.patron.update({
      where: { id: link.patronId },
      data: {
        email: patron.pendingEmail,
        emailStatus: "ok",
        emailStatusAt: now,
        softBounceCount: 0,
        // kept: it is what the used link was bound to, so a second click still verifies
        pendingEmail: null,
      },
    });
    const flagsCleared = await clearEmailProblemForPatron(tx, link.patronId, now);
    await recordForIls(tx, {
      libraryId: link.libraryId,
      kind: "email_change",
      source: "patron",
      patronId: link.patronId,
      dedupeKey: `email:${link.patronId}:${patron.pendingEmailAt.toISOString()}`,
      payload: { cardNumber: patron.cardNumber, email: patron.pendingEmail },
      createdAt: now,
    });
    await recordAudit(tx, {
      libraryId: link.libraryId,
      ...PATRON_ACTOR,
      action: "patron.email.update",
      entityType: "Patron",
      entityId: link.patronId,
      patronId: link.patronId,
      before: { email: patron.email, emailStatus: patron.emailStatus },
      after: { email: patron.pendingEmail, emailStatus: "ok", flagsCleared },
    });
    return { status: "confirmed", email: patron.pendingEmail };
  });
}
