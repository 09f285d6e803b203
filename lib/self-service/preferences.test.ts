import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRateLimiter } from "@/lib/delivery/rate-limiter";
import { buildResendClient } from "@/lib/delivery/resend-client";
import { sendEmailBatch } from "@/lib/delivery/send-email-batch";
import { type FakeResend, startFakeResend } from "@/scripts/fake-resend/fake-resend";
import { resetDatabase, useTestDb } from "@/test/db";
import { BASE_URL, createNoticeWithLinks, TODAY, tokenOf } from "@/test/test-notice";
import { changePreferences } from "./change-preferences";
import { confirmEmailChange } from "./confirm-email-change";
import { limitLinkRequests } from "./limit-link-requests";
import { renewFromLink } from "./renew-from-link";
import { sendEmailConfirmation } from "./send-email-confirmation";
import { unsubscribeFromLink } from "./unsubscribe-from-link";
import { type VerifiedLink, verifyLink } from "./verify-link";

const db = useTestDb();
let fake: FakeResend;
beforeEach(async () => {
  await resetDatabase(db);
  fake = await startFakeResend();
});
afterEach(() => fake.stop());

const client = () =>
  buildResendClient({
    apiKey: "re_test",
    baseUrl: fake.url,
    from: "Bibliotheek <notices@rappel.example>",
    limiter: createRateLimiter({ perSecond: 1000, burst: 1000 }),
  });

async function verified(token: string): Promise<VerifiedLink> {
  const check = await verifyLink(db, token, { today: TODAY });
  if (!check.ok) throw new Error(`link refused: ${check.problem}`);
  return check.link;
}

/** The first self-service link in an email's HTML, as the patron would click it. */
function linkIn(html: string, path: "r" | "u" = "r"): string {
  const match = new RegExp(`href="(${BASE_URL}/${path}/[^"]+)"`).exec(html);
  if (!match) throw new Error("no link in the email");
  return match[1].replaceAll("&amp;", "&");
}

const keep = { email: "", preDueOptIn: false, language: "fr", letters: false } as const;

describe("preferences from a notice link", () => {
  it("saves reminders, language and letters at once, audited as the patron", async () => {
    const { content, patron } = await createNoticeWithLinks(db);
    const link = await verified(tokenOf(content.links.preferences));
    await changePreferences(db, link, { ...keep, preDueOptIn: true, language: "en", letters: true });
    expect(await db.patron.findUniqueOrThrow({ where: { id: patron.id } })).toMatchObject({
      preDueOptIn: true,
      language: "en",
      channelPreference: "letter",
    });
    const [entry] = await db.auditEntry.findMany({ where: { action: "patron.preferences.update" } });
    expect(entry).toMatchObject({ actorId: null, patronId: patron.id });
    await changePreferences(db, link, { ...keep, language: "en" });
    expect((await db.patron.findUniqueOrThrow({ where: { id: patron.id } })).channelPreference).toBeNull();
  });

  it("a new address changes nothing until confirmed from the email sent to it; then the bounce flag clears", async () => {
    const { content, patron } = await createNoticeWithLinks(db, {
      patron: { email: "oud@dood.be", emailStatus: "bounced" },
    });
    await db.patronFlag.create({
      data: { patronId: patron.id, kind: "email_bounced", message: "Hard bounce" },
    });
    const link = await verified(tokenOf(content.links.preferences));
    const asked = await changePreferences(db, link, { ...keep, email: "Nieuw@Example.be" });
    expect(asked.confirmTo).toBe("nieuw@example.be");
    const waiting = await db.patron.findUniqueOrThrow({ where: { id: patron.id } });
    expect(waiting).toMatchObject({
      email: "oud@dood.be",
      emailStatus: "bounced",
      pendingEmail: "nieuw@example.be",
    });

    const sent = await sendEmailConfirmation(db, client(), link, {
      to: "nieuw@example.be",
      requestedAt: asked.requestedAt ?? new Date(),
      fallbackBaseUrl: BASE_URL,
    });
    expect(sent.ok).toBe(true);
    const [mail] = fake.sent();
    expect(mail.to).toEqual(["nieuw@example.be"]);
    expect(mail.subject).toMatch(/Bibliotheek S/);

    // the patron follows the link in the captured email
    const confirm = await verified(tokenOf(linkIn(mail.html ?? "")));
    expect(confirm.purpose).toBe("confirm-email");
    expect(await confirmEmailChange(db, confirm)).toEqual({ status: "confirmed", email: "nieuw@example.be" });
    expect(await db.patron.findUniqueOrThrow({ where: { id: patron.id } })).toMatchObject({
      email: "nieuw@example.be",
      emailStatus: "ok",
      pendingEmail: null,
    });
    expect(await db.patronFlag.count({ where: { patronId: patron.id, resolvedAt: null } })).toBe(0);
    expect(await db.ilsOutboxEntry.findMany()).toEqual([
      expect.objectContaining({
        kind: "email_change",
        patronId: patron.id,
        payload: expect.objectContaining({ email: "nieuw@example.be" }),
      }),
    ]);
    // clicking again changes nothing
    expect(await confirmEmailChange(db, await verified(confirm.token))).toEqual({
      status: "nothing_pending",
      email: null,
    });
    expect(await db.ilsOutboxEntry.count()).toBe(1);
  });

  it("asking for another address voids the older confirmation link", async () => {
    const { content, patron } = await createNoticeWithLinks(db);
    const link = await verified(tokenOf(content.links.preferences));
    const first = await changePreferences(
      db,
      link,
      { ...keep, email: "een@example.be" },
      new Date("2026-03-10T09:00:00Z"),
    );
    await sendEmailConfirmation(db, client(), link, {
      to: "een@example.be",
      requestedAt: first.requestedAt ?? new Date(),
      fallbackBaseUrl: BASE_URL,
    });
    await changePreferences(
      db,
      link,
      { ...keep, email: "twee@example.be" },
      new Date("2026-03-10T09:05:00Z"),
    );
    const oldToken = tokenOf(linkIn(fake.sent()[0].html ?? ""));
    expect((await verifyLink(db, oldToken, { today: TODAY })).ok).toBe(false);
    expect((await db.patron.findUniqueOrThrow({ where: { id: patron.id } })).email).toBe("lener1@example.be");
  });
});

