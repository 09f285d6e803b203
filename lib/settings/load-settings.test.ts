import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestLibrary } from "@/test/test-fixtures";
import { loadLibrarySettings, loadPatronSettings } from "./load-settings";
import { resolveStageSettings } from "./resolve-stage-settings";

const db = useTestDb();

beforeEach(() => resetDatabase(db));

describe("loading settings from the database", () => {
  it("shows a patron's effective settings with the level, branch, person and time of each change", async () => {
    const t = await createTestLibrary(db, { branches: [{ name: "Meulebeke" }, { name: "Tielt" }] });
    const [meulebeke] = t.branches;
    const librarian = await db.staffUser.create({
      data: { email: "bib@example.be", name: "Bibliothecaris", passwordHash: "x", role: "librarian" },
    });
    const override = await t.overrideBranch(meulebeke, "overdue-2", { channel: "letter" }, librarian.id);
    const patron = await t.patron({ channelPreference: "letter", noticesPausedUntil: "2026-08-31" });
    await t.overridePatron(patron, "overdue-1", { enabled: false });

    const settings = await loadLibrarySettings(db, t.library.id);
    const resolved = resolveStageSettings(settings, {
      branchId: meulebeke.id,
      patron: await loadPatronSettings(db, patron.id),
    });
    const overdue2 = resolved.stages.find((s) => s.key === "overdue-2")!;
    expect(overdue2.fields.channel).toEqual({
      value: "letter",
      level: "branch",
      branchId: meulebeke.id,
      branchName: "Meulebeke",
      updatedAt: override.updatedAt,
      updatedById: librarian.id,
      inherited: { value: "email", level: "system" },
    });
    expect(resolved.stages.find((s) => s.key === "overdue-1")!.fields.enabled).toMatchObject({
      value: false,
      level: "patron",
    });
    expect(resolved.patron?.noticesPausedUntil).toMatchObject({ value: "2026-08-31", level: "patron" });
    expect(settings.stages.map((s) => s.key)).toEqual([
      "pre-due",
      "overdue-1",
      "overdue-2",
      "overdue-3",
      "overdue-4",
    ]);
    expect(settings.stages[0].labels).toEqual({ nl: "Herinnering", fr: "Rappel", en: "Reminder" });
  });
});
