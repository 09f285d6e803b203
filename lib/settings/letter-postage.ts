import "server-only";
import type { Db, DbTx } from "@/lib/db-client";
import { type Problem, refuseIf } from "@/lib/errors/domain-error";
import { parseEuroCents } from "./euro-amount";
import { parseEuroField, type SettingsChange } from "./settings-problem";

/** What the post charges the library per letter (cents), recorded on each letter when it goes into a batch. */
export type LetterPostage = { letterPostageCents: number; registeredPostageCents: number };

/** € 0,00 (a library that posts nothing itself) to € 50,00: more is surely a typing error. */
export const POSTAGE_RANGE_CENTS = [0, 50_00] as const;

export async function loadLetterPostage(db: Db | DbTx, libraryId: number): Promise<LetterPostage> {
  return db.library.findUniqueOrThrow({
    where: { id: libraryId },
    select: { letterPostageCents: true, registeredPostageCents: true },
  });
}

/**
 * Checks and saves the postage of an ordinary and a registered letter, typed in euros
 * ("1,95" or "1.95"); refuses with both problems at once (a DomainError). Letters already in a batch keep their rate.
 */
export async function saveLetterPostage(
  tx: DbTx,
  input: { libraryId: number; letterPostage: string; registeredPostage: string },
): Promise<SettingsChange | null> {
  const problems: Problem[] = [];
  const cents = (field: "letterPostage" | "registeredPostage"): number => {
    const parsed = parseEuroField(parseEuroCents(input[field]), field, POSTAGE_RANGE_CENTS);
    if ("problem" in parsed) problems.push(parsed.problem);
    return "value" in parsed ? parsed.value : 0;
  };
  const after: LetterPostage = {
    letterPostageCents: cents("letterPostage"),
    registeredPostageCents: cents("registeredPostage"),
  };
  refuseIf(problems);
  const before = await loadLetterPostage(tx, input.libraryId);
  if (
    before.letterPostageCents === after.letterPostageCents &&
    before.registeredPostageCents === after.registeredPostageCents
  )
    return null;
  await tx.library.update({ where: { id: input.libraryId }, data: after });
  return { action: "library.postage", entityType: "Library", entityId: input.libraryId, before, after };
}
