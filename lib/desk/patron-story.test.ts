import { beforeEach, describe, expect, it } from "vitest";
import { toDbDate } from "@/lib/dates";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestPatron } from "@/test/test-patron";
import { loadPatronStory } from "./patron-story";

const db = useTestDb();

describe("the patron's story at the desk", () => {
  let world: Awaited<ReturnType<typeof createTestPatron>>;

  beforeEach(async () => {
    await resetDatabase(db);
    world = await createTestPatron(db);
  });

  const load = (patronId = world.patron.id, libraryId = world.library.id) =>
    loadPatronStory(db, { patronId, libraryId, today: "2026-11-30", timeZone: "Europe/Brussels" });

  it("is not found for an unknown id or a patron of another library", async () => {
    const other = await createTestPatron(db, "other");
    expect(await load(999_999)).toBeNull();
    expect(await load(other.patron.id)).toBeNull();
    expect(await load(other.patron.id, other.library.id)).not.toBeNull();
  });

  it("shows open flags, the loans with days overdue and renewal state, and recent returns", async () => {
    const story = await load();
    expect(story?.flags.map((f) => f.kind)).toEqual(["email_bounced", "postal_returned"]);
    expect(story?.currentLoans.map((l) => [l.title, l.dueDate, l.daysOverdue, l.renewal])).toEqual([
      ["Boek 1", "2026-11-10", 20, { renewable: true, newDueDate: "2026-12-21" }],
      ["Boek 2", "2026-11-20", 10, { renewable: false, reason: "reserved" }],
      ["Boek 3", "2026-12-05", 0, { renewable: false, reason: "max_renewals" }],
    ]);
    expect(story?.recentReturns.map((l) => l.title)).toEqual(["Boek 4"]);
  });

  it("lists every notice newest first with its loans, events and letters, in a fixed number of queries", async () => {
    const notice = (planDate: string, key: string, fields: object = {}) =>
      db.notice.create({
        data: {
          libraryId: world.library.id,
          patronId: world.patron.id,
          branchId: world.branch.id,
          stageId: world.stage.id,
          planDate: toDbDate(planDate),
          channel: "email",
          channelReason: "stage channel",
          language: "nl",
          idempotencyKey: key,
          ...fields,
        },
      });
    const older = await notice("2026-11-17", "a", {
      status: "bounced",
      subject: "Je boeken zijn te laat",
      html: "<p>Beste Els</p>",
      text: "Beste Els",
    });
    const newer = await notice("2026-11-24", "b");
    await db.noticeLoan.create({
      data: {
        noticeId: older.id,
        loanId: world.loans.renewable.id,
        stageId: world.stage.id,
        dueDate: toDbDate("2026-11-10"),
      },
    });
    await db.deliveryEvent.createMany({
      data: [
        {
          noticeId: older.id,
          type: "email.bounced",
          occurredAt: new Date("2026-11-17T09:05:00Z"),
          bounceType: "Permanent",
          detail: "mailbox does not exist",
        },
        { noticeId: older.id, type: "email.sent", occurredAt: new Date("2026-11-17T09:00:00Z") },
      ],
    });
    await db.letter.create({
      data: { noticeId: older.id, reason: "email_bounced", status: "printed", printedAt: new Date() },
    });
    await db.patronNote.create({ data: { patronId: world.patron.id, authorLabel: "Lotte", body: "Belde" } });

    const queries: string[] = [];
    const counting = db.$extends({
      query: {
        $allOperations: async ({ operation, model, args, query }) => {
          queries.push(`${model}.${operation}`);
          return query(args);
        },
      },
    });
    const story = await loadPatronStory(counting as unknown as typeof db, {
      patronId: world.patron.id,
      libraryId: world.library.id,
      today: "2026-11-30",
      timeZone: "Europe/Brussels",
    });
    expect(queries).toHaveLength(4);

    expect(story?.notices.map((n) => n.id)).toEqual([newer.id, older.id]);
    const sent = story?.notices[1];
    expect(sent).toMatchObject({
      stageLabels: { nl: "Eerste aanmaning" },
      subject: "Je boeken zijn te laat",
      html: "<p>Beste Els</p>",
      loans: [{ title: "Boek 1", dueDate: "2026-11-10" }],
      letters: [{ reason: "email_bounced", status: "printed" }],
    });
    expect(sent?.events.map((e) => e.type)).toEqual(["email.sent", "email.bounced"]);
    expect(story?.notices[0].html).toBeNull();
    expect(story?.notes.map((n) => n.body)).toEqual(["Belde"]);
  });
});
