import "server-only";
import type { RawTx } from "./raw-tx";
import { copyValue } from "./stage-rows";

function* copyLines(ids: readonly string[]): Generator<string> {
  for (let start = 0; start < ids.length; start += 10_000)
    yield `${ids
      .slice(start, start + 10_000)
      .map(copyValue)
      .join("\n")}\n`;
}

export type FullSyncOutcome =
  | { closed: number; openBefore: number; refused: false }
  | { closed: 0; wouldClose: number; openBefore: number; refused: true };

/**
 * The "full sync" of a loans file: every open loan of the library missing from the file was
 * returned in the library system, so it is closed (returned now). Refused, closing nothing,
 * when that would close more than `maxShare` of the open loans: a truncated export must not
 * wipe a library. `seenLoanIds` are all the ILS loan ids of the file.
 */
export async function closeMissingLoans(
  tx: RawTx,
  scope: { libraryId: number },
  seenLoanIds: string[],
  maxShare: number,
): Promise<FullSyncOutcome> {
  await tx.$executeRawUnsafe(`CREATE TEMP TABLE import_seen (id text PRIMARY KEY) ON COMMIT DROP`);
  if (tx.copyIn) {
    // the ids are distinct (the import refuses a second row with one)
    await tx.copyIn("COPY import_seen FROM STDIN", copyLines(seenLoanIds));
  } else {
    for (let start = 0; start < seenLoanIds.length; start += 50_000) {
      await tx.$executeRawUnsafe(
        `INSERT INTO import_seen SELECT DISTINCT unnest($1::text[]) ON CONFLICT DO NOTHING`,
        seenLoanIds.slice(start, start + 50_000),
      );
    }
  }
  const [counts] = await tx.$queryRawUnsafe<{ open: number; missing: number }[]>(
    `SELECT count(*)::int AS open,
            count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM import_seen s WHERE s.id = l."ilsLoanId"))::int AS missing
     FROM "Loan" l WHERE l."libraryId" = $1 AND l."returnedAt" IS NULL`,
    scope.libraryId,
  );
  if (counts.missing > 0 && counts.missing > counts.open * maxShare) {
    return { closed: 0, wouldClose: counts.missing, openBefore: counts.open, refused: true };
  }
  const closed = await tx.$executeRawUnsafe(
    `UPDATE "Loan" l SET "returnedAt" = now()
     WHERE l."libraryId" = $1 AND l."returnedAt" IS NULL
       AND NOT EXISTS (SELECT 1 FROM import_seen s WHERE s.id = l."ilsLoanId")`,
    scope.libraryId,
  );
  return { closed, openBefore: counts.open, refused: false };
}
