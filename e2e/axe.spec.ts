import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, ROLE_EMAIL, signIn, test } from "./fixtures";
import { PATRON_PAGE_PATRON } from "./patron-page-data";

async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    // The templates page previews a patron's email in sandboxed iframes that run no scripts:
    // axe cannot enter them and would wait for them until the test times out. The staff page
    // around them is checked; the email's own markup is not the staff UI.
    .exclude("iframe[sandbox]")
    .analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    label,
  ).toEqual([]);
}

const STAFF_PAGES = [
  "/",
  "/patrons",
  "/patrons?q=Zoekvenster",
  `/patrons/${PATRON_PAGE_PATRON.id}`,
  "/settings",
  "/settings/patron?card=E2E-INST-1",
  "/patrons/990201/settings",
  "/templates",
  "/send-runs",
  "/bounces",
  "/bounces?period=all&show=open",
  "/settings/bounces",
  "/settings/self-service?branch=1",
  "/letters",
  "/statistics",
  "/audit",
  "/admin/staff",
  "/admin/staff/new",
  "/import",
  "/admin/api-tokens",
  "/change-password",
];

test("the sign-in page passes axe, also with an error shown", async ({ page }) => {
  await page.goto("/sign-in");
  await expectNoSeriousViolations(page, "/sign-in");
  await page.getByLabel("E-mailadres").fill("niemand@e2e.rappel.be");
  await page.getByLabel("Wachtwoord").fill("fout");
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page.locator("#sign-in-error")).toBeVisible();
  await expectNoSeriousViolations(page, "/sign-in with error");
});

for (const language of ["Nederlands", "English"] as const) {
  test.describe(`in ${language}`, () => {
    test.beforeEach(async ({ page, signInAs }) => {
      await signInAs("admin");
      if (language === "English") {
        await page.getByRole("button", { name: "English" }).click();
        await expect(page.locator("html")).toHaveAttribute("lang", "en");
      }
    });

    for (const path of STAFF_PAGES) {
      test(`${path} passes axe`, async ({ page }) => {
        await page.goto(path);
        await expectNoSeriousViolations(page, `${path} (${language})`);
      });
    }

    test("a staff account's page passes axe", async ({ page }) => {
      await page.goto("/admin/staff");
      await page.getByRole("table").getByRole("link").first().click();
      await expect(page).toHaveURL(/\/admin\/staff\/\d+$/);
      await expectNoSeriousViolations(page, `staff account page (${language})`);
    });
  });
}

test("the no-access page passes axe", async ({ page }) => {
  await signIn(page, ROLE_EMAIL.desk);
  const response = await page.goto("/settings");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geen toegang");
  await expectNoSeriousViolations(page, "no access (403)");
});
