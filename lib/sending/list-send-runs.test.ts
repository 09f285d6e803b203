import { beforeEach, describe, expect, test } from "vitest";
import { addDays, type LocalDate, toDbDate } from "@/lib/dates";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestLibrary } from "@/test/test-fixtures";
import { listSendRuns, SEND_RUNS_PER_PAGE } from "./list-send-runs";

const db = useTestDb();
const first: LocalDate = "2026-01-01";

beforeEach(() => resetDatabase(db));

async function libraryWithRuns(code: string, runs: number) {
  const { library } = await createTestLibrary(db, { code });
  await db.sendRun.createMany({
    data: Array.from({ length: runs }, (_, day) => ({
      libraryId: library.id,
      planDate: toDbDate(addDays(first, day)),
      status: "succeeded" as const,
      trigger: "schedule" as const,
    })),
  });
  return library.id;
}

describe("the send-run history", () => {
  test("shows every run a page at a time, newest first, and only the library's own", async () => {
    const libraryId = await libraryWithRuns("H", SEND_RUNS_PER_PAGE + 5);
    await libraryWithRuns("O", 3);

    const newest = await listSendRuns(db, { libraryId });
    expect(newest).toMatchObject({ page: 1, pageCount: 2, count: SEND_RUNS_PER_PAGE + 5 });
    expect(newest.runs).toHaveLength(SEND_RUNS_PER_PAGE);
    expect(newest.runs[0].planDate).toEqual(toDbDate(addDays(first, SEND_RUNS_PER_PAGE + 4)));

    const older = await listSendRuns(db, { libraryId, page: 2 });
    expect(older.runs.map((run) => run.planDate)).toEqual(
      [4, 3, 2, 1, 0].map((day) => toDbDate(addDays(first, day))),
    );
    const all = [...newest.runs, ...older.runs].map((run) => run.id);
    expect(new Set(all).size).toBe(SEND_RUNS_PER_PAGE + 5);
  });

  test("a page past the last shows the last; a page below 1 the first", async () => {
    const libraryId = await libraryWithRuns("P", 3);
    expect(await listSendRuns(db, { libraryId, page: 9 })).toMatchObject({ page: 1, pageCount: 1 });
    expect(await listSendRuns(db, { libraryId, page: -2 })).toMatchObject({ page: 1, pageCount: 1 });
  });
});
