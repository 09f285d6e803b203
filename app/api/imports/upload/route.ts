import { recordAudit, staffActor } from "@/lib/audit/record-audit";
import { staffRoute } from "@/lib/auth/staff-route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { enqueueImport } from "@/lib/import/import-job";
import { queueImport } from "@/lib/import/queue-import";

export const dynamic = "force-dynamic";

const KINDS = ["patrons", "items", "loans", "returns"] as const;

/**
 * POST /api/imports/upload?kind=loans&name=export.csv&fullSync=1&maxShare=20 with the file as
 * the raw body: streamed to disk (a route, not a server action: an action's body is parsed in
 * memory and capped), queued as an ImportRun, and imported after the response is sent.
 * Librarian and up. Answers { id } or { error } (a key of messages "imports").
 */
export const POST = staffRoute("librarian", async (request, { staff, library }) => {
  const params = new URL(request.url).searchParams;
  const kind = KINDS.find((k) => k === params.get("kind"));
  const share = Number(params.get("maxShare") ?? "20");
  if (!kind || !request.body || !Number.isFinite(share) || share < 0 || share > 100) {
    return Response.json({ error: "chooseFile" }, { status: 400 });
  }
  const actor = staffActor(staff);
  const run = await queueImport(db, {
    libraryId: library.id,
    kind,
    fileName: params.get("name") ?? "import.csv",
    body: request.body,
    folder: env.IMPORT_DIR,
    actorLabel: staff.name,
    startedById: staff.id,
    fullSync: params.get("fullSync") === "1",
    maxCloseShare: share / 100,
  });
  await recordAudit(db, {
    libraryId: library.id,
    ...actor,
    action: "import.start",
    entityType: "ImportRun",
    entityId: run.id,
    after: { kind, fileName: run.fileName, fileBytes: Number(run.fileBytes), fullSync: run.fullSync },
  });
  // a job in the send runs' queue: a worker imports it, and resumes it after a crash
  await enqueueImport(run.id);
  return Response.json({ id: run.id }, { status: 202 });
});
