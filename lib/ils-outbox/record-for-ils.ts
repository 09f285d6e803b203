import "server-only";
import type { DbTx } from "@/lib/db-client";
import type { IlsOutboxKind, Prisma } from "@/lib/generated/prisma/client";

export type IlsOutboxSource = "desk" | "patron" | "feedback" | "notice";

export type IlsChange = {
  libraryId: number;
  kind: IlsOutboxKind;
  source: IlsOutboxSource;
  patronId?: number | null;
  loanId?: number | null;
  /** what the library system needs to apply it: its own ids and the new values */
  payload: Prisma.InputJsonObject;
  /** names a change that must be recorded once however often it is asked (a double click) */
  dedupeKey?: string | null;
  createdAt?: Date;
};

/**
 * Records a change for the library system, in the transaction of the change itself: the ILS
 * learns of every renewal, address change, dead address and fee made in Rappel exactly when
 * it happened (the import/API issue lets the ILS read them after a cursor).
 */
export async function recordForIls(tx: DbTx, change: IlsChange): Promise<void> {
  await tx.ilsOutboxEntry.create({
    data: {
      libraryId: change.libraryId,
      kind: change.kind,
      source: change.source,
      patronId: change.patronId ?? null,
      loanId: change.loanId ?? null,
      payload: change.payload,
      dedupeKey: change.dedupeKey ?? null,
      ...(change.createdAt ? { createdAt: change.createdAt } : {}),
    },
  });
}
