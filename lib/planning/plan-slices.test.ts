import { beforeEach, expect, test } from "vitest";
import { addDays, type LocalDate } from "@/lib/dates";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestLibrary } from "@/test/test-fixtures";
import { planNotices } from "./plan-notices";

const db = useTestDb();
const date: LocalDate = "2026-03-10";

beforeEach(() => resetDatabase(db));

/** The same patrons and loans in a library: overdue, due soon, several loans, letters. */
async function libraryWithMix(code: string) {
  const t = await createTestLibrary(db, { code });
  for (let i = 0; i < 40; i++) {
    const patron = await t.patron({
      email: i % 7 === 0 ? null : `p${i}@example.be`,
      preDueOptIn: i % 3 === 0,
      language: (["nl", "fr", "en"] as const)[i % 3],
    });
    await t.loan(patron, { dueDate: addDays(date, -(i % 30)) });
    if (i % 4 === 0) await t.loan(patron, { dueDate: addDays(date, -(i % 30)) });
    if (i % 5 === 0) await t.loan(patron, { dueDate: addDays(date, 2) });
  }
  return t;
}

const shape = (
  notices: { patron: { cardNumber: string }; stageKey: string; channel: string; loans: unknown[] }[],
) =>
  notices
    .map((n) => `${n.patron.cardNumber.replace(/^[A-Z]+/, "")} ${n.stageKey} ${n.channel} ${n.loans.length}`)
    .sort();

test("planning the patrons in slices writes exactly the notices one plan of all of them writes", async () => {
  const whole = await libraryWithMix("W");
  const sliced = await libraryWithMix("S");
  const all = await planNotices(db, { libraryId: whole.library.id, date });

  const patrons = await db.patron.findMany({
    where: { libraryId: sliced.library.id },
    orderBy: { id: "asc" },
  });
  const ids = patrons.map((p) => p.id);
  const cuts = [ids[0], ids[3], ids[11], ids[25], ids[ids.length - 1] + 1];
  const parts = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    parts.push(
      await planNotices(db, {
        libraryId: sliced.library.id,
        date,
        patrons: { fromId: cuts[i], toId: cuts[i + 1] },
      }),
    );
  }

  expect(all.notices.length).toBeGreaterThan(20);
  expect(shape(parts.flatMap((p) => p.notices))).toEqual(shape(all.notices));
  const written = await db.notice.count({ where: { libraryId: sliced.library.id } });
  expect(written).toBe(await db.notice.count({ where: { libraryId: whole.library.id } }));
  // a slice plans only its own patrons
  for (const notice of parts[0].notices) expect(notice.patronId).toBeLessThan(cuts[1]);
});

test("two identical libraries get one day's notices written in the same order", async () => {
  // The first library's patrons have ids 1 to 40, the second's 41 to 80: ordered as text
  // ("10" before "9") the first's would come out in another order than the second's.
  const first = await libraryWithMix("A");
  const second = await libraryWithMix("B");
  await planNotices(db, { libraryId: first.library.id, date });
  await planNotices(db, { libraryId: second.library.id, date });

  const written = async (libraryId: number) =>
    (
      await db.notice.findMany({
        where: { libraryId },
        orderBy: { id: "asc" },
        select: { patron: { select: { cardNumber: true } }, stage: { select: { key: true } } },
      })
    ).map((n) => `${n.patron.cardNumber.replace(/^[A-Z]+-/, "")} ${n.stage.key}`);
  const order = await written(first.library.id);
  expect(order.length).toBeGreaterThan(20);
  expect(await written(second.library.id)).toEqual(order);
});