describe("unsubscribe and following a link from a sent email", () => {
  it("a pre-due reminder's unsubscribe link stops reminders once; an overdue notice has none", async () => {
    const { t, content } = await createNoticeWithLinks(db);
    expect(content.links.unsubscribe).toBeNull();
    const patron = await t.patron({ preDueOptIn: true });
    await t.loan(patron, { dueDate: "2026-03-13" });
    const { planNotices } = await import("@/lib/planning/plan-notices");
    const { renderPlannedNotices, storedNoticeContent } = await import(
      "@/lib/rendering/render-planned-notices"
    );
    await planNotices(db, { libraryId: t.library.id, date: TODAY });
    await renderPlannedNotices(db, { libraryId: t.library.id, baseUrl: BASE_URL });
    const notice = await db.notice.findFirstOrThrow({ where: { patronId: patron.id } });
    const url = storedNoticeContent(notice.content)?.links.unsubscribe ?? "";
    expect(url).toMatch(new RegExp(`^${BASE_URL}/u/u`));
    const link = await verified(tokenOf(url));
    expect(await unsubscribeFromLink(db, link)).toEqual({ changed: true });
    expect(await unsubscribeFromLink(db, link)).toEqual({ changed: false });
    expect((await db.patron.findUniqueOrThrow({ where: { id: patron.id } })).preDueOptIn).toBe(false);
  });

  it("the renew link in an email captured by the fake Resend renews the loans", async () => {
    const { notice, loans } = await createNoticeWithLinks(db);
    await sendEmailBatch(
      client(),
      [
        {
          to: notice.recipientEmail ?? "lener1@example.be",
          subject: notice.subject ?? "",
          html: notice.html ?? "",
          text: notice.text ?? "",
        },
      ],
      { idempotencyKey: notice.idempotencyKey },
    );
    const [mail] = fake.sent();
    const hrefs = [...(mail.html ?? "").matchAll(new RegExp(`href="(${BASE_URL}/r/[^"]+)"`, "g"))].map(
      (m) => m[1],
    );
    expect(hrefs.length).toBeGreaterThanOrEqual(3); // two items, renew all, preferences
    expect(mail.text).toContain(hrefs[0]);
    const renewAll = hrefs.find((href) => tokenOf(href).startsWith("a")) ?? "";
    const view = await renewFromLink(db, await verified(tokenOf(renewAll)));
    expect(view.rows.filter((r) => r.status === "renewed").map((r) => r.loanId)).toEqual([
      loans[0].id,
      loans[3].id,
    ]);
  });

  it("rate limits requests per link and per client address", async () => {
    const now = new Date("2026-03-10T10:00:00Z");
    let locked: Date | null = null;
    for (let i = 0; i < 30 && !locked; i++)
      locked = await limitLinkRequests(db, { token: "t1", ip: "10.0.0.1", now });
    expect(locked).not.toBeNull();
    // another link from another address is not held up by it
    expect(await limitLinkRequests(db, { token: "t2", ip: "10.0.0.2", now })).toBeNull();
    // many links from one address stop at the client limit
    let client: Date | null = null;
    for (let i = 0; i < 130 && !client; i++)
      client = await limitLinkRequests(db, { token: `g${i}`, ip: "10.0.0.3", now });
    expect(client).not.toBeNull();
  });
});
