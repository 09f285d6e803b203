import { beforeEach, describe, expect, it } from "vitest";
import { fromDbDate } from "@/lib/dates";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestLibrary, type TestLibrary } from "@/test/test-fixtures";
import {
  loadPatronForSettings,
  PATRON_DEFAULTS,
  type PatronPersonValues,
  resetPatronField,
  savePatronSettings,
  stageFieldName,
} from "./patron-overrides";

const db = useTestDb();
const today = "2026-03-10";

beforeEach(() => resetDatabase(db));

function save(
  t: TestLibrary,
  patronId: number,
  person: Partial<PatronPersonValues>,
  stages: {
    stageId: number;
    enabled: boolean | null;
    channel: "email" | "letter" | "registered_letter" | null;
  }[] = [],
) {
  return db.$transaction((tx) =>
    savePatronSettings(tx, {
      libraryId: t.library.id,
      patronId,
      today,
      staffId: null,
      person: { ...PATRON_DEFAULTS, ...person },
      stages,
    }),
  );
}

describe("savePatronSettings", () => {
  it("saves a letter preference and a stage switched off, with one audit change each", async () => {
    const t = await createTestLibrary(db);
    const patron = await t.patron();
    const stage = t.stage("overdue-1");
    const result = await save(t, patron.id, { channelPreference: "letter" }, [
      { stageId: stage.id, enabled: false, channel: null },
    ]);
    expect(result).toMatchObject({
      ok: true,
      changes: [
        {
          action: "patron.settings.update",
          patronId: patron.id,
          before: { channelPreference: null },
          after: { channelPreference: "letter" },
        },
        { action: "patron.stage-override", patronId: patron.id, after: { enabled: false, channel: null } },
      ],
    });
    expect(await db.patron.findUniqueOrThrow({ where: { id: patron.id } })).toMatchObject({
      channelPreference: "letter",
    });
    expect(await db.patronStageSetting.findMany()).toMatchObject([
      { stageId: stage.id, patronId: patron.id, enabled: false, channel: null },
    ]);
  });

  it("an effective view shows the patron's own values and the branch's where the patron has none", async () => {
    const t = await createTestLibrary(db);
    const patron = await t.patron();
    await t.overrideBranch(t.branch, "overdue-2", { channel: "letter" });
    await save(t, patron.id, {}, [{ stageId: t.stage("overdue-1").id, enabled: false, channel: null }]);
    const loaded = await loadPatronForSettings(db, t.library.id, patron.id);
    const byKey = Object.fromEntries(loaded!.resolved.stages.map((s) => [s.key, s.fields]));
    expect(byKey["overdue-1"].enabled).toMatchObject({ value: false, level: "patron" });
    expect(byKey["overdue-2"].channel).toMatchObject({ value: "letter", level: "branch" });
    expect(byKey["overdue-3"].channel).toMatchObject({ value: "letter", level: "system" });
  });

  it("refuses every problem at once, each at its field, and writes nothing", async () => {
    const t = await createTestLibrary(db);
    const patron = await t.patron({
      emailStatus: "bounced",
      emailStatusAt: new Date("2026-02-01T10:00:00Z"),
    });
    const result = await save(
      t,
      patron.id,
      { channelPreference: "email", noticesPausedUntil: "2026-03-01" },
      [
        { stageId: t.stage("overdue-4").id, enabled: null, channel: "letter" },
        { stageId: t.stage("pre-due").id, enabled: null, channel: "letter" },
        { stageId: t.stage("overdue-2").id, enabled: null, channel: "email" },
      ],
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.field, p.code])).toEqual([
      ["channelPreference", "patronSettings.emailBounced"],
      ["noticesPausedUntil", "patronSettings.paused_in_past"],
      [stageFieldName(t.stage("overdue-4").id, "channel"), "patronSettings.channel_on_registered_stage"],
      [stageFieldName(t.stage("pre-due").id, "channel"), "patronSettings.letter_on_pre_due"],
      [stageFieldName(t.stage("overdue-2").id, "channel"), "patronSettings.emailBounced"],
    ]);
    expect(result.problems[0].values).toEqual({
      hasSince: "yes",
      since: Date.parse("2026-02-01T12:00:00Z"),
    });
    expect(await db.patronStageSetting.count()).toBe(0);
    expect((await db.patron.findUniqueOrThrow({ where: { id: patron.id } })).channelPreference).toBeNull();
  });

  it("refuses email for a patron without an address, and switching on a stage the branch has off", async () => {
    const t = await createTestLibrary(db);
    const patron = await t.patron({ email: null });
    await t.overrideBranch(t.branch, "overdue-2", { enabled: false });
    const result = await save(t, patron.id, { channelPreference: "email" }, [
      { stageId: t.stage("overdue-2").id, enabled: true, channel: null },
    ]);
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual([
      "patronSettings.emailNone",
      "patronSettings.cannot_enable_stage",
    ]);
  });

  it("a pause until a future day is saved as that library-local day", async () => {
    const t = await createTestLibrary(db);
    const patron = await t.patron();
    expect((await save(t, patron.id, { noticesPausedUntil: "2026-04-01" })).ok).toBe(true);
    const stored = await db.patron.findUniqueOrThrow({ where: { id: patron.id } });
    expect(fromDbDate(stored.noticesPausedUntil!)).toBe("2026-04-01");
  });

  it("saving the same values again changes nothing and audits nothing", async () => {
    const t = await createTestLibrary(db);
    const patron = await t.patron({ channelPreference: "letter" });
    expect(await save(t, patron.id, { channelPreference: "letter" })).toEqual({ ok: true, changes: [] });
  });
});

describe("resetPatronField", () => {
  it("puts a person field back to the default and a stage field back to inherited, deleting an empty override", async () => {
    const t = await createTestLibrary(db);
    const patron = await t.patron({ channelPreference: "letter" });
    const stage = t.stage("overdue-1");
    await t.overridePatron(patron, "overdue-1", { enabled: false });
    const reset = (field: string) =>
      db.$transaction((tx) =>
        resetPatronField(tx, { libraryId: t.library.id, patronId: patron.id, today, staffId: null, field }),
      );

    expect(await reset("channelPreference")).toMatchObject({
      ok: true,
      changes: [{ before: { channelPreference: "letter" }, after: { channelPreference: null } }],
    });
    expect(await reset(stageFieldName(stage.id, "enabled"))).toMatchObject({
      ok: true,
      changes: [{ action: "patron.stage-override", before: { enabled: false }, after: { enabled: null } }],
    });
    expect(await db.patronStageSetting.count()).toBe(0);
    expect((await db.patron.findUniqueOrThrow({ where: { id: patron.id } })).channelPreference).toBeNull();
  });

  it("a stored email preference whose address later bounced can still be reset", async () => {
    const t = await createTestLibrary(db);
    const patron = await t.patron({ channelPreference: "email", emailStatus: "bounced" });
    const result = await db.$transaction((tx) =>
      resetPatronField(tx, {
        libraryId: t.library.id,
        patronId: patron.id,
        today,
        staffId: null,
        field: "channelPreference",
      }),
    );
    expect(result.ok).toBe(true);
  });
});
