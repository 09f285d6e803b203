"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { staffAction } from "@/lib/auth/staff-action";
import { saveLetterPostage } from "@/lib/settings/letter-postage";

/** The postage per ordinary and registered letter, recorded on each letter when batched. */
export const savePostageAction = staffAction({
  name: "saveLetterPostage",
  role: "librarian",
  schema: z.object({ letterPostage: z.string(), registeredPostage: z.string() }),
  revalidate: ["/settings", "/letters"],
  async run({ tx, library, input, audit }) {
    const change = await saveLetterPostage(tx, { libraryId: library.id, ...input });
    if (change) await audit(change);
  },
  async onSuccess() {
    return { message: (await getTranslations("settings.postage"))("saved") };
  },
});
