import { E2E_ACCOUNTS, E2E_PASSWORD } from "./e2e-staff";
import { expect, ROLE_EMAIL, signIn, signInError, submitSignIn, test } from "./fixtures";

test.describe("sign-in", () => {
  test("a wrong password and an unknown account get the same message", async ({ page }) => {
    await page.goto("/sign-in");
    await submitSignIn(page, ROLE_EMAIL.manager, "niet-het-wachtwoord");
    await expect(signInError(page)).toHaveText("Het e-mailadres of het wachtwoord klopt niet.");
    await expect(page.getByLabel("Wachtwoord")).toHaveValue("");

    await submitSignIn(page, "niemand@e2e.rappel.be", "niet-het-wachtwoord");
    await expect(signInError(page)).toHaveText("Het e-mailadres of het wachtwoord klopt niet.");
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
  });

  test("a disabled account is refused", async ({ page }) => {
    await submitSignIn(page, E2E_ACCOUNTS.disabled.email, E2E_PASSWORD);
    await expect(signInError(page)).toHaveText(
      "Dit account is uitgeschakeld. Vraag een admin om het weer aan te zetten.",
    );
    await page.goto("/");
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
  });

  test("five wrong passwords lock the account, with the time to try again", async ({ page }) => {
    const email = E2E_ACCOUNTS.lockout.email;
    for (let attempt = 1; attempt < 5; attempt++) {
      await submitSignIn(page, email, `gok-${attempt}`);
      await expect(signInError(page)).toHaveText("Het e-mailadres of het wachtwoord klopt niet.");
    }
    await submitSignIn(page, email, "gok-5");
    await expect(signInError(page)).toHaveText(
      /^Te veel mislukte pogingen\. Probeer opnieuw na \d{2}:\d{2}\.$/,
    );
    // Locked means locked: the right password waits too.
    await submitSignIn(page, email, E2E_PASSWORD);
    await expect(signInError(page)).toHaveText(/^Te veel mislukte pogingen/);
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
  });

  test("the header shows who is signed in; signing out ends the session", async ({ page, signInAs }) => {
    await signInAs("desk");
    const account = page.getByRole("region", { name: "Je account" });
    await expect(account).toContainText("Lotte Balie");
    await expect(account).toContainText("Balie · Bibliotheek Meulebeke");
    await account.getByRole("button", { name: "Afmelden" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
    await expect(page.getByRole("status")).toHaveText("Je bent afgemeld.");
    await page.goto("/patrons");
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
  });

  test("signing out ends the account's other sessions; changing the password keeps this one and ends the others", async ({
    browser,
  }) => {
    const { email } = E2E_ACCOUNTS.sessions;
    const open = async (password: string) => {
      const page = await (await browser.newContext()).newPage();
      await signIn(page, email, password);
      return page;
    };
    // two browsers of one account; signing out in one ends the other
    const office = await open(E2E_PASSWORD);
    const home = await open(E2E_PASSWORD);
    await office
      .getByRole("region", { name: "Je account" })
      .getByRole("button", { name: "Afmelden" })
      .click();
    await expect(office).toHaveURL((url) => url.pathname === "/sign-in");
    await home.goto("/patrons");
    await expect(home).toHaveURL((url) => url.pathname === "/sign-in");

    // a password change: this browser stays signed in, the other one is signed out
    const here = await open(E2E_PASSWORD);
    const elsewhere = await open(E2E_PASSWORD);
    await here.goto("/change-password");
    await here.getByLabel("Huidig wachtwoord").fill(E2E_PASSWORD);
    await here.getByLabel("Nieuw wachtwoord", { exact: true }).fill("een-heel-nieuw-wachtwoord");
    await here.getByLabel("Nieuw wachtwoord nog eens").fill("een-heel-nieuw-wachtwoord");
    await here.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await expect(here).toHaveURL((url) => url.pathname === "/");
    await here.goto("/patrons");
    await expect(here).toHaveURL((url) => url.pathname === "/patrons");
    await elsewhere.goto("/patrons");
    await expect(elsewhere).toHaveURL((url) => url.pathname === "/sign-in");
  });

  test("a signed-in visitor of the sign-in page goes to the dashboard", async ({ page }) => {
    await signIn(page, ROLE_EMAIL.librarian);
    await page.goto("/sign-in");
    await expect(page).toHaveURL((url) => url.pathname === "/");
  });
});

test.describe("forms that answer with errors", () => {
  test("a failed sign-in marks both fields invalid and puts the focus on the emptied password", async ({
    page,
  }) => {
    await submitSignIn(page, ROLE_EMAIL.manager, "niet-het-wachtwoord");
    await expect(signInError(page)).toBeVisible();
    await expect(page.getByLabel("E-mailadres")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Wachtwoord")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Wachtwoord")).toBeFocused();
  });

  test("a form refused by the server moves the focus to its first bad field", async ({ page }) => {
    await signIn(page, ROLE_EMAIL.librarian);
    await page.goto("/change-password");
    await page.getByLabel("Huidig wachtwoord").fill("dit-is-het-niet-12");
    await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("een-ander-wachtwoord");
    await page.getByLabel("Nieuw wachtwoord nog eens").fill("een-ander-wachtwoord");
    await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await expect(page.getByLabel("Huidig wachtwoord")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Huidig wachtwoord")).toBeFocused();
  });
});
