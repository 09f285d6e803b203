"use server";

import { getFormatter, getTranslations } from "next-intl/server";
import { ActionError } from "@/lib/auth/action-error";
import type { StaffTx } from "@/lib/auth/staff-action";
import { staffAction } from "@/lib/auth/staff-action";
import { correctPatronAddress, correctPatronEmail } from "@/lib/desk/correct-contact";
import { ZCorrectAddress, ZCorrectEmail, ZPatronNote, ZRenewLoan } from "@/lib/desk/desk-input";
import type { DeskActor } from "@/lib/desk/desk-scope";
import { addPatronNote } from "@/lib/desk/patron-notes";
import { renewLoan } from "@/lib/desk/renew-loan";
import { libraryToday, staffLibrary } from "@/lib/library/current-library";

const patronPath = (patronId: number) => `/patrons/${patronId}`;

async function actorIn(tx: StaffTx, staff: { id: number; libraryId: number | null }) {
  const library = await staffLibrary(tx, staff);
  if (!library) throw new ActionError("desk.patronNotFound");
  return { actor: { staffId: staff.id, libraryId: library.id } satisfies DeskActor, library };
}

export type RenewState = { newDueDate: string };

export const correctEmailAction = staffAction({
  name: "correctPatronEmail",
  role: "desk",
  schema: ZCorrectEmail,
  async run({ tx, staff, input, audit }) {
    const { actor } = await actorIn(tx, staff);
    return correctPatronEmail(tx, audit, actor, input);
  },
  revalidate: (_result, input) => [patronPath(input.patronId)],
  async onSuccess(result) {
    const t = await getTranslations("patron.contact");
    return { message: t("emailSaved", { email: result.email ?? "" }) };
  },
});

export const correctAddressAction = staffAction({
  name: "correctPatronAddress",
  role: "desk",
  schema: ZCorrectAddress,
  async run({ tx, staff, input, audit }) {
    const { actor } = await actorIn(tx, staff);
    return correctPatronAddress(tx, audit, actor, input);
  },
  revalidate: (_result, input) => [patronPath(input.patronId)],
  async onSuccess() {
    const t = await getTranslations("patron.contact");
    return { message: t("addressSaved") };
  },
});

export const renewLoanAction = staffAction<
  typeof ZRenewLoan,
  { patronId: number; newDueDate: string },
  RenewState
>({
  name: "renewLoan",
  role: "desk",
  schema: ZRenewLoan,
  async run({ tx, staff, input, audit }) {
    const { actor, library } = await actorIn(tx, staff);
    return renewLoan(tx, audit, actor, input, libraryToday(library));
  },
  revalidate: (result) => [patronPath(result.patronId)],
  async onSuccess(result) {
    const [t, format] = await Promise.all([getTranslations("patron.loans"), getFormatter()]);
    const date = format.dateTime(new Date(`${result.newDueDate}T12:00:00Z`), { dateStyle: "medium" });
    return { message: t("renewed", { date }), newDueDate: result.newDueDate };
  },
});

export const addNoteAction = staffAction({
  name: "addPatronNote",
  role: "desk",
  schema: ZPatronNote,
  async run({ tx, staff, input, audit }) {
    const { actor } = await actorIn(tx, staff);
    return addPatronNote(tx, audit, { ...actor, label: staff.name }, input);
  },
  revalidate: (_result, input) => [patronPath(input.patronId)],
  async onSuccess() {
    const t = await getTranslations("patron.notes");
    return { message: t("added") };
  },
});
