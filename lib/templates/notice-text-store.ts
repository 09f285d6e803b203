import "server-only";
import { type Db, type DbTx, inTransaction } from "@/lib/db-client";
import type { Language, StageKind } from "@/lib/generated/prisma/enums";
import { type ResolvedWording, resolveWording, type WordingOverride } from "./resolve-wording";
import {
  type NoticeWording,
  validateWording,
  type WordingField,
  type WordingProblem,
} from "./validate-wording";

export type NoticeTextScope = {
  stageId: number;
  language: Language;
  /** null = the system level */
  branchId: number | null;
};

export type NoticeTextActor = { id: number | null; label: string };

export class NoticeTextValidationError extends Error {
  constructor(readonly problems: Partial<Record<WordingField, WordingProblem[]>>) {
    super(
      Object.entries(problems)
        .map(([field, list]) => `${field}: ${list.map((p) => p.message).join("; ")}`)
        .join("\n"),
    );
    this.name = "NoticeTextValidationError";
  }
}

const FIELDS = ["subject", "opening", "closing"] as const;

function normalize(fields: WordingOverride): Record<keyof NoticeWording, string | null> {
  const out = { subject: null, opening: null, closing: null } as Record<keyof NoticeWording, string | null>;
  for (const field of FIELDS) {
    const value = fields[field]?.replace(/\r\n?/g, "\n");
    out[field] = value?.trim() ? value : null;
  }
  return out;
}

/**
 * Saves one level of wording after validating it, and records who changed what in the audit
 * log, in one transaction (the caller's, when given one). Blank fields are stored as null: they inherit from the level above.
 */
export async function saveNoticeText(
  db: Db | DbTx,
  scope: NoticeTextScope,
  fields: WordingOverride,
  actor: NoticeTextActor,
): Promise<void> {
  const problems = validateWording(fields);
  if (Object.keys(problems).length > 0) throw new NoticeTextValidationError(problems);
  const values = { ...normalize(fields), updatedById: actor.id };
  const { stageId, language, branchId } = scope;

  await inTransaction(db, async (tx) => {
    let before: Record<keyof NoticeWording, string | null> | null;
    let entityType: string;
    let entityId: string;
    if (branchId === null) {
      const where = { stageId_language: { stageId, language } };
      const row = await tx.noticeText.findUnique({ where });
      before = row && { subject: row.subject, opening: row.opening, closing: row.closing };
      await tx.noticeText.upsert({ where, create: { stageId, language, ...values }, update: values });
      entityType = "NoticeText";
      entityId = `${stageId}:${language}`;
    } else {
      const where = { stageId_branchId_language: { stageId, branchId, language } };
      const row = await tx.branchNoticeText.findUnique({ where });
      before = row && { subject: row.subject, opening: row.opening, closing: row.closing };
      await tx.branchNoticeText.upsert({
        where,
        create: { stageId, branchId, language, ...values },
        update: values,
      });
      entityType = "BranchNoticeText";
      entityId = `${stageId}:${branchId}:${language}`;
    }
    // the entry belongs to the stage's library: that library's audit log shows it
    const { libraryId } = await tx.noticeStage.findUniqueOrThrow({
      where: { id: stageId },
      select: { libraryId: true },
    });
    await tx.auditEntry.create({
      data: {
        libraryId,
        actorId: actor.id,
        actorLabel: actor.label,
        action: "notice-text.update",
        entityType,
        entityId,
        before: before ?? undefined,
        after: normalize(fields),
      },
    });
  });
}

/** Every stored wording of a library, to resolve many notices without a query each. */
export type NoticeTextBook = {
  resolve(input: { stageId: number; kind: StageKind; branchId: number; language: Language }): ResolvedWording;
};

export async function loadNoticeTextBook(db: Db, libraryId: number): Promise<NoticeTextBook> {
  // One after the other: `db` may be a transaction, whose one connection runs one query at a time.
  const system = await db.noticeText.findMany({ where: { stage: { libraryId } } });
  const branch = await db.branchNoticeText.findMany({ where: { stage: { libraryId } } });
  const systemByKey = new Map(system.map((row) => [`${row.stageId}:${row.language}`, row]));
  const branchByKey = new Map(branch.map((row) => [`${row.stageId}:${row.branchId}:${row.language}`, row]));
  return {
    resolve: ({ stageId, kind, branchId, language }) =>
      resolveWording({
        kind,
        language,
        system: systemByKey.get(`${stageId}:${language}`),
        branch: branchByKey.get(`${stageId}:${branchId}:${language}`),
      }),
  };
}
