import "server-only";
import type { DbTx } from "@/lib/db-client";
import type { PatronFlagKind } from "@/lib/generated/prisma/client";

/**
 * Why an email problem is over:
 * - corrected: staff (or the patron) gave a new address;
 * - confirmed: the patron or staff confirmed the address is right;
 * - delivered: a later email to the same address arrived.
 */
export type ClearReason = "corrected" | "confirmed" | "delivered";

const ADDRESS_FLAGS: PatronFlagKind[] = ["email_bounced", "email_invalid"];
const ALL_EMAIL_FLAGS: PatronFlagKind[] = [...ADDRESS_FLAGS, "email_complained"];

/**
 * Ends a patron's email problem in the caller's transaction: the address counts as usable again
 * (ok after a delivery, unknown after a correction or confirmation), the soft-bounce count
 * restarts, and the open email flags are resolved (in a staff member's name when given).
 * A delivery does not lift a spam complaint: the patron asked for no more mail, only a person
 * can undo that. Returns the flags it resolved. Used by the feedback step, the desk's
 * correction (lib/desk/correct-contact.ts) and the patron's own confirmation (self-service).
 */
export async function clearEmailProblem(
  tx: DbTx,
  patronId: number,
  options: {
    reason: ClearReason;
    at?: Date;
    staffId?: number | null;
    /** the address's health afterwards, when the caller knows better (a patron who confirmed from a mail at it: ok) */
    emailStatus?: "ok" | "unknown";
  },
): Promise<{ id: number; kind: PatronFlagKind }[]> {
  const at = options.at ?? new Date();
  const kinds = options.reason === "delivered" ? ADDRESS_FLAGS : ALL_EMAIL_FLAGS;
  const open = await tx.patronFlag.findMany({
    where: { patronId, resolvedAt: null, kind: { in: kinds } },
    select: { id: true, kind: true },
    orderBy: { id: "asc" },
  });
  if (open.length > 0)
    await tx.patronFlag.updateMany({
      where: { id: { in: open.map((f) => f.id) } },
      data: { resolvedAt: at, resolvedById: options.staffId ?? null },
    });
  if (options.reason === "delivered") {
    // A complained address stays complained; anything else is proven to work.
    await tx.patron.updateMany({
      where: { id: patronId, emailStatus: { not: "complained" } },
      data: { emailStatus: "ok", emailStatusAt: at, softBounceCount: 0 },
    });
  } else {
    await tx.patron.update({
      where: { id: patronId },
      data: { emailStatus: options.emailStatus ?? "unknown", emailStatusAt: at, softBounceCount: 0 },
    });
  }
  return open;
}
