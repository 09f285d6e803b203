import "server-only";
import type { DbTx } from "@/lib/db-client";
import { clearEmailProblem } from "@/lib/feedback/clear-email-problem";
import type { PatronFlagKind } from "@/lib/generated/prisma/client";
import { recordForIls } from "@/lib/ils-outbox/record-for-ils";
import type { CorrectAddressInput, CorrectEmailInput } from "./desk-input";
import { type Audit, type DeskActor, lockPatron } from "./desk-scope";

const POSTAL_FLAGS: PatronFlagKind[] = ["postal_returned"];

/** Closes the patron's open flags of these kinds in the name of the staff member. */
async function resolveFlags(tx: DbTx, actor: DeskActor, patronId: number, kinds: PatronFlagKind[]) {
  const open = await tx.patronFlag.findMany({
    where: { patronId, resolvedAt: null, kind: { in: kinds } },
    select: { id: true, kind: true },
    orderBy: { id: "asc" },
  });
  if (open.length > 0)
    await tx.patronFlag.updateMany({
      where: { id: { in: open.map((f) => f.id) } },
      data: { resolvedAt: new Date(), resolvedById: actor.staffId },
    });
  return open;
}

/**
 * A new (or confirmed) email address from the desk: its health starts again from "unknown"
 * with no soft bounces, and the open email flags are resolved, so the next notice tries email.
 */
export async function correctPatronEmail(tx: DbTx, audit: Audit, actor: DeskActor, input: CorrectEmailInput) {
  const before = await lockPatron(tx, actor, input.patronId);
  await tx.patron.update({ where: { id: before.id }, data: { email: input.email } });
  // The bounce feedback's own "problem over": the same rule whoever fixes the address.
  const resolved = await clearEmailProblem(tx, before.id, {
    reason: before.email?.toLowerCase() === input.email ? "confirmed" : "corrected",
    staffId: actor.staffId,
  });
  const after = await tx.patron.findUniqueOrThrow({ where: { id: before.id } });
  if (after.email !== before.email)
    await recordForIls(tx, {
      libraryId: actor.libraryId,
      kind: "email_change",
      source: "desk",
      patronId: before.id,
      payload: { cardNumber: before.cardNumber, email: after.email, previousEmail: before.email },
    });
  await audit({
    action: "patron.email.update",
    entityType: "Patron",
    entityId: before.id,
    patronId: before.id,
    before: { email: before.email, emailStatus: before.emailStatus, softBounceCount: before.softBounceCount },
    after: {
      email: after.email,
      emailStatus: after.emailStatus,
      softBounceCount: after.softBounceCount,
      resolvedFlags: resolved,
    },
  });
  return { email: after.email, resolvedFlags: resolved.length };
}

/** A corrected postal address; resolves "letter returned" flags. */
export async function correctPatronAddress(
  tx: DbTx,
  audit: Audit,
  actor: DeskActor,
  input: CorrectAddressInput,
) {
  const before = await lockPatron(tx, actor, input.patronId);
  const after = await tx.patron.update({
    where: { id: before.id },
    data: { street: input.street, postalCode: input.postalCode, city: input.city, country: input.country },
  });
  const resolved = await resolveFlags(tx, actor, before.id, POSTAL_FLAGS);
  const address = (p: typeof before) => ({
    street: p.street,
    postalCode: p.postalCode,
    city: p.city,
    country: p.country,
  });
  if (JSON.stringify(address(before)) !== JSON.stringify(address(after)))
    await recordForIls(tx, {
      libraryId: actor.libraryId,
      kind: "address_change",
      source: "desk",
      patronId: before.id,
      payload: { cardNumber: before.cardNumber, ...address(after) },
    });
  await audit({
    action: "patron.address.update",
    entityType: "Patron",
    entityId: before.id,
    patronId: before.id,
    before: address(before),
    after: { ...address(after), resolvedFlags: resolved },
  });
  return { resolvedFlags: resolved.length };
}
