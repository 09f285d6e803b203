import { staffRoute } from "@/lib/auth/staff-route";
import { db } from "@/lib/db";
import { renderLetterPdf } from "@/lib/letters/render-letters";
import { letterInputOf, loadStoredNotice } from "@/lib/letters/stored-notice";

export const dynamic = "force-dynamic";

/**
 * The letter of a stored notice as a PDF, printed from what the notice stored when it was
 * rendered (Notice.content): the same letter as first printed, whatever the wording is now.
 * Desk role and up; a notice of another library is not found.
 */
export const GET = staffRoute<{ id: string }>("desk", async (_request, { library, params }) => {
  const notice = await loadStoredNotice(db, library.id, params.id);
  if (!notice) return new Response("No such notice", { status: 404 });
  const input = letterInputOf(notice);
  if (!input) return new Response("This notice has not been rendered yet", { status: 404 });
  const pdf = await renderLetterPdf(input, { title: `${input.stage.label} ${input.reference}` });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="notice-${notice.id}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
});
