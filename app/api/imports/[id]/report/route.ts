import { getTranslations } from "next-intl/server";
import { staffRoute } from "@/lib/auth/staff-route";
import { db } from "@/lib/db";
import { getImportRun, listRejections } from "@/lib/import/list-import-runs";
import { toCsvLine } from "@/lib/import/to-csv-line";

export const dynamic = "force-dynamic";

/**
 * The refused rows of an import as a CSV file (line, column, reason in the reader's language,
 * value), streamed page by page: a file with a million bad rows never sits in memory.
 */
export const GET = staffRoute<{ id: string }>("librarian", async (_request, { library, params }) => {
  const id = Number(params.id);
  const run = Number.isInteger(id) ? await getImportRun(db, { libraryId: library.id, id }) : null;
  if (!run) return Response.json({ error: "Not found." }, { status: 404 });
  const t = await getTranslations("imports");
  const reason = (code: string) => (t.has(`reasons.${code}` as never) ? t(`reasons.${code}` as never) : code);
  const encoder = new TextEncoder();
  let afterId = 0;
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        const header = ["line", "column", "reason", "value"].map((k) => t(`reportHeader.${k}` as never));
        // the BOM makes Excel read the file as UTF-8
        controller.enqueue(encoder.encode(`\uFEFF${toCsvLine(header)}`));
        return;
      }
      const page = await listRejections(db, {
        libraryId: library.id,
        importRunId: run.id,
        afterId,
        take: 5_000,
      });
      if (page.length === 0) return controller.close();
      afterId = page[page.length - 1].id;
      controller.enqueue(
        encoder.encode(
          page
            .map((r) => toCsvLine([String(r.line), r.column ?? "", reason(r.reason), r.value ?? ""]))
            .join(""),
        ),
      );
    },
  });
  const name = `import-${run.id}-${run.kind}-refused.csv`;
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
