import type { Db } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import { countDemoLibrary, type DemoLibraryCounts } from "./count-demo-library";
import { generateDemoHistory } from "./demo-history";
import { DEMO_LIBRARY_CODE } from "./demo-scales";
import { type GenerateDemoLibraryOptions, generateDemoLibrary } from "./generate-demo-library";

export type EnsureDemoLibraryOptions = GenerateDemoLibraryOptions & {
  /** where the stored history's emails link to (the demo dashboard); default http://localhost:3000 */
  baseUrl?: string;
  /** a year of simulated notice history (scripts/demo/demo-history.ts); default true */
  history?: boolean;
  /** days of history; default 365 */
  historyDays?: number;
};

/**
 * Generates the demo library, with a year of simulated notice history, unless a library
 * with its code is already there (a second `npm run demo` reuses the database as it is).
 */
export async function ensureDemoLibrary(
  db: Db,
  options: EnsureDemoLibraryOptions,
): Promise<{ created: boolean; libraryId: number; counts: DemoLibraryCounts }> {
  const code = options.libraryCode ?? DEMO_LIBRARY_CODE;
  const existing = await db.library.findUnique({ where: { code }, select: { id: true } });
  const history = async (libraryId: number) => {
    // The planner's plans need table statistics, and the embedded PGlite runs no autovacuum:
    // analysed here as an import does after its load.
    await db.$executeRawUnsafe(`ANALYZE "Patron", "Item", "Loan", "Branch"`);
    if (options.history === false) return;
    options.onProgress?.("simulating a year of notices");
    let month = "";
    await generateDemoHistory(db, {
      libraryId,
      today: options.today,
      days: options.historyDays,
      // one line a month, not one a day
      onProgress: (step) => {
        if (step.slice(-10, -3) === month) return;
        month = step.slice(-10, -3);
        options.onProgress?.(step);
      },
      seed: options.seed,
      baseUrl: options.baseUrl ?? "http://localhost:3000",
    });
  };
  if (existing) {
    // A start that stopped between the library and its history: the history is made now.
    if (options.history !== false && (await db.sendRun.count({ where: { libraryId: existing.id } })) === 0) {
      await history(existing.id);
    }
    return { created: false, libraryId: existing.id, counts: await countDemoLibrary(db, existing.id) };
  }
  try {
    const generated = await generateDemoLibrary(db, { ...options, libraryCode: code });
    await history(generated.libraryId);
    return { created: true, ...generated };
  } catch (error) {
    // Another process generated it in the meantime: its transaction won, ours rolled back.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const library = await db.library.findUnique({ where: { code }, select: { id: true } });
      if (library)
        return { created: false, libraryId: library.id, counts: await countDemoLibrary(db, library.id) };
    }
    throw error;
  }
}
