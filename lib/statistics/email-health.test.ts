import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, useTestDb } from "@/test/db";
import { createFeedbackWorld } from "@/test/test-world";
import { getEmailHealth } from "./email-health";

const db = useTestDb();
const now = new Date("2026-11-25T12:00:00Z");

describe("email health on the Today page", () => {
  beforeEach(() => resetDatabase(db));

  it("gives bounce and complaint rates over 30 days with warnings at 4 % and 0.08 %, per library", async () => {
    const world = await createFeedbackWorld(db, "a");
    const other = await createFeedbackWorld(db, "b");
    const notices = [];
    for (let i = 0; i < 25; i++)
      notices.push(await world.notice({ sentAt: new Date("2026-11-20T06:00:00Z") }));
    await world.notice({ sentAt: new Date("2026-10-01T06:00:00Z") }); // outside the window
    await db.deliveryEvent.createMany({
      data: [
        { noticeId: notices[0].id, type: "email.bounced", bounceType: "Permanent", occurredAt: now },
        { noticeId: notices[1].id, type: "email.bounced", bounceType: "Transient", occurredAt: now },
        { noticeId: notices[2].id, type: "email.complained", occurredAt: now },
      ],
    });
    await other.notice({ sentAt: new Date("2026-11-20T06:00:00Z") });
    const health = await getEmailHealth(db, { libraryId: world.library.id, now });
    expect(health).toMatchObject({
      sent: 25,
      bounced: 1,
      complained: 1,
      bounceRate: 0.04,
      complaintRate: 0.04,
    });
    expect(health.bounceWarning).toBe(true);
    expect(health.complaintWarning).toBe(true);

    const quiet = await getEmailHealth(db, { libraryId: other.library.id, now });
    expect(quiet).toMatchObject({ sent: 1, bounced: 0, bounceWarning: false, complaintWarning: false });
    const none = await getEmailHealth(db, {
      libraryId: world.library.id,
      now: new Date("2027-03-01T00:00:00Z"),
    });
    expect(none).toMatchObject({ sent: 0, bounceRate: 0, bounceWarning: false });
  });
});
