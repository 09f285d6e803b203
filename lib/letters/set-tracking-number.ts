import "server-only";
import type { DbTx } from "@/lib/db-client";
import { parseTrackingNumber } from "./tracking-number";

/**
 * Stores the tracking number of a registered letter in a batch of the library ("" clears it).
 * Refuses a number that is not a valid S10 tracking number.
 */
export async function setTrackingNumber(
  tx: DbTx,
  input: { libraryId: number; letterId: number; trackingNumber: string },
): Promise<
  | {
      ok: true;
      letterId: number;
      noticeId: number;
      patronId: number;
      before: string | null;
      after: string | null;
    }
  | { ok: false; error: "not_found" | "invalid" }
> {
  const letter = await tx.letter.findFirst({
    where: {
      id: input.letterId,
      registered: true,
      batchId: { not: null },
      notice: { libraryId: input.libraryId },
    },
    select: { id: true, trackingNumber: true, noticeId: true, notice: { select: { patronId: true } } },
  });
  if (!letter) return { ok: false, error: "not_found" };
  const trimmed = input.trackingNumber.trim();
  const value = trimmed === "" ? null : parseTrackingNumber(trimmed);
  if (trimmed !== "" && !value) return { ok: false, error: "invalid" };
  await tx.letter.update({ where: { id: letter.id }, data: { trackingNumber: value } });
  return {
    ok: true,
    letterId: letter.id,
    noticeId: letter.noticeId,
    patronId: letter.notice.patronId,
    before: letter.trackingNumber,
    after: value,
  };
}
