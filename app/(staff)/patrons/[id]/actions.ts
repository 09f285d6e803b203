"use server";

import { getFormatter, getTranslations } from "next-intl/server";
import { staffAction } from "@/lib/auth/staff-action";
import { correctPatronAddress } from "@/lib/desk/correct-contact";
import { ZCorrectAddress, ZPatronNote, ZRenewLoan } from "@/lib/desk/desk-input";
import type { DeskActor } from "@/lib/desk/desk-scope";
import { addPatronNote } from "@/lib/desk/patron-notes";
import { renewLoan } from "@/lib/desk/renew-loan";
import { libraryToday, type StaffLibrary } from "@/lib/library/current-library";

const patronPath = (patronId: number) => `/patrons/${patronId}`;

const actorIn = (staff: { id: number }, library: StaffLibrary): DeskActor => ({
  staffId: staff.id,
  libraryId: library.id,
});

export type RenewState = { newDueDate: string };

export const correctAddressAction = staffAction({
  name: "correctPatronAddress",
  role: "desk",
  schema: ZCorrectAddress,
  async run({ tx, staff, library, input, audit }) {
    return correctPatronAddress(tx, audit, actorIn(staff, library), input);
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
  async run({ tx, staff, library, input, audit }) {
    return renewLoan(tx, audit, actorIn(staff, library), input, libraryToday(library));
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
  async run({ tx, staff, library, input, audit }) {
    return addPatronNote(tx, audit, { ...actorIn(staff, library), label: staff.name }, input);
  },
  revalidate: (_result, input) => [patronPath(input.patronId)],
  async onSuccess() {
    const t = await getTranslations("patron.notes");
    return { message: t("added") };
  },
});
