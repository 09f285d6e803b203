import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, useTestDb } from "@/test/db";
import { createFeedbackWorld, resendEvent, signedRequest, TEST_SECRET } from "@/test/test-world";
import { processPendingDeliveryEvents } from "./process-pending-delivery-events";
import { MAX_WEBHOOK_BYTES, receiveResendWebhook } from "./receive-resend-webhook";

const db = useTestDb();
const receive = (request: Request) => receiveResendWebhook(request, { db, secret: TEST_SECRET });
const bounceBody = (emailId: string, at = new Date().toISOString()) =>
  JSON.stringify(
    resendEvent("email.bounced", emailId, at, {
      bounce: { type: "Permanent", subType: "General", message: "The address does not exist." },
    }),
  );

describe("POST /api/webhooks/resend", () => {
  let world: Awaited<ReturnType<typeof createFeedbackWorld>>;

  beforeEach(async () => {
    await resetDatabase(db);
    world = await createFeedbackWorld(db);
  });

  it("stores a signed event against its notice as pending, and answers 200", async () => {
    const notice = await world.notice();
    const reply = await receive(signedRequest(bounceBody(notice.providerId as string), { id: "msg_1" }));
    expect(reply).toMatchObject({ status: 200, recorded: true, body: { ok: true } });
    const events = await db.deliveryEvent.findMany();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      noticeId: notice.id,
      type: "email.bounced",
      externalId: "msg_1",
      state: "pending",
      bounceType: "Permanent",
      bounceSubType: "General",
      detail: "The address does not exist.",
    });
  });

  it("refuses unsigned, forged and stale deliveries with 401 and stores nothing", async () => {
    const notice = await world.notice();
    const body = bounceBody(notice.providerId as string);
    const unsigned = new Request("http://localhost/api/webhooks/resend", {
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
    });
    const forged = signedRequest(body, {
      secret: `whsec_${Buffer.from("somebody-else-entirely-0123456789").toString("base64")}`,
    });
    const stale = signedRequest(body, { at: new Date(Date.now() - 301_000) });
    const tampered = signedRequest(body, { id: "msg_t" });
    const tamperedBody = new Request(tampered.url, {
      method: "POST",
      headers: tampered.headers,
      body: body.replace("Permanent", "Transient"),
    });
    for (const request of [unsigned, forged, stale, tamperedBody]) {
      const reply = await receive(request);
      expect(reply.status).toBe(401);
      expect(reply.recorded).toBe(false);
    }
    expect(await db.deliveryEvent.count()).toBe(0);
    expect((await db.notice.findUniqueOrThrow({ where: { id: notice.id } })).status).toBe("sent");
  });

  it("records a replayed delivery (same svix-id) once", async () => {
    const notice = await world.notice();
    const body = bounceBody(notice.providerId as string);
    const first = await receive(signedRequest(body, { id: "msg_same" }));
    const again = await receive(signedRequest(body, { id: "msg_same" }));
    const both = await Promise.all([
      receive(signedRequest(body, { id: "msg_same" })),
      receive(signedRequest(body, { id: "msg_same" })),
    ]);
    expect([first, again, ...both].map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect([first, again, ...both].map((r) => r.recorded)).toEqual([true, false, false, false]);
    expect(await db.deliveryEvent.count()).toBe(1);
  });

  it("answers an event for an unknown email exactly like a known one, and stores nothing", async () => {
    const notice = await world.notice();
    const known = await receive(signedRequest(bounceBody(notice.providerId as string)));
    const unknown = await receive(signedRequest(bounceBody("no-such-email")));
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    expect(unknown.log).toMatch(/unknown email no-such-email/);
    expect(await db.deliveryEvent.count()).toBe(1);
  });

  it("refuses malformed JSON (400), a body over 256 KB (413) and a wrong content type (415)", async () => {
    const notice = await world.notice();
    const malformed = await receive(signedRequest('{"type": "email.bounced", '));
    expect(malformed.status).toBe(400);
    const huge = `{"type":"email.sent","pad":"${"x".repeat(MAX_WEBHOOK_BYTES)}"}`;
    expect((await receive(signedRequest(huge))).status).toBe(413);
    const text = await receive(
      signedRequest(bounceBody(notice.providerId as string), { contentType: "text/plain" }),
    );
    expect(text.status).toBe(415);
    const noEmailId = await receive(
      signedRequest(JSON.stringify({ type: "email.bounced", created_at: "x", data: {} })),
    );
    expect(noEmailId.status).toBe(400);
    expect(await db.deliveryEvent.count()).toBe(0);
  });

  it("answers fast: verifying and storing one event takes well under 100 ms", async () => {
    const notice = await world.notice();
    await receive(signedRequest(bounceBody(notice.providerId as string))); // warm-up
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const request = signedRequest(
        JSON.stringify(resendEvent("email.delivered", notice.providerId as string, new Date().toISOString())),
      );
      const start = performance.now();
      await receive(request);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const median = times[10];
    console.info(`webhook receive: median ${median.toFixed(1)} ms, max ${times[19].toFixed(1)} ms`);
    expect(median).toBeLessThan(100);
  });

  it("two processors running at once apply each pending event exactly once", async () => {
    const notices = await Promise.all([1, 2, 3, 4, 5, 6].map(() => world.notice()));
    for (const notice of notices)
      await receive(
        signedRequest(
          JSON.stringify(resendEvent("email.delivered", notice.providerId as string, "2026-11-20T06:01:00Z")),
        ),
      );
    const [a, b] = await Promise.all([
      processPendingDeliveryEvents(db, { limit: 10 }),
      processPendingDeliveryEvents(db, { limit: 10 }),
    ]);
    expect(a.applied + b.applied).toBe(6);
    expect(await db.deliveryEvent.count({ where: { state: "pending" } })).toBe(0);
    expect(await db.notice.count({ where: { status: "delivered" } })).toBe(6);
  });
});
