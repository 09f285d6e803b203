import type { Page } from "@playwright/test";
import type { StaffRole } from "../lib/auth/roles";
import { withDatabase } from "./e2e-database";
import { callServerAction, expect, PASSWORD, ROLE_EMAIL, ROLES, signIn, test } from "./fixtures";
import { PATRON_PAGE_PATRON } from "./patron-page-data";
import { SECOND_LIBRARY as Z } from "./second-library-data";

/**
 * Issue 10: one library per request. The demo library's staff (every role) aim at the ids of
 * a second library (e2e/second-library-data.ts) through every page, API route and server
 * action they have, and get "not found" or a refusal, never its data; the database shows that
 * nothing of the second library changed. The second library's own staff see their own data
 * (the control), and a consortium-wide account works in the library it chose, visibly.
 */

const rank = (role: StaffRole) => ROLES.indexOf(role);

/** Everything of the second library a wrong write could touch, as one comparable text. */
async function fingerprintOfSecondLibrary(): Promise<string> {
  return withDatabase(async (client) => {
    const parts: unknown[] = [];
    for (const sql of [
      `SELECT * FROM "Library" WHERE id = $1`,
      `SELECT * FROM "Branch" WHERE "libraryId" = $1 ORDER BY id`,
      `SELECT * FROM "NoticeStage" WHERE "libraryId" = $1 ORDER BY id`,
      `SELECT b.* FROM "BranchStageSetting" b JOIN "Branch" r ON r.id = b."branchId" WHERE r."libraryId" = $1 ORDER BY b.id`,
      `SELECT p.* FROM "PatronStageSetting" p JOIN "Patron" r ON r.id = p."patronId" WHERE r."libraryId" = $1 ORDER BY p.id`,
      `SELECT t.* FROM "NoticeText" t JOIN "NoticeStage" s ON s.id = t."stageId" WHERE s."libraryId" = $1 ORDER BY t.id`,
      `SELECT t.* FROM "BranchNoticeText" t JOIN "Branch" b ON b.id = t."branchId" WHERE b."libraryId" = $1 ORDER BY t.id`,
      `SELECT id, "firstName", "lastName", email, "emailStatus", street, "postalCode", city, language, "channelPreference", "preDueOptIn", "noticesPausedUntil" FROM "Patron" WHERE "libraryId" = $1 ORDER BY id`,
      `SELECT f.* FROM "PatronFlag" f JOIN "Patron" p ON p.id = f."patronId" WHERE p."libraryId" = $1 ORDER BY f.id`,
      `SELECT n.* FROM "PatronNote" n JOIN "Patron" p ON p.id = n."patronId" WHERE p."libraryId" = $1 ORDER BY n.id`,
      `SELECT * FROM "Loan" WHERE "libraryId" = $1 ORDER BY id`,
      `SELECT id, status, "renderedAt", "sentAt" FROM "Notice" WHERE "libraryId" = $1 ORDER BY id`,
      `SELECT l.* FROM "Letter" l JOIN "Notice" n ON n.id = l."noticeId" WHERE n."libraryId" = $1 ORDER BY l.id`,
      `SELECT id, email, name, role, "branchId", "disabledAt", "passwordHash", "sessionVersion", "mustChangePassword" FROM "StaffUser" WHERE "libraryId" = $1 ORDER BY id`,
      `SELECT count(*) FROM "AuditEntry" WHERE "libraryId" = $1`,
    ]) {
      parts.push((await client.query(sql, [Z.id])).rows);
    }
    return JSON.stringify(parts);
  });
}

type ActionForm = { path: string; actionId: string; fields: Record<string, string> };

/** Every server-action form on a page: its action id and its fields with their values. */
async function actionFormsOn(page: Page, path: string): Promise<ActionForm[]> {
  await page.goto(path);
  const forms = await page.locator("form").evaluateAll((elements) =>
    elements.flatMap((form) => {
      const reference = form.querySelector<HTMLInputElement>('input[type="hidden"][name$=":0"]');
      if (!reference) return [];
      const fields: Record<string, string> = {};
      for (const element of Array.from((form as HTMLFormElement).elements)) {
        const input = element as HTMLInputElement;
        if (!input.name || input.name.startsWith("$ACTION")) continue;
        if ((input.type === "checkbox" || input.type === "radio") && !input.checked) continue;
        fields[input.name] = input.value;
      }
      return [{ actionId: (JSON.parse(reference.value) as { id: string }).id, fields }];
    }),
  );
  return forms.map((form) => ({ ...form, path }));
}

