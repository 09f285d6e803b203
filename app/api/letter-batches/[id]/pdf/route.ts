import { Readable } from "node:stream";
import { staffRoute } from "@/lib/auth/staff-route";
import { db } from "@/lib/db";
import { streamBatchPdf } from "@/lib/letters/render-batch-pdf";

export const dynamic = "force-dynamic";

/**
 * A letter batch as one PDF, streamed while it is made (a batch of thousands never sits in
 * memory). When the last byte is out the batch may be marked printed; a PDF that fails
 * breaks the download and is recorded on the batch, which then stays unprinted.
 */
export const GET = staffRoute<{ id: string }>("librarian", async (_request, { library, params }) => {
  if (!/^\d{1,9}$/.test(params.id)) return new Response("No such batch", { status: 404 });
  const batchId = Number(params.id);
  const made = await streamBatchPdf(db, {
    libraryId: library.id,
    batchId,
    title: `${library.name} ${batchId}`,
  });
  if (!made) return new Response("No such batch", { status: 404 });
  made.done.catch((error: unknown) => console.error(`Letter batch ${batchId}: PDF failed`, error));
  return new Response(Readable.toWeb(made.stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="letters-${batchId}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
});
