import { loadPreview } from "@/app/(staff)/templates/preview-data";
import { getStaffSession } from "@/lib/auth/get-staff-session";
import { roleAtLeast } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { staffLibrary } from "@/lib/library/current-library";
import { renderLetterPdf } from "@/lib/rendering";

export const dynamic = "force-dynamic";

/** The preview's letter as a PDF: the same stage, language, branch and patron as the page. */
export async function GET(request: Request): Promise<Response> {
  const staff = await getStaffSession();
  if (!staff) return new Response("Not signed in", { status: 401 });
  if (staff.mustChangePassword || !roleAtLeast(staff.role, "librarian")) {
    return new Response("Forbidden", { status: 403 });
  }
  const libraryId = (await staffLibrary(db, staff))?.id;
  const params = new URL(request.url).searchParams;
  const preview = libraryId
    ? await loadPreview(db, libraryId, {
        stage: params.get("stage") ?? undefined,
        lang: params.get("lang") ?? undefined,
        branch: params.get("branch") ?? undefined,
        card: params.get("card") ?? undefined,
      })
    : null;
  if (!preview) return new Response("No notice stages", { status: 404 });
  const pdf = await renderLetterPdf(preview.input, { title: `Preview ${preview.stage.label}` });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="letter-preview-${preview.stage.id}-${preview.language}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
