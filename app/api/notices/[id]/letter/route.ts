import { getStaffSession } from "@/lib/auth/get-staff-session";
import { db } from "@/lib/db";
import { renderLetterPdf } from "@/lib/letters/render-letters";
import { letterInputOf, loadStoredNotice } from "@/lib/letters/stored-notice";

export const dynamic = "force-dynamic";

/**
 * The letter of a stored notice as a PDF, printed from what the notice stored when it was
 * rendered (Notice.content): the same letter as first printed, whatever the wording is now.
 * Desk role and up; a notice of another library is not found.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const lookup = await loadStoredNotice(db, await getStaffSession(), (await params).id);
  if (!lookup.ok) return lookup.response;
  const input = letterInputOf(lookup.notice);
  if (!input) return new Response("This notice has not been rendered yet", { status: 404 });
  const pdf = await renderLetterPdf(input, { title: `${input.stage.label} ${input.reference}` });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="notice-${lookup.notice.id}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
