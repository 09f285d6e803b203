import { beforeEach, describe, expect, it } from "vitest";
import { addDays } from "@/lib/dates";
import { resetDatabase, useTestDb } from "@/test/db";
import { BASE_URL, createNoticeWithLinks, TODAY, tokenOf } from "@/test/test-notice";
import { parseLink, signLink } from "./sign-link";
import { verifyLink } from "./verify-link";

const db = useTestDb();
beforeEach(() => resetDatabase(db));

/** Changes one character of the token's part `index` (0 purpose+notice, 1 loan, 2 expiry, 3 signature). */
function alter(token: string, index: number, value: string): string {
  const parts = token.split(".");
  parts[index] = value;
  return parts.join(".");
}

describe("signed notice links", () => {
  it("point at the library's public base URL, one token per purpose, with no id in the clear", async () => {
    const { content, loans, renewItem } = await createNoticeWithLinks(db);
    expect(content.links.renewAll).toMatch(
      new RegExp(`^${BASE_URL}/r/a[0-9a-z]+\\.\\.[0-9a-z]+\\.[\\w-]{16}$`),
    );
    expect(content.links.preferences).toMatch(new RegExp(`^${BASE_URL}/r/p`));
    expect(content.links.unsubscribe).toBeNull(); // an overdue notice is not optional mail
    expect(renewItem(loans[0].id)).toMatch(new RegExp(`^${BASE_URL}/r/i`));
    expect(renewItem(loans[1].id)).toBeNull(); // reserved: no renew link
  });

  it("the library's public base URL setting wins over the request's host", async () => {
    const { t } = await createNoticeWithLinks(db);
    await db.library.update({
      where: { id: t.library.id },
      data: { publicBaseUrl: "https://bib.meulebeke.be/" },
    });
    const patron = await t.patron();
    await t.loan(patron, { dueDate: addDays(TODAY, -7) });
    const { planNotices } = await import("@/lib/planning/plan-notices");
    const { renderPlannedNotices, storedNoticeContent } = await import(
      "@/lib/rendering/render-planned-notices"
    );
    await planNotices(db, { libraryId: t.library.id, date: TODAY });
    await renderPlannedNotices(db, { libraryId: t.library.id, baseUrl: "http://localhost:3000" });
    const notice = await db.notice.findFirstOrThrow({ where: { patronId: patron.id } });
    expect(storedNoticeContent(notice.content)?.links.preferences).toMatch(
      /^https:\/\/bib\.meulebeke\.be\/r\/p/,
    );
  });

  it("a genuine link verifies to its notice, patron, library and language", async () => {
    const { content, notice, patron, t } = await createNoticeWithLinks(db);
    const check = await verifyLink(db, tokenOf(content.links.preferences), { today: TODAY });
    expect(check).toMatchObject({
      ok: true,
      link: {
        purpose: "preferences",
        noticeId: notice.id,
        patronId: patron.id,
        libraryId: t.library.id,
        language: "fr",
      },
    });
  });

  it("a link with any part altered is refused: notice, loan, purpose, expiry or signature", async () => {
    const { content, loans, renewItem, notice } = await createNoticeWithLinks(db);
    const other = await createNoticeWithLinks(db, { code: "O" });
    const renewAll = tokenOf(content.links.renewAll ?? "");
    const item = tokenOf(renewItem(loans[0].id) ?? "");
    const altered = [
      alter(renewAll, 0, `a${other.notice.id.toString(36)}`), // another patron's notice
      alter(item, 1, loans[3].id.toString(36)), // another loan of the same notice
      alter(item, 1, other.loans[0].id.toString(36)), // another patron's loan
      alter(renewAll, 0, `p${notice.id.toString(36)}`), // renew link turned into preferences
      alter(renewAll, 2, (Number.parseInt(renewAll.split(".")[2], 36) + 365).toString(36)), // a later expiry
      `${renewAll.slice(0, -1)}${renewAll.endsWith("A") ? "B" : "A"}`, // one character of the signature
      "a1..abc.AAAAAAAAAAAAAAAA", // made up
      "not-a-token",
      `${renewAll}x`,
    ];
    for (const token of altered) {
      expect(await verifyLink(db, token, { today: TODAY }), token).toEqual({
        ok: false,
        problem: "invalid",
        language: null,
        help: null,
      });
    }
  });

  it("a link signed with another library's secret, or for a loan outside the notice, is refused", async () => {
    const { notice, t } = await createNoticeWithLinks(db);
    const other = await createNoticeWithLinks(db, { code: "O" });
    const otherSecret = (await db.library.findUniqueOrThrow({ where: { id: other.t.library.id } }))
      .linkSecret;
    const ownSecret = (await db.library.findUniqueOrThrow({ where: { id: t.library.id } })).linkSecret;
    expect(otherSecret).not.toBe(ownSecret);
    expect(ownSecret).toMatch(/^[0-9a-f]{64}$/);
    const claims = { noticeId: notice.id, expires: addDays(TODAY, 30) };
    const forged = signLink(otherSecret, { ...claims, purpose: "renew-all", loanId: null });
    expect((await verifyLink(db, forged, { today: TODAY })).ok).toBe(false);
    const outside = signLink(ownSecret, { ...claims, purpose: "renew-item", loanId: other.loans[0].id });
    expect((await verifyLink(db, outside, { today: TODAY })).ok).toBe(false);
  });

  it("an expired link says so in the patron's language, with the branch to ask for help", async () => {
    const { content } = await createNoticeWithLinks(db);
    const token = tokenOf(content.links.preferences);
    const lastDay = parseLink(token)?.expires ?? "";
    expect(lastDay).toBe(addDays(TODAY, 30)); // the library's linkValidityDays after the notice's date
    expect((await verifyLink(db, token, { today: lastDay })).ok).toBe(true);
    expect(await verifyLink(db, token, { today: addDays(lastDay, 1) })).toEqual({
      ok: false,
      problem: "expired",
      language: "fr",
      help: { library: "Bibliotheek S", branch: "Hoofdbibliotheek", email: null, phone: null },
    });
  });
});
