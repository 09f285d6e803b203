"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { staffAction } from "@/lib/auth/staff-action";
import { isLocalDate } from "@/lib/dates";
import { DomainError } from "@/lib/errors/domain-error";
import { createLetterBatch } from "@/lib/letters/create-letter-batch";
import { markBatchPosted } from "@/lib/letters/mark-batch-posted";
import { markBatchPrinted } from "@/lib/letters/mark-batch-printed";
import { setTrackingNumber } from "@/lib/letters/set-tracking-number";
import { libraryToday } from "@/lib/library/current-library";
import { publicBaseUrl } from "@/lib/rendering/public-base-url";

const ids = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.coerce.number().int().positive()),
);

const ZCreateBatch = z.object({
  branchId: z.coerce.number().int().positive(),
  /** "all" = everything of the branch, ordinary and registered; "selected" = the ticked letters */
  scope: z.enum(["all", "selected"]),
  letterIds: ids,
});

type CreateBatchResult = {
  batches: number[];
  letters: number;
  dropped: number;
  problems: number;
  taken: number;
};

/**
 * Makes batches of a branch's waiting letters: ordinary and registered letters each in a
 * batch of their own. Every letter that went in, and every one that dropped out, is audited.
 */
export const createBatchAction = staffAction<typeof ZCreateBatch, CreateBatchResult>({
  name: "createLetterBatch",
  role: "librarian",
  schema: ZCreateBatch,
  transactionTimeoutMs: 120_000,
  revalidate: ["/letters"],
  async run({ tx, staff, library, input, audit }) {
    if (input.scope === "selected" && input.letterIds.length === 0) throw new DomainError("noLetters");
    const totals: CreateBatchResult = { batches: [], letters: 0, dropped: 0, problems: 0, taken: 0 };
    for (const registered of [false, true]) {
      const result = await createLetterBatch(tx, {
        libraryId: library.id,
        branchId: input.branchId,
        registered,
        letterIds: input.scope === "selected" ? input.letterIds : undefined,
        createdById: staff.id,
        today: libraryToday(library),
        baseUrl: await publicBaseUrl(),
      });
      for (const dropped of result.droppedOut) {
        await audit({
          action: "letter.drop-out",
          entityType: "Letter",
          entityId: dropped.letterId,
          patronId: dropped.patronId,
          after: { status: "cancelled", reason: "every item returned or renewed before printing" },
        });
      }
      if (result.batchId) {
        await audit({
          action: "letter-batch.create",
          entityType: "LetterBatch",
          entityId: result.batchId,
          after: { branchId: input.branchId, registered, letters: result.letters },
        });
        totals.batches.push(result.batchId);
      }
      totals.letters += result.letters;
      totals.dropped += result.droppedOut.length;
      totals.problems += result.problems;
    }
    if (input.scope === "selected") {
      totals.taken = Math.max(0, input.letterIds.length - totals.letters - totals.dropped - totals.problems);
    }
    return totals;
  },
  async onSuccess(result) {
    const t = await getTranslations("letters.messages");
    const parts = [
      result.batches.length === 0
        ? t("nothing")
        : result.batches.length === 1
          ? t("created", { count: result.letters })
          : t("createdMore", { batches: result.batches.length, count: result.letters }),
      result.dropped > 0 ? t("dropped", { count: result.dropped }) : null,
      result.problems > 0 ? t("problems", { count: result.problems }) : null,
      result.taken > 0 ? t("taken", { count: result.taken }) : null,
    ];
    return { message: parts.filter(Boolean).join(" ") };
  },
});

const ZBatch = z.object({ batchId: z.coerce.number().int().positive() });

/** Marks a batch printed: only once its PDF was produced completely. */
export const markPrintedAction = staffAction({
  name: "markLetterBatchPrinted",
  role: "librarian",
  schema: ZBatch,
  revalidate: ["/letters"],
  async run({ tx, library, input, audit }) {
    const result = await markBatchPrinted(tx, { libraryId: library.id, batchId: input.batchId });
    if (!result.ok) throw new DomainError(`letters.${result.error}`);
    await audit({
      action: "letter-batch.print",
      entityType: "LetterBatch",
      entityId: input.batchId,
      after: { status: "printed", letters: result.letters },
    });
    return result;
  },
  async onSuccess() {
    return { message: (await getTranslations("letters.messages"))("printed") };
  },
});

const ZPosted = ZBatch.extend({
  postedOn: z.string().refine(isLocalDate, { message: "invalidValue" }),
});

/** Marks a printed batch posted on the date staff give (today by default). */
export const markPostedAction = staffAction({
  name: "markLetterBatchPosted",
  role: "librarian",
  schema: ZPosted,
  revalidate: ["/letters"],
  async run({ tx, library, input, audit }) {
    const result = await markBatchPosted(tx, {
      libraryId: library.id,
      batchId: input.batchId,
      postedOn: input.postedOn,
    });
    if (!result.ok) throw new DomainError(`letters.${result.error}`);
    await audit({
      action: "letter-batch.post",
      entityType: "LetterBatch",
      entityId: input.batchId,
      after: { status: "posted", postedOn: input.postedOn, letters: result.letters },
    });
    return result;
  },
  async onSuccess() {
    return { message: (await getTranslations("letters.messages"))("posted") };
  },
});

const ZTracking = z.object({
  letterId: z.coerce.number().int().positive(),
  batchId: z.coerce.number().int().positive(),
  trackingNumber: z.string().max(40),
});

/** A registered letter's tracking number, typed or scanned. */
export const setTrackingAction = staffAction({
  name: "setLetterTrackingNumber",
  role: "librarian",
  schema: ZTracking,
  revalidate: (_result, input) => [`/letters/batches/${input.batchId}`],
  async run({ tx, library, input, audit }) {
    const result = await setTrackingNumber(tx, {
      libraryId: library.id,
      letterId: input.letterId,
      trackingNumber: input.trackingNumber,
    });
    if (!result.ok) throw new DomainError(`letters.${result.error}`, { field: "trackingNumber" });
    await audit({
      action: "letter.tracking-number",
      entityType: "Letter",
      entityId: result.letterId,
      patronId: result.patronId,
      before: { trackingNumber: result.before },
      after: { trackingNumber: result.after },
    });
    return result;
  },
  async onSuccess() {
    return { message: (await getTranslations("letters.messages"))("tracking") };
  },
});
