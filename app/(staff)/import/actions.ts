"use server";

import { getTranslations } from "next-intl/server";
import { staffAction } from "@/lib/auth/staff-action";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";
import { checkPickupFolder } from "@/lib/import/pickup-folder";
import { saveImportPickup, ZImportPickup } from "@/lib/import/save-import-pickup";

export const saveImportPickupAction = staffAction({
  name: "saveImportPickup",
  role: "librarian",
  schema: ZImportPickup,
  async run({ tx, library, input, audit }) {
    // a pickup that is switched on needs a folder the worker can read now
    if (input.enabled) {
      const checked = await checkPickupFolder(env.IMPORT_PICKUP_ROOT, input.folder);
      if (checked.problem)
        throw new DomainError(`importPickup.${checked.problem}`, {
          field: "folder",
          values: { folder: input.folder },
        });
    }
    return saveImportPickup(tx, audit, { libraryId: library.id, pickup: input });
  },
  revalidate: ["/import"],
  async onSuccess(result) {
    const t = await getTranslations("importPickup");
    return { message: result.enabled ? t("saved", { time: result.time }) : t("savedOff") };
  },
});
