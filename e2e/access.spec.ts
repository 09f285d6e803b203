import type { StaffRole } from "../lib/auth/roles";
import nl from "../messages/nl.json" with { type: "json" };
import { actionIdOfForm, callServerAction, expect, ROLE_EMAIL, ROLES, signIn, test } from "./fixtures";
import { PATRON_PAGE_PATRON } from "./patron-page-data";

/** Every staff page and the least role that may open it (design.md "Who may do what"). */
const PAGES: { path: string; role: StaffRole; nav?: string }[] = [
  { path: "/", role: "desk", nav: "Vandaag" },
  { path: "/patrons", role: "desk", nav: "Leners" },
  { path: `/patrons/${PATRON_PAGE_PATRON.id}`, role: "desk" },
  { path: "/settings", role: "librarian", nav: "Instellingen" },
  { path: "/templates", role: "librarian", nav: "Sjablonen" },
  { path: "/dry-run", role: "librarian" },
  { path: "/send-runs", role: "librarian", nav: "Verzendrondes" },
  { path: "/bounces", role: "librarian", nav: "Bounces" },
  { path: "/letters", role: "librarian", nav: "Brieven" },
  { path: "/import", role: "librarian", nav: "Import" },
  { path: "/statistics", role: "manager", nav: "Statistieken" },
  { path: "/audit", role: "manager", nav: "Auditlog" },
  { path: "/admin/staff", role: "admin", nav: "Medewerkers" },
  { path: "/admin/staff/new", role: "admin" },
  { path: "/admin/api-tokens", role: "admin", nav: "API-sleutels" },
];

const rank = (role: StaffRole) => ROLES.indexOf(role);

