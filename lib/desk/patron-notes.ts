import "server-only";
import type { DbTx } from "@/lib/db-client";
import type { PatronNoteInput } from "./desk-input";
import { type Audit, type DeskActor, lockPatron } from "./desk-scope";

/** A note on the patron's record, signed with the staff member's name (kept as text). */
export async function addPatronNote(
  tx: DbTx,
  audit: Audit,
  actor: DeskActor & { label: string },
  input: PatronNoteInput,
) {
  const patron = await lockPatron(tx, actor, input.patronId);
  const note = await tx.patronNote.create({
    data: { patronId: patron.id, authorId: actor.staffId, authorLabel: actor.label, body: input.body },
  });
  await audit({
    action: "patron.note.add",
    entityType: "PatronNote",
    entityId: note.id,
    patronId: patron.id,
    after: { body: note.body },
  });
  return note;
}
