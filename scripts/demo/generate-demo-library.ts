import { DEFAULT_TIME_ZONE, type LocalDate, parseLocalDate } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import type { DemoLibraryCounts } from "./count-demo-library";
import { createDemoBranches, DEMO_BRANCHES, DEMO_SITE } from "./create-demo-branches";
import { createDemoClock } from "./demo-clock";
import { buildDemoItems, insertDemoItems } from "./demo-items";
import { buildDemoLoans, insertDemoLoans } from "./demo-loans";
import { buildDemoPatrons, insertDemoPatrons } from "./demo-patrons";
import { DEMO_LIBRARY_CODE, DEMO_SCALES, DEMO_SEED, type DemoScale, ITEMS_PER_LOAN } from "./demo-scales";
import { createDemoNoticeStages } from "./notice-stages";

export type GenerateDemoLibraryOptions = {
  /** the library-local day the data is built around: due dates and history are relative to it */
  today: LocalDate;
  /** "demo": 3,000 patrons and 8,000 loans; "bench": 200,000 patrons and 1,000,000 loans */
  scale?: DemoScale;
  seed?: number;
  patrons?: number;
  loans?: number;
  /** default: 0.8 copies per loan */
  items?: number;
  libraryCode?: string;
  libraryName?: string;
  /** told about each step, for the scripts' progress output */
  onProgress?: (step: string) => void;
};

/**
 * Writes one library (branches and calendars, notice stages on three levels, patrons, items
 * and loans) in one transaction. The same seed and `today` give the same rows, ids included on
 * an empty database; another `today` moves only the dates.
 */
export async function generateDemoLibrary(
  db: Db,
  options: GenerateDemoLibraryOptions,
): Promise<{ libraryId: number; counts: DemoLibraryCounts }> {
  const today = parseLocalDate(options.today);
  const scale = DEMO_SCALES[options.scale ?? "demo"];
  const seed = options.seed ?? DEMO_SEED;
  const loanCount = options.loans ?? scale.loans;
  const progress = options.onProgress ?? (() => {});
  const clock = createDemoClock(today, DEFAULT_TIME_ZONE);

  // Everything is drawn before the transaction opens, so it stays open only to write.
  progress("drawing patrons, items and loans");
  const patrons = buildDemoPatrons({
    count: options.patrons ?? scale.patrons,
    seed,
    branches: DEMO_BRANCHES,
  });
  const items = buildDemoItems({ count: options.items ?? Math.ceil(loanCount * ITEMS_PER_LOAN), seed });
  const { loans, patronSettings } = buildDemoLoans({
    count: loanCount,
    itemCount: items.length,
    seed,
    patrons,
    branches: DEMO_BRANCHES,
    clock,
  });

  return db.$transaction(
    async (tx) => {
      const library = await tx.library.create({
        data: {
          code: options.libraryCode ?? DEMO_LIBRARY_CODE,
          name: options.libraryName ?? "Bibliotheek Leiedal",
          timeZone: DEFAULT_TIME_ZONE,
          website: DEMO_SITE,
          // bpost's 2026 rates for a business sender, near enough: a non-prior standard letter
          // and a registered letter with proof of posting (Settings -> Postage)
          letterPostageCents: 195,
          registeredPostageCents: 850,
        },
      });
      const { branches, closedDays } = await createDemoBranches(tx, library.id, today);
      const branchIds = branches.map((b) => b.id);
      const { stageIds, branchOverrides } = await createDemoNoticeStages(
        tx,
        library.id,
        Object.fromEntries(branches.map((b) => [b.ilsCode, b.id])),
      );

      progress(`writing ${patrons.length} patrons`);
      const { patronIds, flags } = await insertDemoPatrons(tx, library.id, branchIds, patrons, clock);
      await tx.patronStageSetting.createMany({
        data: patronSettings.map(({ patron, stage, ...setting }) => ({
          patronId: patronIds[patron],
          stageId: stageIds[stage],
          ...setting,
        })),
      });

      progress(`writing ${items.length} items`);
      const itemIds = await insertDemoItems(tx, library.id, items);

      progress(`writing ${loans.length} loans`);
      await insertDemoLoans(
        tx,
        { libraryId: library.id, patronIds, itemIds, branchIds },
        loans,
        clock,
        scale.chunkSize,
      );

      return {
        libraryId: library.id,
        counts: {
          branches: branches.length,
          closedDays,
          noticeStages: Object.keys(stageIds).length,
          branchStageSettings: branchOverrides,
          patronStageSettings: patronSettings.length,
          patrons: patrons.length,
          patronFlags: flags,
          items: items.length,
          loans: loans.length,
          openLoans: loans.filter((l) => l.returnDay === null).length,
        },
      };
    },
    // A bench-scale library is a million loans in one transaction: allow an hour per million.
    { maxWait: 60_000, timeout: Math.max(10 * 60_000, loanCount * 3.6) },
  );
}