/** The form's fields with every id pointing at the second library's counterpart. */
function aimedAtSecondLibrary(form: ActionForm): Record<string, string> {
  const ids: Record<string, string> = {
    patronId: String(Z.patron.id),
    loanId: String(Z.loanIds[0]),
    noticeId: String(Z.letterNoticeId),
    stageId: String(Z.stageId(2)),
    stage: String(Z.stageId(2)),
    branchId: String(Z.branchId),
    branch: String(Z.branchId),
    // staff admin forms: the second library's manager
    id: String(Z.staff.manager.id),
  };
  const fields = { ...form.fields };
  for (const name of Object.keys(fields)) if (ids[name]) fields[name] = ids[name];
  if ("stageId" in fields && !("branchId" in fields)) fields.branchId = String(Z.branchId);
  return fields;
}

/** The pages whose forms the walk collects, by the least role that has them. */
const FORM_PAGES: { path: string; role: StaffRole }[] = [
  { path: `/patrons/${PATRON_PAGE_PATRON.id}`, role: "desk" },
  { path: `/patrons/${PATRON_PAGE_PATRON.id}/settings`, role: "desk" },
  { path: "/settings", role: "librarian" },
  // the links form and a demo branch's renewal limits (the demo library's first branch)
  { path: "/settings/self-service?branch=1", role: "librarian" },
  { path: "/templates", role: "librarian" },
];

test.describe("the demo library's staff and the second library's ids", () => {
  for (const role of ROLES) {
    test(`${role}: every page, route and action with the other library's ids finds nothing and changes nothing`, async ({
      page,
    }) => {
      const before = await fingerprintOfSecondLibrary();
      await signIn(page, ROLE_EMAIL[role]);

      // pages: not found, or this library's own data only
      await expect(page.getByRole("banner")).not.toContainText(Z.name);
      for (const path of [`/patrons/${Z.patron.id}`, `/patrons/${Z.patron.id}/settings`]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(404);
        await expect(page.getByText(Z.patron.lastName)).toHaveCount(0);
      }
      const search = await page.request.get(`/api/patrons/search?q=${Z.patron.lastName}`);
      expect(search.status()).toBe(200);
      const found = (await search.json()).results as { id: number; cardNumber: string }[];
      expect(found.filter((r) => r.id === Z.patron.id || r.cardNumber === Z.patron.cardNumber)).toEqual([]);
      await page.goto(`/patrons?q=${Z.patron.cardNumber}`);
      await expect(page.getByText(Z.patron.lastName)).toHaveCount(0);
      for (const id of [Z.noticeId, Z.letterNoticeId]) {
        for (const kind of ["email", "letter"]) {
          const response = await page.request.get(`/api/notices/${id}/${kind}`);
          expect(response.status(), `/api/notices/${id}/${kind}`).toBe(404);
          expect(await response.text()).not.toContain("Zonnebeke");
        }
      }
      if (rank(role) >= rank("librarian")) {
        await page.goto(`/settings?branch=${Z.branchId}`);
        await expect(page.getByText("Zonnebeke")).toHaveCount(0);
        await page.goto(`/settings/patron?card=${Z.patron.cardNumber}`);
        await expect(page.getByText(Z.patron.lastName)).toHaveCount(0);
        await page.goto(`/templates?card=${Z.patron.cardNumber}&branch=${Z.branchId}&stage=${Z.stageId(2)}`);
        await expect(page.getByText("Zonnebeke")).toHaveCount(0);
        await page.goto("/dry-run?date=2026-12-01");
        await expect(page.getByText(Z.patron.lastName)).toHaveCount(0);
      }
      if (rank(role) >= rank("manager")) {
        await page.goto(`/audit?entityId=${Z.stageId(2)}`);
        await expect(page.getByText(Z.staff.librarian.name)).toHaveCount(0);
        await page.goto("/audit");
        await expect(page.getByRole("option", { name: new RegExp(Z.staff.librarian.name) })).toHaveCount(0);
      }
      if (role === "admin") {
        const response = await page.goto(`/admin/staff/${Z.staff.manager.id}`);
        expect(response?.status()).toBe(404);
        await page.goto("/admin/staff");
        await expect(page.getByText(Z.staff.manager.email)).toHaveCount(0);
      }

      // actions: every form this role has, aimed at the other library's ids
      const forms: ActionForm[] = [];
      for (const { path, role: needed } of FORM_PAGES)
        if (rank(role) >= rank(needed)) forms.push(...(await actionFormsOn(page, path)));
      if (role === "admin") {
        await page.goto("/admin/staff");
        const href = await page.getByRole("link", { name: "Lotte Balie" }).getAttribute("href");
        forms.push(...(await actionFormsOn(page, href as string)));
      }
      expect(forms.length).toBeGreaterThan(role === "desk" ? 4 : 8);
      for (const form of forms) {
        const { text } = await callServerAction(page, {
          path: form.path,
          actionId: form.actionId,
          fields: aimedAtSecondLibrary(form),
        });
        expect(text, `${form.path} ${JSON.stringify(form.fields)}`).not.toMatch(
          /Zonnebeke|Anderbib|Zeno Beheer/,
        );
        // a temporary password (xxxx-xxxx-xxxx) is never handed out for another library's account
        expect(text).not.toMatch(/"temporaryPassword":"[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}"/);
      }
      expect(await fingerprintOfSecondLibrary()).toBe(before);
    });
  }

  test("resetting a branch field of the other library says that nothing changed", async ({ page }) => {
    await signIn(page, ROLE_EMAIL.librarian);
    // a branch override of the demo library: its edit form offers "back to inherited"
    const override = await withDatabase(async (client) => {
      const { rows } = await client.query(
        `SELECT o."stageId", o."branchId" FROM "BranchStageSetting" o JOIN "Branch" b ON b.id = o."branchId"
         WHERE b."libraryId" <> $1 AND o."feeCents" IS NOT NULL LIMIT 1`,
        [Z.id],
      );
      return rows[0] as { stageId: number; branchId: number };
    });
    const forms = await actionFormsOn(page, `/settings?branch=${override.branchId}&edit=${override.stageId}`);
    const reset = forms.find((form) => "field" in form.fields && "branchId" in form.fields);
    // the demo library has branch overrides, so its settings page offers "back to inherited"
    expect(reset).toBeDefined();
    if (!reset) return;
    const { text } = await callServerAction(page, {
      path: reset.path,
      actionId: reset.actionId,
      fields: {
        ...reset.fields,
        stageId: String(Z.stageId(2)),
        branchId: String(Z.branchId),
        field: "feeCents",
      },
    });
    expect(text).toContain("Er is niets gewijzigd: dit hoort niet bij je bibliotheek");
    expect(text).not.toContain("Het veld volgt weer het systeem");
  });
});

