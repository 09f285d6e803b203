import "server-only";
import { type LocalDate, toDbDate } from "@/lib/dates";
import type { Db, DbTx } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SendRunTrigger } from "@/lib/generated/prisma/enums";

export type StartSendRunInput = {
  libraryId: number;
  date: LocalDate;
  trigger: SendRunTrigger;
  startedById?: number | null;
  /** the public site the emails' links point to */
  baseUrl: string;
};

export type StartSendRunResult = {
  runId: number;
  /** false: a run for this library and day was already working; that one goes on, no second starts */
  started: boolean;
};

/** The key of "the one working run of a library and day". */
export const activeSlotOf = (libraryId: number, date: LocalDate) => `${libraryId}:${date}`;

/**
 * Records a send run for a library-local day, to be prepared and delivered by a worker. One
 * run per library and day works at a time: a second start (a double click, the schedule while
 * a librarian's run works, two workers) finds the first by its unique `activeSlot` and starts
 * nothing. Call it inside the caller's transaction; enqueue the run after the commit
 * (`nudgeSendRun`), the workers' sweep finds it anyway.
 */
export async function startSendRun(tx: DbTx | Db, input: StartSendRunInput): Promise<StartSendRunResult> {
  const activeSlot = activeSlotOf(input.libraryId, input.date);
  // INSERT ... ON CONFLICT: a unique violation would abort the caller's transaction.
  const inserted = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "SendRun" ("libraryId", "planDate", status, trigger, "startedById", "activeSlot", "baseUrl")
    VALUES (${input.libraryId}, ${toDbDate(input.date)}::date, 'queued', ${input.trigger}::"SendRunTrigger",
            ${input.startedById ?? null}, ${activeSlot}, ${input.baseUrl})
    ON CONFLICT ("activeSlot") DO NOTHING
    RETURNING id`;
  if (inserted.length > 0) return { runId: inserted[0].id, started: true };
  const existing = await tx.sendRun.findUnique({ where: { activeSlot }, select: { id: true } });
  if (!existing)
    throw new Prisma.PrismaClientKnownRequestError("send run slot vanished", {
      code: "P2034",
      clientVersion: "",
    });
  return { runId: existing.id, started: false };
}
