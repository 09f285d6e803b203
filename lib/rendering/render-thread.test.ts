import { afterAll, beforeEach, expect, inject, test } from "vitest";
import { addDays, type LocalDate } from "@/lib/dates";
import { planNotices } from "@/lib/planning/plan-notices";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestLibrary } from "@/test/test-fixtures";
import { renderPlannedNotices } from "./render-planned-notices";
import { startRenderThread } from "./render-thread";

const db = useTestDb();
const today: LocalDate = "2026-03-10";
const baseUrl = "https://rappel.example.be";
const now = new Date("2026-03-10T06:00:00Z");
// the embedded database takes one connection: no thread beside the tests' own
const thread = inject("embeddedDatabase") ? null : startRenderThread(inject("databaseUrl"));
afterAll(() => thread?.close());

beforeEach(() => resetDatabase(db));

test.skipIf(thread === null)(
  "the render thread stores the very emails rendering in this thread stores",
  async () => {
    const t = await createTestLibrary(db);
    for (const language of ["nl", "fr", "en"] as const) {
      const patron = await t.patron({ language });
      await t.loan(patron, { dueDate: addDays(today, -7) });
      await t.loan(patron, { dueDate: addDays(today, -7) });
    }
    await planNotices(db, { libraryId: t.library.id, date: today });
    const stored = () =>
      db.notice.findMany({
        orderBy: { id: "asc" },
        select: { id: true, subject: true, html: true, text: true, content: true },
      });

    const result = await thread!.render({ libraryId: t.library.id, baseUrl, now });
    expect(result).toMatchObject({ rendered: 3, emails: 3, letters: 0, warnings: [] });
    const threaded = await stored();
    expect(threaded.every((n) => n.html?.includes("<html") && n.text && n.subject)).toBe(true);

    await db.notice.updateMany({ data: { renderedAt: null, subject: null, html: null, text: null } });
    await renderPlannedNotices(db, { libraryId: t.library.id, baseUrl, now });
    expect(await stored()).toEqual(threaded);
  },
);

test.skipIf(thread === null)(
  "an error in the render thread comes back with its name and code, as the database gave it",
  async () => {
    const error = await thread!.render({ libraryId: 999_999, baseUrl }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "PrismaClientKnownRequestError", code: "P2025" });
  },
);

test.skipIf(thread === null)("a render after the thread was closed starts a new thread", async () => {
  const t = await createTestLibrary(db);
  await t.loan(await t.patron({ language: "fr" }), { dueDate: addDays(today, -7) });
  await planNotices(db, { libraryId: t.library.id, date: today });
  await thread!.close();
  const result = await thread!.render({ libraryId: t.library.id, baseUrl, now });
  expect(result).toMatchObject({ rendered: 1, emails: 1 });
});
