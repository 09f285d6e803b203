import { beforeEach, describe, expect, it } from "vitest";
import { receiveResendWebhook } from "@/lib/feedback/receive-resend-webhook";
import { resetDatabase, useTestDb } from "@/test/db";
import { createFeedbackWorld, resendEvent, signedRequest, TEST_SECRET } from "@/test/test-world";
import { sweepFeedback } from "./feedback-sweep";

const db = useTestDb();

describe("the worker's feedback sweep", () => {
  beforeEach(async () => {
    await resetDatabase(db);
  });

  it("applies webhook events the route stored but did not apply: the bounce flags the patron and queues the letter, once", async () => {
    const world = await createFeedbackWorld(db);
    const notice = await world.notice();
    const body = JSON.stringify(
      resendEvent("email.bounced", notice.providerId as string, new Date().toISOString(), {
        bounce: { type: "Permanent", subType: "General", message: "The address does not exist." },
      }),
    );
    await receiveResendWebhook(signedRequest(body, { id: "msg_sweep" }), { db, secret: TEST_SECRET });
    expect(await db.deliveryEvent.count({ where: { state: "pending" } })).toBe(1);

    expect(await sweepFeedback(db, { silentFallback: false })).toEqual({ applied: 1, letters: 0 });
    expect(await db.deliveryEvent.count({ where: { state: "pending" } })).toBe(0);
    expect(await db.letter.count({ where: { noticeId: notice.id, reason: "email_bounced" } })).toBe(1);
    expect(await db.patronFlag.count({ where: { resolvedAt: null } })).toBe(1);
    // a second sweep finds nothing left
    expect(await sweepFeedback(db, { silentFallback: true })).toEqual({ applied: 0, letters: 0 });
  });
});
