"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { staffAction } from "@/lib/auth/staff-action";
import { createResendClient } from "@/lib/delivery/create-resend-client";
import { dismissBounces, printBounceLetters, sendBouncedNoticesAgain } from "@/lib/feedback/act-on-bounces";
import { ZBouncePolicy } from "@/lib/feedback/bounce-policy";
import { saveBouncePolicy } from "@/lib/feedback/save-bounce-policy";
import { publicBaseUrl } from "@/lib/rendering/public-base-url";

const BOUNCES = "/bounces";

// One or more problems, from the row's hidden field or the checked boxes of the list.
const ZEventIds = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.coerce.number().int().positive()).min(1, { error: "required" }).max(500),
);

export type BounceActionState = { pdfUrls?: string[] };

export const dismissBouncesAction = staffAction<
  z.ZodObject<{ eventId: typeof ZEventIds; note: z.ZodString }>,
  { dismissed: number },
  BounceActionState
>({
  name: "dismissBounces",
  role: "librarian",
  schema: z.object({
    eventId: ZEventIds,
    note: z.string().trim().min(1, { error: "required" }).max(500, { error: "tooLong" }),
  }),
  async run({ tx, staff, library, input, audit }) {
    return dismissBounces(tx, audit, {
      libraryId: library.id,
      staffId: staff.id,
      eventIds: input.eventId,
      note: input.note,
    });
  },
  revalidate: [BOUNCES],
  async onSuccess(result) {
    const t = await getTranslations("bounces.actions");
    return { message: t("dismissed", { count: result.dismissed }) };
  },
});

export const printBounceLettersAction = staffAction<
  z.ZodObject<{ eventId: typeof ZEventIds }>,
  { noticeIds: number[] },
  BounceActionState
>({
  name: "printBounceLetters",
  role: "librarian",
  schema: z.object({ eventId: ZEventIds }),
  transactionTimeoutMs: 60_000,
  async run({ tx, staff, library, input, audit }) {
    return printBounceLetters(tx, audit, {
      libraryId: library.id,
      staffId: staff.id,
      eventIds: input.eventId,
      baseUrl: await publicBaseUrl(),
    });
  },
  revalidate: [BOUNCES],
  async onSuccess(result) {
    const t = await getTranslations("bounces.actions");
    return {
      message: t("printed", { count: result.noticeIds.length }),
      pdfUrls: result.noticeIds.map((id) => `/api/notices/${id}/letter`),
    };
  },
});

export const sendAgainAction = staffAction<
  z.ZodObject<{ eventId: typeof ZEventIds }>,
  { sent: number; addressStillDead: number; failed: number },
  BounceActionState
>({
  name: "sendBouncedNoticesAgain",
  role: "librarian",
  schema: z.object({ eventId: ZEventIds }),
  transactionTimeoutMs: 60_000,
  async run({ tx, staff, library, input, audit }) {
    const t = await getTranslations("bounces.actions");
    return sendBouncedNoticesAgain(tx, audit, {
      libraryId: library.id,
      staffId: staff.id,
      eventIds: input.eventId,
      client: createResendClient(),
      note: t("sentAgainNote"),
    });
  },
  revalidate: [BOUNCES],
  async onSuccess(result) {
    const t = await getTranslations("bounces.actions");
    const parts =
      result.sent > 0 || result.addressStillDead + result.failed === 0
        ? [t("sentAgain", { count: result.sent })]
        : [];
    if (result.addressStillDead > 0) parts.push(t("addressStillDead", { count: result.addressStillDead }));
    if (result.failed > 0) parts.push(t("sendFailed", { count: result.failed }));
    return { message: parts.join(" ") };
  },
});

export const saveBouncePolicyAction = staffAction({
  name: "saveBouncePolicy",
  role: "librarian",
  schema: ZBouncePolicy,
  async run({ tx, staff, library, input, audit }) {
    return saveBouncePolicy(tx, audit, { libraryId: library.id, staffId: staff.id, policy: input });
  },
  revalidate: ["/settings/bounces", BOUNCES],
  async onSuccess() {
    const t = await getTranslations("bounces.policy");
    return { message: t("saved") };
  },
});
