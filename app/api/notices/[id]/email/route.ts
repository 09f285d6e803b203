import { staffRoute } from "@/lib/auth/staff-route";
import { db } from "@/lib/db";
import { loadStoredNotice } from "@/lib/letters/stored-notice";
import { renderNotice } from "@/lib/rendering/render-email";

export const dynamic = "force-dynamic";

/**
 * The email of a stored notice as sent (its stored HTML), for a sandboxed iframe at the desk.
 * The CSP lets it show its own inline styles and this site's images, nothing else: no remote
 * image (a tracking pixel or a logo elsewhere never loads), no script, no form, no framing by
 * another site. Older demo history keeps only the content: its email is
 * rendered from that content, which holds the wording as it was. Desk role and up; a notice
 * of another library is not found.
 */
export const GET = staffRoute<{ id: string }>("desk", async (_request, { library, params }) => {
  const notice = await loadStoredNotice(db, library.id, params.id);
  if (!notice) return new Response("No such notice", { status: 404 });
  if (notice.channel !== "email") return new Response("This notice is a letter", { status: 404 });
  const html = notice.html ?? (notice.content ? (await renderNotice(notice.content)).html : null);
  if (!html) return new Response("This notice has not been rendered yet", { status: 404 });
  return new Response(html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy":
        "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; font-src data:; frame-ancestors 'self'; sandbox",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "private, no-store",
    },
  });
});
