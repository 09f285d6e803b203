import { staffRoute } from "@/lib/auth/staff-route";
import { db } from "@/lib/db";
import { getImportRun, importPercent, importState } from "@/lib/import/list-import-runs";

export const dynamic = "force-dynamic";

/** An import's progress for the progress bar (polled while it runs). Librarian and up. */
export const GET = staffRoute<{ id: string }>("librarian", async (_request, { library, params }) => {
  const id = Number(params.id);
  const run = Number.isInteger(id) ? await getImportRun(db, { libraryId: library.id, id }) : null;
  if (!run) return Response.json({ error: "Not found." }, { status: 404 });
  return Response.json(
    {
      id: run.id,
      state: importState(run),
      percent: importPercent(run),
      rowsRead: run.rowsRead,
      inserted: run.inserted,
      updated: run.updated,
      unchanged: run.unchanged,
      rejected: run.rejected,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
});
