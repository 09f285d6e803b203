import { batchRoute } from "@/lib/import/batch-route";

export const dynamic = "force-dynamic";

/** The library system sends returns in batches (docs/import.md, /api/v1/openapi.json). */
export const POST = batchRoute("returns");
