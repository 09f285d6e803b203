import "server-only";
import { apiRoute } from "@/lib/api-tokens/api-route";
import { problem } from "@/lib/api-tokens/problem";
import { db } from "@/lib/db";
import type { ImportKind } from "@/lib/generated/prisma/client";
import { importBatch, MAX_BATCH_ROWS } from "./import-batch";

/** The largest request body a batch may have. */
export const MAX_BATCH_BYTES = 5 * 1024 * 1024;

/** Reads at most `limit` bytes of the body; null when it is longer (never buffers more). */
async function readLimited(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  return Buffer.concat(parts).toString("utf8");
}

/**
 * POST /api/v1/<kind>: `{ "rows": [ {...}, ... ] }` with the fields of docs/import.md. Answers
 * the counts and each refused row (its index in `rows`, field, reason). Write scope.
 */
export function batchRoute(kind: ImportKind) {
  return apiRoute("write", async (request, { library, token }) => {
    if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
      return problem(
        415,
        "Unsupported Media Type",
        "Send the batch as JSON with Content-Type: application/json.",
      );
    }
    const text = await readLimited(request, MAX_BATCH_BYTES);
    if (text === null) {
      return problem(
        413,
        "Content Too Large",
        `A batch may be at most ${MAX_BATCH_BYTES / 1024 / 1024} MB; send fewer rows per request.`,
        {
          maxBytes: MAX_BATCH_BYTES,
        },
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return problem(400, "Bad Request", "The body is not valid JSON.");
    }
    const rows = (body as { rows?: unknown } | null)?.rows;
    if (!Array.isArray(rows)) {
      return problem(
        400,
        "Bad Request",
        'The body must be an object with an array "rows": { "rows": [ { ... } ] }.',
      );
    }
    if (rows.length > MAX_BATCH_ROWS) {
      return problem(
        413,
        "Content Too Large",
        `A batch may hold at most ${MAX_BATCH_ROWS} rows; this one has ${rows.length}.`,
        {
          maxRows: MAX_BATCH_ROWS,
        },
      );
    }
    const result = await importBatch(db, {
      libraryId: library.id,
      timeZone: library.timeZone,
      kind,
      rows,
      apiToken: token,
    });
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  });
}
