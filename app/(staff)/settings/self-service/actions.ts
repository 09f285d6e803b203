"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { staffAction } from "@/lib/auth/staff-action";
import { publicBaseUrl } from "@/lib/rendering/public-base-url";
import { saveBranchRenewalLimits } from "@/lib/settings/renewal-limits";
import { saveSelfServiceSettings } from "@/lib/settings/self-service-settings";

const PATHS = ["/settings/self-service"];

/** The public base URL of the patrons' links and how many days they work. */
export const saveSelfServiceSettingsAction = staffAction({
  name: "saveSelfServiceSettings",
  role: "librarian",
  schema: z.object({
    publicBaseUrl: z.string(),
    linkValidityDays: z.string(),
    sameAsDashboard: z.preprocess((value) => value === "on", z.boolean()),
  }),
  revalidate: PATHS,
  async run({ tx, library, input, audit }) {
    const change = await saveSelfServiceSettings(tx, {
      libraryId: library.id,
      ...input,
      // the address staff opened the dashboard at: patrons' links should not point there by accident
      dashboardOrigin: await publicBaseUrl(),
    });
    if (change) await audit(change);
  },
  async onSuccess() {
    return { message: (await getTranslations("settings.selfService"))("saved") };
  },
});

/** One branch's renewal limits (the renewal rule of lib/loans reads them for the loans it lent). */
export const saveRenewalLimitsAction = staffAction({
  name: "saveRenewalLimits",
  role: "librarian",
  schema: z.object({
    branchId: z.coerce.number().int(),
    renewalMaxCount: z.string(),
    renewalPeriodDays: z.string(),
    renewalMaxFees: z.string(),
    renewalMaxOverdueDays: z.string(),
  }),
  revalidate: PATHS,
  async run({ tx, library, input: { branchId, ...form }, audit }) {
    const change = await saveBranchRenewalLimits(tx, { libraryId: library.id, branchId, form });
    if (change) await audit(change);
  },
  async onSuccess() {
    return { message: (await getTranslations("settings.renewalLimits"))("saved") };
  },
});