test.describe("the second library's own staff", () => {
  test("see their own library's name, patron, staff and audit log, and none of the demo library's", async ({
    page,
  }) => {
    await signIn(page, Z.staff.admin.email, PASSWORD);
    await expect(page.getByRole("banner")).toContainText(Z.name);
    await page.goto(`/patrons/${Z.patron.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(Z.patron.lastName);
    const demo = await page.goto(`/patrons/${PATRON_PAGE_PATRON.id}`);
    expect(demo?.status()).toBe(404);
    await page.goto("/admin/staff");
    await expect(page.getByText(Z.staff.manager.email)).toHaveCount(1);
    await expect(page.getByText(ROLE_EMAIL.manager)).toHaveCount(0);
    await page.goto("/audit");
    await expect(page.getByRole("cell", { name: new RegExp(Z.staff.librarian.name) })).not.toHaveCount(0);
    await page.goto("/settings");
    const branches = page.getByRole("option");
    await expect(branches.filter({ hasText: "Zonnebeke Centrum" }).first()).toBeAttached();
    await expect(branches.filter({ hasText: "Meulebeke" })).toHaveCount(0);
    await page.screenshot({ path: ".test-results/second-library-settings.png", fullPage: false });
  });
});

test.describe("a consortium-wide account", () => {
  test("chooses the library it works in, sees it in the header, and can switch", async ({ page }) => {
    await signIn(page, Z.consortium.email, PASSWORD);
    await expect(page).toHaveURL((url) => url.pathname === "/choose-library");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("In welke bibliotheek werk je?");
    await page.getByLabel("Bibliotheek").selectOption({ label: Z.name });
    await page.getByRole("button", { name: "Verder in deze bibliotheek" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/");
    const chooser = page.getByRole("banner").getByLabel("Werken in");
    await expect(chooser).toHaveValue(String(Z.id));
    await page.screenshot({ path: ".test-results/consortium-header.png" });
    await page.goto(`/patrons/${Z.patron.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(Z.patron.lastName);

    // switch to the demo library: the second library's patron is gone from view
    const demoOption = chooser.locator("option").filter({ hasNotText: Z.name }).first();
    await chooser.selectOption({ value: (await demoOption.getAttribute("value")) as string });
    await page.getByRole("banner").getByRole("button", { name: "Wisselen" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/");
    const response = await page.goto(`/patrons/${Z.patron.id}`);
    expect(response?.status()).toBe(404);
  });
});
