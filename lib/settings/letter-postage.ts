import "server-only";
import type { Db, DbTx } from "@/lib/db-client";
import { parseEuroCents } from "./euro-amount";
import type { SettingsProblem, SettingsResult } from "./settings-problem";

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
 * ("1,95" or "1.95"); both problems at once. Letters already in a batch keep their rate.
 */
export async function saveLetterPostage(
  tx: DbTx,
  input: { libraryId: number; letterPostage: string; registeredPostage: string },
): Promise<SettingsResult> {
  const problems: SettingsProblem[] = [];
  const cents = (field: "letterPostage" | "registeredPostage"): number => {
    const value = parseEuroCents(input[field]);
    const [min, max] = POSTAGE_RANGE_CENTS;
    if (value === null) problems.push({ code: "invalidAmount", field });
    else if (value < min || value > max)
      problems.push({ code: "amountOutOfRange", field, values: { min, max } });
    return value ?? 0;
  };
  const after: LetterPostage = {
    letterPostageCents: cents("letterPostage"),
    registeredPostageCents: cents("registeredPostage"),
  };
  if (problems.length) return { ok: false, problems };
  const before = await loadLetterPostage(tx, input.libraryId);
  if (
    before.letterPostageCents === after.letterPostageCents &&
    before.registeredPostageCents === after.registeredPostageCents
  )
    return { ok: true, change: null };
  await tx.library.update({ where: { id: input.libraryId }, data: after });
  return {
    ok: true,
    change: { action: "library.postage", entityType: "Library", entityId: input.libraryId, before, after },
  };
}
