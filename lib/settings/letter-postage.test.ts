import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestLibrary } from "@/test/test-fixtures";
import { loadLetterPostage, saveLetterPostage } from "./letter-postage";

const db = useTestDb();
beforeEach(() => resetDatabase(db));

describe("saveLetterPostage", () => {
  it("saves euros typed with a comma or a point as cents, for this library only", async () => {
    const t = await createTestLibrary(db);
    const other = await createTestLibrary(db, { code: "O" });
    const result = await db.$transaction((tx) =>
      saveLetterPostage(tx, { libraryId: t.library.id, letterPostage: "1,95", registeredPostage: "8.50" }),
    );
    expect(result).toEqual({
      action: "library.postage",
      entityType: "Library",
      entityId: t.library.id,
      before: { letterPostageCents: 0, registeredPostageCents: 0 },
      after: { letterPostageCents: 195, registeredPostageCents: 850 },
    });
    expect(await loadLetterPostage(db, t.library.id)).toEqual({
      letterPostageCents: 195,
      registeredPostageCents: 850,
    });
    expect(await loadLetterPostage(db, other.library.id)).toEqual({
      letterPostageCents: 0,
      registeredPostageCents: 0,
    });
  });

  it("refuses both bad amounts at once and writes nothing", async () => {
    const t = await createTestLibrary(db);
    const result = db.$transaction((tx) =>
      saveLetterPostage(tx, { libraryId: t.library.id, letterPostage: "twee", registeredPostage: "-8,50" }),
    );
    await expect(result).rejects.toMatchObject({
      problems: [
        { code: "settings.invalidAmount", field: "letterPostage" },
        { code: "settings.amountOutOfRange", field: "registeredPostage", values: { min: 0, max: 50 } },
      ],
    });
    await expect(
      db.$transaction((tx) =>
        saveLetterPostage(tx, { libraryId: t.library.id, letterPostage: "50,01", registeredPostage: "" }),
      ),
    ).rejects.toMatchObject({
      problems: [{ code: "settings.amountOutOfRange" }, { code: "settings.invalidAmount" }],
    });
    expect(await loadLetterPostage(db, t.library.id)).toEqual({
      letterPostageCents: 0,
      registeredPostageCents: 0,
    });
  });
});
