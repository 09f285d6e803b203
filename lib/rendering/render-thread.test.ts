import { existsSync, readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeEach, expect, inject, test } from "vitest";
import { addDays, type LocalDate } from "@/lib/dates";
import { planNotices } from "@/lib/planning/plan-notices";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestLibrary } from "@/test/test-fixtures";
import { renderPlannedNotices } from "./render-planned-notices";
import { RENDER_THREAD_NICE, startRenderThread } from "./render-thread";

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

test.skipIf(thread === null || !existsSync("/proc/self/task"))(
  "the render thread runs at a lower priority than the process that started it: delivery goes first",
  async () => {
    const t = await createTestLibrary(db);
    const patron = await t.patron();
    await t.loan(patron, { dueDate: addDays(today, -7) });
    await planNotices(db, { libraryId: t.library.id, date: today });
    // started and working
    await thread!.render({ libraryId: t.library.id, baseUrl, now });
    // each thread's nice value: the 19th field of /proc/self/task/<id>/stat
    const niceOf = (task: string) => {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, "utf8");
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
    };
    const mine = niceOf(String(process.pid));
    const nices = readdirSync("/proc/self/task").map(niceOf);
    expect(nices).toContain(Math.min(19, mine + RENDER_THREAD_NICE));
  },
);
