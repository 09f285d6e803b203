import { apiRoute } from "@/lib/api-tokens/api-route";
import { problem } from "@/lib/api-tokens/problem";
import { db } from "@/lib/db";
import { listOutboxAfter, MAX_OUTBOX_PAGE } from "@/lib/ils-outbox/list-outbox-after";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/outbox?after=<last id seen>&limit=<n>: renewals, email and address changes, dead
 * addresses and fees made in Rappel, oldest first, for the library system to apply. Read scope.
 */
export const GET = apiRoute("read", async (request, { library }) => {
  const params = new URL(request.url).searchParams;
  const after = params.get("after") ?? "0";
  const limit = params.get("limit") ?? "100";
  if (!/^\d{1,10}$/.test(after))
    return problem(400, "Bad Request", '"after" must be the id of the last entry you read (0 to start).');
  if (!/^\d{1,4}$/.test(limit) || Number(limit) < 1 || Number(limit) > MAX_OUTBOX_PAGE) {
    return problem(400, "Bad Request", `"limit" must be a number from 1 to ${MAX_OUTBOX_PAGE}.`);
  }
  const page = await listOutboxAfter(db, {
    libraryId: library.id,
    afterId: Number(after),
    limit: Number(limit),
  });
  return Response.json(page, { headers: { "Cache-Control": "no-store" } });
});
