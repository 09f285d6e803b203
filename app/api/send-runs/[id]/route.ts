import { staffRoute } from "@/lib/auth/staff-route";
import { db } from "@/lib/db";
import { loadRunProgress } from "@/lib/sending/load-run-progress";

export const dynamic = "force-dynamic";

/** A send run's live progress for the Send runs page (polled while the run works). Librarian and up. */
export const GET = staffRoute<{ id: string }>("librarian", async (_request, { library, params }) => {
  const runId = Number(params.id);
  const progress = Number.isInteger(runId)
    ? await loadRunProgress(db, { libraryId: library.id, runId })
    : null;
  if (!progress) return Response.json({ error: "No such run." }, { status: 404 });
  return Response.json(progress, { headers: { "Cache-Control": "private, no-store" } });
});
