import { beforeEach, describe, expect, it } from "vitest";
import { toDbDate } from "@/lib/dates";
import { processPendingDeliveryEvents } from "@/lib/feedback/process-pending-delivery-events";
import { finishSendRunIfDone } from "@/lib/sending/finish-send-run";
import { resetDatabase, useTestDb } from "@/test/db";
import { createFeedbackWorld } from "@/test/test-world";

const db = useTestDb();

const figuresOf = (libraryId: number) =>
  db.noticeDayFigure.findMany({ where: { libraryId, day: toDbDate("2026-11-20") } });

describe("the daily statistics are kept up to date", () => {
  beforeEach(() => resetDatabase(db));

  it("by the send run when it finishes: its day's notices are counted", async () => {
    const world = await createFeedbackWorld(db, "run");
    await world.notice();
    await world.notice();
    const run = await db.sendRun.create({
      data: {
        libraryId: world.library.id,
        planDate: toDbDate("2026-11-20"),
        status: "running",
        preparedAt: new Date("2026-11-20T06:10:00Z"),
      },
    });
    expect(await figuresOf(world.library.id)).toEqual([]);
    expect(await finishSendRunIfDone(db, run.id)).toBe(true);
    expect(await figuresOf(world.library.id)).toMatchObject([
      { notices: 2, emailsSent: 2, emailsBounced: 0 },
    ]);
  });

  it("by the feedback step: a bounce applied shows in its notice's day", async () => {
    const world = await createFeedbackWorld(db, "fb");
    const notice = await world.notice();
    await world.notice();
    await db.deliveryEvent.create({
      data: {
        noticeId: notice.id,
        type: "email.bounced",
        bounceType: "Permanent",
        occurredAt: new Date("2026-11-20T06:02:00Z"),
        state: "pending",
      },
    });
    expect(await processPendingDeliveryEvents(db)).toEqual({ applied: 1 });
    expect(await figuresOf(world.library.id)).toMatchObject([
      { notices: 2, emailsSent: 2, emailsBounced: 1 },
    ]);
  });
});
