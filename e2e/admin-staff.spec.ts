import type { Page } from "@playwright/test";
import { E2E_ACCOUNTS, E2E_PASSWORD } from "./e2e-staff";
import { expect, signIn, test } from "./fixtures";

async function temporaryPassword(page: Page): Promise<string> {
  const code = page.locator("code");
  await expect(code).toHaveText(/^[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}$/);
  return (await code.textContent()) as string;
}

/** The forced first step after a temporary password: choose a new one. */
async function chooseNewPassword(page: Page, current: string, next: string, again = next): Promise<void> {
  await expect(page).toHaveURL((url) => url.pathname === "/change-password");
  await page.getByLabel("Huidig wachtwoord").fill(current);
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill(next);
  await page.getByLabel("Nieuw wachtwoord nog eens").fill(again);
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
}

test.describe("staff accounts (admin)", () => {
  test("an admin creates an account; it signs in with the temporary password and must choose its own", async ({
    page,
    browser,
    signInAs,
  }) => {
    await signInAs("admin");
    await page.goto("/admin/staff");
    await page.getByRole("link", { name: "Nieuw account" }).click();
    const email = `nieuw-${Date.now()}@e2e.rappel.be`;
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Naam").fill("Noor Nieuw");
    await page.getByLabel("Rol").selectOption("librarian");
    await page.getByLabel("Filiaal").selectOption({ label: "Bibliotheek Harelbeke" });
    await page.getByRole("button", { name: "Account aanmaken" }).click();
    await expect(page.getByRole("status")).toHaveText(`Account aangemaakt voor ${email}.`);
    const password = await temporaryPassword(page);

    const newcomer = await browser.newPage();
    await signIn(newcomer, email, password);
    await expect(newcomer).toHaveURL((url) => url.pathname === "/change-password");
    await newcomer.goto("/settings");
    await expect(newcomer).toHaveURL((url) => url.pathname === "/change-password");
    await chooseNewPassword(newcomer, password, "een nieuw eigen wachtwoord", "een ander wachtwoord");
    await expect(newcomer.getByText("De twee wachtwoorden zijn niet gelijk.")).toBeVisible();
    await chooseNewPassword(newcomer, "niet het tijdelijke", "een nieuw eigen wachtwoord");
    await expect(newcomer.getByText("Dit is niet je huidige wachtwoord.")).toBeVisible();
    await chooseNewPassword(newcomer, password, "een nieuw eigen wachtwoord");
    await expect(newcomer).toHaveURL((url) => url.pathname === "/");
    await expect(newcomer.getByRole("region", { name: "Je account" })).toContainText(
      "Bibliothecaris · Bibliotheek Harelbeke",
    );
    await newcomer.goto("/settings");
    await expect(newcomer).toHaveURL((url) => url.pathname === "/settings");

    // Creating the same email again is refused on the field.
    await page.goto("/admin/staff/new");
    await page.getByLabel("E-mailadres").fill(email.toUpperCase());
    await page.getByLabel("Naam").fill("Dubbel");
    await page.getByRole("button", { name: "Account aanmaken" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Controleer" })).toBeVisible();
    await expect(page.getByText("Bestaat al.")).toBeVisible();
  });

  test("a password reset ends the user's sessions and forces a new password", async ({
    page,
    browser,
    signInAs,
  }) => {
    const user = await browser.newPage();
    await signIn(user, E2E_ACCOUNTS.reset.email, E2E_PASSWORD);
    await expect(user).toHaveURL((url) => url.pathname === "/");

    await signInAs("admin");
    await page.goto("/admin/staff");
    await page.getByRole("link", { name: E2E_ACCOUNTS.reset.name }).click();
    await page.getByRole("button", { name: "Wachtwoord opnieuw instellen" }).click();
    await expect(page.getByRole("status")).toHaveText(
      `Nieuw tijdelijk wachtwoord voor ${E2E_ACCOUNTS.reset.name}.`,
    );
    const password = await temporaryPassword(page);

    await user.reload();
    await expect(user).toHaveURL((url) => url.pathname === "/sign-in");
    await signIn(user, E2E_ACCOUNTS.reset.email, password);
    await chooseNewPassword(user, password, "weer een eigen wachtwoord");
    await expect(user).toHaveURL((url) => url.pathname === "/");
  });

  test("an admin changes a role and disables an account; both are in the audit log", async ({
    page,
    browser,
    signInAs,
  }) => {
    await signInAs("admin");
    await page.goto("/admin/staff/new");
    const email = `tijdelijk-${Date.now()}@e2e.rappel.be`;
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Naam").fill("Tom Tijdelijk");
    await page.getByRole("button", { name: "Account aanmaken" }).click();
    const password = await temporaryPassword(page);

    await page.goto("/admin/staff");
    await page.getByRole("link", { name: "Tom Tijdelijk" }).click();
    await page.getByLabel("Rol").selectOption("manager");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await expect(page.getByRole("status")).toHaveText("De wijzigingen zijn opgeslagen.");
    await page.getByRole("button", { name: "Account uitschakelen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "uitgeschakeld" })).toHaveText(
      "Het account is uitgeschakeld.",
    );

    const user = await browser.newPage();
    await user.goto("/sign-in");
    await user.getByLabel("E-mailadres").fill(email);
    await user.getByLabel("Wachtwoord").fill(password);
    await user.getByRole("button", { name: "Aanmelden" }).click();
    await expect(user.locator("#sign-in-error")).toContainText("uitgeschakeld");

    await page.getByRole("link", { name: "Wijzigingen aan dit account in het auditlog" }).click();
    const rows = page.getByRole("row");
    // the log speaks words: who did what to whose account, no action keys
    await expect(
      rows.filter({ hasText: "Pieter Admin schakelde het account van Tom Tijdelijk uit" }),
    ).toHaveCount(1);
    const update = rows.filter({ hasText: "Pieter Admin wijzigde het account van Tom Tijdelijk" });
    await expect(update).toContainText("de rol: balie → manager");
    await expect(
      rows.filter({ hasText: "Pieter Admin maakte het account van Tom Tijdelijk aan" }),
    ).toHaveCount(1);
    await expect(page.getByRole("table")).not.toContainText("staff.");
  });

  test("managers filter the audit log by action", async ({ page, signInAs }) => {
    await signInAs("manager");
    await page.goto("/audit");
    await page.getByLabel("Actie").selectOption({ label: "Account aangemaakt" });
    await page.getByRole("button", { name: "Toepassen" }).click();
    await expect(page).toHaveURL(/action=staff\.create/);
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows.nth(1)).toContainText("maakte het account van");
    for (const text of await rows.allTextContents()) {
      if (!text.includes("Wanneer")) expect(text).toMatch(/maakte het account van .+ aan/);
    }
  });
});
