"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { staffAction } from "@/lib/auth/staff-action";
import { isLocalDate, type LocalDate } from "@/lib/dates";
import { DomainError, type ErrorCode } from "@/lib/errors/domain-error";
import { libraryToday } from "@/lib/library/current-library";
import { publicBaseUrl } from "@/lib/rendering/public-base-url";
import { pauseSendRun, resumeSendRun, sendNoticeAgain } from "@/lib/sending/change-send-run";
import { checkSendingConfigured } from "@/lib/sending/sender";
import { SendingError } from "@/lib/sending/sending-error";
import { startSendRun } from "@/lib/sending/start-send-run";
import { nudgeSendRun } from "@/lib/sending/worker";

const PATHS = ["/send-runs", "/"];

const ZDate = z
  .string()
  .trim()
  .refine((value) => isLocalDate(value), "invalidDate")
  .transform((value) => value as LocalDate);

/** The workers' sweep finds a new run within seconds anyway; this only saves those seconds. */
async function nudge(runId: number) {
  await nudgeSendRun(runId).catch(() => undefined);
}

export const startSendRunAction = staffAction<
  z.ZodObject<{ date: typeof ZDate }>,
  { runId: number; started: boolean },
  { runId: number }
>({
  name: "startSendRun",
  role: "librarian",
  schema: z.object({ date: ZDate }),
  revalidate: PATHS,
  run: async ({ tx, staff, library, input, audit }) => {
    const settings = await tx.library.findUniqueOrThrow({
      where: { id: library.id },
      select: { emailFrom: true, emailReplyTo: true },
    });
    try {
      checkSendingConfigured(settings);
    } catch (error) {
      if (error instanceof SendingError) throw new DomainError(`sending.${error.code}` as ErrorCode);
      throw error;
    }
    const run = await startSendRun(tx, {
      libraryId: library.id,
      date: input.date,
      trigger: "staff",
      startedById: staff.id,
      baseUrl: await publicBaseUrl(),
    });
    if (run.started) {
      await audit({
        action: "send-run.start",
        entityType: "SendRun",
        entityId: run.runId,
        after: { date: input.date },
      });
    }
    return run;
  },
  onSuccess: async (run) => {
    await nudge(run.runId);
    const t = await getTranslations("sendRuns");
    return { runId: run.runId, message: run.started ? t("started") : t("alreadyWorking") };
  },
  // away from the confirmation: the page now shows the run's progress
  redirectTo: () => "/send-runs",
});

const ZRun = z.object({ runId: z.coerce.number().int().positive() });

export const pauseSendRunAction = staffAction({
  name: "pauseSendRun",
  role: "librarian",
  schema: ZRun,
  revalidate: PATHS,
  run: async ({ tx, library, input, audit }) => {
    if (!(await pauseSendRun(tx, { libraryId: library.id, runId: input.runId })))
      throw new DomainError("nothingChanged");
    await audit({ action: "send-run.pause", entityType: "SendRun", entityId: input.runId });
  },
  onSuccess: async () => ({ message: (await getTranslations("sendRuns"))("pausedMessage") }),
});

export const resumeSendRunAction = staffAction({
  name: "resumeSendRun",
  role: "librarian",
  schema: ZRun,
  revalidate: PATHS,
  run: async ({ tx, library, input, audit }) => {
    if (!(await resumeSendRun(tx, { libraryId: library.id, runId: input.runId })))
      throw new DomainError("nothingChanged");
    await audit({ action: "send-run.resume", entityType: "SendRun", entityId: input.runId });
    return input.runId;
  },
  onSuccess: async (runId) => {
    await nudge(runId);
    return { message: (await getTranslations("sendRuns"))("resumedMessage") };
  },
});

export const sendNoticeAgainAction = staffAction({
  name: "sendNoticeAgain",
  role: "librarian",
  schema: z.object({ noticeId: z.coerce.number().int().positive() }),
  revalidate: PATHS,
  run: async ({ tx, staff, library, input, audit }) => {
    const run = await sendNoticeAgain(tx, {
      libraryId: library.id,
      noticeId: input.noticeId,
      date: libraryToday(library),
      startedById: staff.id,
      baseUrl: await publicBaseUrl(),
    });
    if (!run) throw new DomainError("nothingChanged");
    await audit({
      action: "notice.send-again",
      entityType: "Notice",
      entityId: input.noticeId,
      after: { runId: run.runId },
    });
    if (run.started) {
      await audit({ action: "send-run.start", entityType: "SendRun", entityId: run.runId });
    }
    return run;
  },
  onSuccess: async (run) => {
    await nudge(run.runId);
    return { message: (await getTranslations("sendRuns"))("sendAgainQueued") };
  },
});
