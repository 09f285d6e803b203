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

  test("a signed-in visitor of the sign-in page goes to the dashboard", async ({ page }) => {
    await signIn(page, ROLE_EMAIL.librarian);
    await page.goto("/sign-in");
    await expect(page).toHaveURL((url) => url.pathname === "/");
  });
});