test.describe("signed out", () => {
  test("every staff page sends you to the sign-in page, which brings you back after signing in", async ({
    page,
  }) => {
    for (const { path } of PAGES) {
      await page.goto(path);
      await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
      expect(new URL(page.url()).searchParams.get("callbackUrl") ?? "/").toBe(path);
    }
    await page.goto("/letters");
    await signIn(page, ROLE_EMAIL.librarian);
    await expect(page).toHaveURL((url) => url.pathname === "/letters");
  });

  test("pages are sent with headers that keep other sites from framing them", async ({ request }) => {
    const response = await request.get("/sign-in");
    expect(response.headers()["x-frame-options"]).toBe("SAMEORIGIN");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["referrer-policy"]).toBe("same-origin");
  });

  test("every page carries a Content-Security-Policy with a fresh nonce that Next's scripts carry too", async ({
    page,
  }) => {
    const nonces = new Set<string>();
    for (const path of ["/sign-in", "/sign-in?callbackUrl=%2Fpatrons"]) {
      const response = await page.goto(path);
      const csp = response?.headers()["content-security-policy"] ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("'strict-dynamic'");
      expect(csp).toContain("object-src 'none'");
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
      expect(nonce.length).toBeGreaterThan(15);
      nonces.add(nonce);
      // Next's own scripts carry it (so the page works), and the form still works
      const scripts = page.locator("script[src]");
      expect(await scripts.count()).toBeGreaterThan(0);
      for (const script of await scripts.all())
        expect(await script.evaluate((s) => (s as HTMLScriptElement).nonce)).toBe(nonce);
    }
    expect(nonces.size).toBe(2);
    // the sign-in form's script ran under the policy: it signs in and returns to ?callbackUrl
    await signIn(page, ROLE_EMAIL.desk);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lener zoeken");
  });

  test("a server action posted without a session changes nothing", async ({ request }) => {
    const response = await request.post("/admin/staff/new", {
      headers: { "Next-Action": "0".repeat(42), Accept: "text/x-component" },
      multipart: { "0": "[]" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toContain("/sign-in");
  });
});

for (const role of ROLES) {
  test.describe(`signed in as ${role}`, () => {
    test(`opens the pages for ${role} and gets "Geen toegang" on the others`, async ({ signInAs }) => {
      const page = await signInAs(role);
      for (const { path, role: needed } of PAGES) {
        const response = await page.goto(path);
        if (rank(role) >= rank(needed)) {
          expect(response?.status(), `${role} opening ${path}`).toBe(200);
          await expect(page, `${role} may open ${path}`).toHaveURL((url) => url.pathname === path);
          await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Geen toegang");
        } else {
          expect(response?.status(), `${role} may not open ${path}`).toBe(403);
          await expect(page).toHaveURL((url) => url.pathname === path);
          await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geen toegang");
        }
      }
    });

    test(`the menu shows ${role} only the pages it can open`, async ({ signInAs }) => {
      const page = await signInAs(role);
      const menu = page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link");
      const expected = PAGES.filter((p) => p.nav && rank(role) >= rank(p.role)).map((p) => p.nav as string);
      await expect(menu).toHaveText(expected);
    });
  });
}

test("signed-in staff pages carry the nonce-based Content-Security-Policy too", async ({ signInAs }) => {
  const page = await signInAs("librarian");
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  for (const path of ["/", "/patrons", "/settings", "/send-runs"]) {
    const response = await page.goto(path);
    const csp = response?.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
    expect(nonce.length, path).toBeGreaterThan(15);
    expect(csp, path).toContain("'strict-dynamic'");
    // every script the server sent carries it (the chunks they load later are trusted through them)
    const tags = (await response?.text())?.match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length, path).toBeGreaterThan(0);
    for (const tag of tags) expect(tag, path).toContain(`nonce="${nonce}"`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  expect(refused).toEqual([]);
});

test("a staff API route refuses a role below its own with a code and Dutch words, not a page", async ({
  signInAs,
}) => {
  const page = await signInAs("desk");
  // the statistics download is for managers
  const response = await page.request.get("/api/statistics/csv");
  expect(response.status()).toBe(403);
  expect(await response.json()).toEqual({ code: "forbidden", message: nl.errors.forbidden });
  // the desk's own route still answers
  expect((await page.request.get("/api/patrons/search?q=zz")).status()).toBe(200);
});

test.describe("server actions called directly", () => {
  test("desk, librarian and manager sessions cannot create or disable accounts; an admin can", async ({
    browser,
  }) => {
    const admin = await browser.newPage();
    await signIn(admin, ROLE_EMAIL.admin);
    await admin.goto("/admin/staff/new");
    const createId = await actionIdOfForm(admin);
    // Opened with goto, not a click: React writes a form's action reference into the HTML only
    // when the page is rendered on the server.
    await admin.goto("/admin/staff");
    const adminHref = await admin.getByRole("link", { name: "Pieter Admin" }).getAttribute("href");
    const adminId = adminHref?.split("/").at(-1) as string;
    // The admin's own page has no disable form: take the action id from another account's page.
    const deskHref = await admin.getByRole("link", { name: "Lotte Balie" }).getAttribute("href");
    await admin.goto(deskHref as string);
    const disableId = await actionIdOfForm(
      admin,
      admin.locator("form", { has: admin.getByRole("button", { name: "Account uitschakelen" }) }),
    );

    for (const role of ["desk", "librarian", "manager"] as const) {
      const page = await browser.newPage();
      await signIn(page, ROLE_EMAIL[role]);
      const email = `stiekem-${role}-${Date.now()}@e2e.rappel.be`;
      const create = await callServerAction(page, {
        path: "/admin/staff/new",
        actionId: createId,
        fields: { email, name: "Stiekem", role: "admin", branchId: "" },
      });
      expect(create.text, `${role} creating an account`).toContain("Geen toegang: je rol mag dit niet doen.");
      const disable = await callServerAction(page, {
        path: "/admin/staff/new",
        actionId: disableId,
        fields: { id: adminId, disabled: "true" },
      });
      expect(disable.text, `${role} disabling the admin`).toContain(
        "Geen toegang: je rol mag dit niet doen.",
      );
      await admin.goto("/admin/staff");
      await expect(admin.getByText(email)).toHaveCount(0);
      await expect(admin.getByRole("row", { name: /Pieter Admin/ })).toContainText("Actief");
      await page.close();
    }

    // The same call from an admin session does create the account: the refusals above were real.
    const email = `controle-${Date.now()}@e2e.rappel.be`;
    const create = await callServerAction(admin, {
      path: "/admin/staff/new",
      actionId: createId,
      fields: { email, name: "Controle", role: "desk", branchId: "" },
    });
    expect(create.text).toContain(`Account aangemaakt voor ${email}.`);
    await admin.goto("/admin/staff");
    await expect(admin.getByText(email)).toHaveCount(1);
  });

  test("a tampered session cookie is signed out, for pages and for actions", async ({ page, signInAs }) => {
    await signInAs("admin");
    await page.goto("/admin/staff/new");
    const createId = await actionIdOfForm(page);
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session).toBeDefined();
    if (!session) return;
    // Flip characters in the middle of the encrypted token.
    const middle = Math.floor(session.value.length / 2);
    const flipped = session.value.slice(middle, middle + 4) === "AAAA" ? "BBBB" : "AAAA";
    const tampered = `${session.value.slice(0, middle)}${flipped}${session.value.slice(middle + 4)}`;
    await page.context().addCookies([{ ...session, value: tampered }]);

    const email = `vervalst-${Date.now()}@e2e.rappel.be`;
    const create = await callServerAction(page, {
      path: "/admin/staff/new",
      actionId: createId,
      fields: { email, name: "Vervalst", role: "admin", branchId: "" },
    });
    expect(create.text).toContain("Je bent niet (meer) aangemeld.");

    await page.goto("/admin/staff");
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
    await signIn(page, ROLE_EMAIL.admin);
    await expect(page).toHaveURL((url) => url.pathname === "/admin/staff");
    await expect(page.getByText(email)).toHaveCount(0);
  });

  test("a PDF link opened with an ended session goes to the sign-in page; a script gets 401 with a code", async ({
    page,
    baseURL,
  }) => {
    await page
      .context()
      .addCookies([{ name: "next-auth.session-token", value: "ended-session", url: baseURL }]);
    await page.goto("/api/templates/letter");
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    const script = await page.request.get("/api/templates/letter", { maxRedirects: 0 });
    expect(script.status()).toBe(401);
    expect(await script.json()).toMatchObject({ code: "signedOut" });
  });
});
