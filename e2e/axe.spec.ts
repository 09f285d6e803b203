import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, ROLE_EMAIL, signIn, test } from "./fixtures";
import { PATRON_PAGE_PATRON } from "./patron-page-data";
import { STAFF_PAGES } from "./staff-pages";

/** Fails on every violation but a minor one: moderate, serious and critical. */
async function expectNoViolations(page: Page, label: string): Promise<void> {
  // the table wrappers have measured whether they scroll (and so whether they take the focus)
  await expect(page.locator("section.overflow-x-auto:not([data-measured])")).toHaveCount(0);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    // The templates page previews a patron's email in sandboxed iframes that run no scripts:
    // axe cannot enter them and would wait for them until the test times out. The staff page
    // around them is checked; the email's own markup is not the staff UI.
    .exclude("iframe[sandbox]")
    .analyze();
  const found = results.violations.filter((v) => v.impact !== "minor");
  expect(
    found.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    label,
  ).toEqual([]);
}

test("the sign-in page passes axe, also with an error shown", async ({ page }) => {
  await page.goto("/sign-in");
  await expectNoViolations(page, "/sign-in");
  await page.getByLabel("E-mailadres").fill("niemand@e2e.rappel.be");
  await page.getByLabel("Wachtwoord").fill("fout");
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page.locator("#sign-in-error")).toBeVisible();
  await expectNoViolations(page, "/sign-in with error");
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
        await expectNoViolations(page, `${path} (${language})`);
      });
    }

    test("a staff account's page passes axe", async ({ page }) => {
      await page.goto("/admin/staff");
      await page.getByRole("table").getByRole("link").first().click();
      await expect(page).toHaveURL(/\/admin\/staff\/\d+$/);
      await expectNoViolations(page, `staff account page (${language})`);
    });
  });
}

test("forms showing their errors pass axe", async ({ page }) => {
  await signIn(page, ROLE_EMAIL.admin);
  // a refusal at one field: the email of an existing account
  await page.goto("/admin/staff/new");
  await page.getByLabel("E-mailadres").fill(ROLE_EMAIL.desk.toUpperCase());
  await page.getByLabel("Naam").fill("Dubbel");
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  await expect(page.getByText("Bestaat al.")).toBeVisible();
  await expectNoViolations(page, "new account with an error");

  // a refusal the browser lets through: an address without a top-level domain
  await page.goto(`/patrons/${PATRON_PAGE_PATRON.id}#correct-email`);
  await page.getByLabel("Nieuw e-mailadres").fill("iemand@nergens");
  await page.getByRole("button", { name: "E-mailadres bewaren" }).click();
  await expect(page.getByText("Dit is geen geldig e-mailadres.")).toBeVisible();
  await expectNoViolations(page, "patron page with a refused email");

  // several problems at once, each at its field, with the form's message
  await page.goto("/templates?lang=en");
  await page.getByLabel("Onderwerp", { exact: true }).fill("Hello {patron.fristName}");
  await page.getByRole("button", { name: "Tekst bewaren" }).click();
  await expect(page.getByText("Controleer de gemarkeerde velden.")).toBeVisible();
  await expectNoViolations(page, "templates with a refused placeholder");

  // a NUL byte in the address: the page that says so
  await page.goto("/patrons?q=%00");
  await expectNoViolations(page, "an address holding a NUL byte");
});

test("the no-access page passes axe", async ({ page }) => {
  await signIn(page, ROLE_EMAIL.desk);
  const response = await page.goto("/settings");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geen toegang");
  await expectNoViolations(page, "no access (403)");
});
