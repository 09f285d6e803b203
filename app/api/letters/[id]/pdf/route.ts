import { staffRoute } from "@/lib/auth/staff-route";
import { db } from "@/lib/db";
import { loadPrintedLetter } from "@/lib/letters/load-printed-letter";
import { streamLetters, streamToBuffer } from "@/lib/letters/stream-letters";

export const dynamic = "force-dynamic";

/**
 * One letter exactly as it was printed (its frozen content). `?copy=1` prints it again for
 * the patron, marked as a copy of the letter of that day. Desk role and up.
 */
export const GET = staffRoute<{ id: string }>("desk", async (request, { library, params }) => {
  if (!/^\d{1,9}$/.test(params.id)) return new Response("No such letter", { status: 404 });
  const letter = await loadPrintedLetter(db, {
    libraryId: library.id,
    letterId: Number(params.id),
    timeZone: library.timeZone,
  });
  if (!letter) return new Response("No such letter", { status: 404 });
  const copy = new URL(request.url).searchParams.get("copy") === "1" && letter.printedOn;
  const { stream } = streamLetters([[{ ...letter.content, copyOf: copy ? { printedOn: copy } : null }]], {
    title: `${letter.content.stage.label} ${letter.content.reference}`,
  });
  const pdf = await streamToBuffer(stream);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="letter-${letter.id}${copy ? "-copy" : ""}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
});
