import { staffRoute } from "@/lib/auth/staff-route";
import { db } from "@/lib/db";
import { renderLetterPdf } from "@/lib/rendering";
import { loadPreview } from "@/lib/rendering/notice-preview";

export const dynamic = "force-dynamic";

/** The preview's letter as a PDF: the same stage, language, branch and patron as the page. */
export const GET = staffRoute("librarian", async (request, { library }) => {
  const params = new URL(request.url).searchParams;
  const preview = await loadPreview(db, library.id, {
    stage: params.get("stage") ?? undefined,
    lang: params.get("lang") ?? undefined,
    branch: params.get("branch") ?? undefined,
    card: params.get("card") ?? undefined,
  });
  if (!preview) return new Response("No notice stages", { status: 404 });
  const pdf = await renderLetterPdf(preview.input, { title: `Preview ${preview.stage.label}` });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="letter-preview-${preview.stage.id}-${preview.language}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
});
