import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, useTestDb } from "@/test/db";
import { DEFAULT_NOTICE_TEXTS } from "./default-texts";
import { loadNoticeTextBook, NoticeTextValidationError, saveNoticeText } from "./notice-text-store";

const db = useTestDb();

async function setUp() {
  await resetDatabase(db);
  const library = await db.library.create({ data: { code: "LD", name: "Bibliotheek Leiedal" } });
  const branch = await db.branch.create({
    data: {
      libraryId: library.id,
      ilsCode: "MEU",
      name: "Meulebeke",
      street: "Stationsstraat 21",
      postalCode: "8760",
      city: "Meulebeke",
    },
  });
  const stage = await db.noticeStage.create({
    data: {
      libraryId: library.id,
      key: "overdue-1",
      position: 1,
      kind: "overdue",
      labels: { nl: "Eerste aanmaning", fr: "Premier rappel", en: "First overdue notice" },
      offsetDays: 7,
      channel: "email",
      fallback: "letter",
    },
  });
  const staff = await db.staffUser.create({
    data: {
      email: "an@leiedal.be",
      name: "An Declercq",
      passwordHash: "x",
      role: "librarian",
      libraryId: library.id,
    },
  });
  return { library, branch, stage, actor: { id: staff.id, label: staff.name } };
}

describe("notice wording storage", () => {
  let ctx: Awaited<ReturnType<typeof setUp>>;
  beforeEach(async () => {
    ctx = await setUp();
  });

  it("keeps system and branch wording apart, the branch winning field by field over the system and the default", async () => {
    const { library, branch, stage, actor } = ctx;
    await saveNoticeText(
      db,
      { stageId: stage.id, language: "nl", branchId: null },
      { subject: "Systeem: {stage.label}", opening: "Systeemtekst" },
      actor,
    );
    await saveNoticeText(
      db,
      { stageId: stage.id, language: "nl", branchId: branch.id },
      { subject: "Filiaal: {stage.label}", opening: "" },
      actor,
    );

    const book = await loadNoticeTextBook(db, library.id);
    const atBranch = book.resolve({
      stageId: stage.id,
      kind: "overdue",
      branchId: branch.id,
      language: "nl",
    });
    expect(atBranch).toMatchObject({ subject: "Filiaal: {stage.label}", opening: "Systeemtekst" });
    expect(atBranch.closing).toBe(DEFAULT_NOTICE_TEXTS.overdue.nl.closing);
    expect(atBranch.sources).toEqual({ subject: "branch", opening: "system", closing: "default" });

    const otherBranch = book.resolve({
      stageId: stage.id,
      kind: "overdue",
      branchId: branch.id + 1,
      language: "nl",
    });
    expect(otherBranch.subject).toBe("Systeem: {stage.label}");
    const french = book.resolve({ stageId: stage.id, kind: "overdue", branchId: branch.id, language: "fr" });
    expect(french.subject).toBe(DEFAULT_NOTICE_TEXTS.overdue.fr.subject);
  });

  it("updates in place: one row per stage, branch and language", async () => {
    const { branch, stage, actor } = ctx;
    const scope = { stageId: stage.id, language: "en" as const, branchId: branch.id };
    await saveNoticeText(db, scope, { subject: "One" }, actor);
    await saveNoticeText(db, scope, { subject: "Two" }, actor);
    const rows = await db.branchNoticeText.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ subject: "Two", opening: null, updatedById: actor.id });
  });

  it("refuses wording with an unknown placeholder and stores nothing", async () => {
    const { stage, actor } = ctx;
    const save = saveNoticeText(
      db,
      { stageId: stage.id, language: "nl", branchId: null },
      { subject: "Beste {patron.frstName}" },
      actor,
    );
    await expect(save).rejects.toThrow(NoticeTextValidationError);
    await expect(save).rejects.toThrow(
      "subject: Unknown placeholder {patron.frstName} at character 7 (did you mean {patron.firstName}?)",
    );
    expect(await db.noticeText.count()).toBe(0);
    expect(await db.auditEntry.count()).toBe(0);
  });

  it("records every change in the audit log with the text before and after", async () => {
    const { stage, actor } = ctx;
    const scope = { stageId: stage.id, language: "fr" as const, branchId: null };
    await saveNoticeText(db, scope, { closing: "Cordialement" }, actor);
    await saveNoticeText(db, scope, { closing: "Meilleures salutations" }, actor);
    const entries = await db.auditEntry.findMany({ orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.action, e.entityType, e.entityId, e.actorId, e.libraryId])).toEqual([
      ["notice-text.update", "NoticeText", `${stage.id}:fr`, actor.id, stage.libraryId],
      ["notice-text.update", "NoticeText", `${stage.id}:fr`, actor.id, stage.libraryId],
    ]);
    expect(entries[0].before).toBeNull();
    expect(entries[1].before).toEqual({ subject: null, opening: null, closing: "Cordialement" });
    expect(entries[1].after).toEqual({ subject: null, opening: null, closing: "Meilleures salutations" });
  });
});
