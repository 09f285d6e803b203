import type { Db } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import { countDemoLibrary, type DemoLibraryCounts } from "./count-demo-library";
import { DEMO_LIBRARY_CODE } from "./demo-scales";
import { type GenerateDemoLibraryOptions, generateDemoLibrary } from "./generate-demo-library";

/**
 * Generates the demo library unless a library with its code is already there (a second
 * `npm run demo` reuses the database as it is).
 */
export async function ensureDemoLibrary(
  db: Db,
  options: GenerateDemoLibraryOptions,
): Promise<{ created: boolean; libraryId: number; counts: DemoLibraryCounts }> {
  const code = options.libraryCode ?? DEMO_LIBRARY_CODE;
  const existing = await db.library.findUnique({ where: { code }, select: { id: true } });
  if (existing)
    return { created: false, libraryId: existing.id, counts: await countDemoLibrary(db, existing.id) };
  try {
    return { created: true, ...(await generateDemoLibrary(db, { ...options, libraryCode: code })) };
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
