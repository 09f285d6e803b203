import "server-only";
import type { Db } from "@/lib/db-client";
import { loadQueuedLetters, type QueuedLetter } from "./queued-letters";

export type PrintQueueBranch = { id: number; name: string; ordinary: number; registered: number };

export type PrintQueue = {
  branches: PrintQueueBranch[];
  /** the chosen branch's letters, each "printable", "problem" or "settled" */
  letters: QueuedLetter[];
};

/**
 * The print queue of one library: per branch, how many ordinary and registered letters wait
 * (from letter stages and from email fallbacks alike), and for the chosen branch every
 * waiting letter with its patron, stage, items, fee and why it is a letter.
 */
export async function listPrintQueue(
  db: Db,
  options: { libraryId: number; branchId?: number | null },
): Promise<PrintQueue> {
  const [branches, counts] = await Promise.all([
    db.branch.findMany({
      where: { libraryId: options.libraryId },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.$queryRaw<{ branchId: number; registered: boolean; count: number }[]>`
      SELECT n."branchId", l.registered, count(*)::int AS count
      FROM "Letter" l JOIN "Notice" n ON n.id = l."noticeId"
      WHERE n."libraryId" = ${options.libraryId} AND n.status <> 'cancelled'
        AND l.status = 'queued' AND l."batchId" IS NULL AND l.reason <> 'desk'
      GROUP BY 1, 2`,
  ]);
  const countOf = (branchId: number, registered: boolean) =>
    counts.find((row) => row.branchId === branchId && row.registered === registered)?.count ?? 0;
  const letters =
    options.branchId && branches.some((branch) => branch.id === options.branchId)
      ? await loadQueuedLetters(db, { libraryId: options.libraryId, branchId: options.branchId })
      : [];
  return {
    branches: branches.map((branch) => ({
      ...branch,
      ordinary: countOf(branch.id, false),
      registered: countOf(branch.id, true),
    })),
    letters,
  };
}
