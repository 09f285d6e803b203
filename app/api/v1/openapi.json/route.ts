import { openApiDocument } from "@/lib/import/openapi-document";

/** The API's description, public like any API reference (it holds no data). */
export function GET(request: Request) {
  return Response.json(openApiDocument(new URL(request.url).origin), {
    headers: { "Cache-Control": "public, max-age=300" },
  });
}
