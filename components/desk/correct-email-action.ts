"use server";

import { getTranslations } from "next-intl/server";
import { staffAction } from "@/lib/auth/staff-action";
import { correctPatronEmail } from "@/lib/desk/correct-contact";
import { ZCorrectEmail } from "@/lib/desk/desk-input";

/**
 * The desk's audited correction of a patron's email (lib/desk/correct-contact.ts): from the
 * patron page and from a row of the Bounces list, which both show it at once.
 */
export const correctEmailAction = staffAction({
  name: "correctPatronEmail",
  role: "desk",
  schema: ZCorrectEmail,
  async run({ tx, staff, library, input, audit }) {
    return correctPatronEmail(tx, audit, { staffId: staff.id, libraryId: library.id }, input);
  },
  revalidate: (_result, input) => [`/patrons/${input.patronId}`, "/bounces"],
  async onSuccess(result) {
    const t = await getTranslations("patron.contact");
    return { message: t("emailSaved", { email: result.email ?? "" }) };
  },
});
