import { expect, test } from "./fixtures";

test.describe("templates preview", () => {
  test("a librarian sees the email preview with its subject, an item and the letter PDF", async ({
    signInAs,
  }) => {
    const page = await signInAs("librarian");
    await page.goto("/templates");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sjablonen");
    await expect(page.getByTestId("preview-subject")).not.toBeEmpty();
    const desktop = page.frameLocator('iframe[title="E-mail zoals op een computer"]');
    await expect(desktop.getByText("Het smelt").first()).toBeVisible();
    const phone = page.frameLocator('iframe[title="E-mail zoals op een telefoon"]');
    await expect(phone.getByText("Het smelt").first()).toBeVisible();
    await expect(page.getByText("Geen e-mailverzending ingesteld (RESEND_API_KEY)")).toBeVisible();

    const href = await page.getByRole("link", { name: "Brief als PDF openen" }).getAttribute("href");
    const pdf = await page.request.get(href ?? "");
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  });

  test("the preview follows the chosen language through the GET form", async ({ signInAs }) => {
    const page = await signInAs("librarian");
    await page.goto("/templates");
    await page.getByLabel("Taal van de lener").selectOption("fr");
    await page.getByRole("button", { name: "Voorbeeld tonen" }).click();
    await expect(page).toHaveURL(/lang=fr/);
    await expect(page.getByLabel("Taal van de lener")).toHaveValue("fr");
  });

  test("an unknown placeholder is refused with a message pointing at it", async ({ signInAs }) => {
    const page = await signInAs("librarian");
    await page.goto("/templates?lang=en");
    await page.getByLabel("Onderwerp", { exact: true }).fill("Hello {patron.fristName}");
    await page.getByRole("button", { name: "Tekst bewaren" }).click();
    await expect(page.getByText("Niet bewaard: controleer de gemarkeerde velden.")).toBeVisible();
    await expect(
      page.getByText("Onbekend invulveld {patron.fristName} op teken 7. Bedoel je {patron.firstName}?"),
    ).toBeVisible();
    await expect(page.getByLabel("Onderwerp", { exact: true })).toHaveAttribute("aria-invalid", "true");
  });

  test("saved wording shows in the preview, and goes back to inherited", async ({ signInAs }) => {
    const page = await signInAs("librarian");
    await page.goto("/templates?lang=en");
    const firstBranch = await page.locator("select#branch option").nth(1).getAttribute("value");
    await page.goto(`/templates?lang=en&branch=${firstBranch}`);
    await page.getByLabel("Onderwerp", { exact: true }).fill("E2E subject for {patron.firstName}");
    await page.getByRole("button", { name: "Tekst bewaren" }).click();
    await expect(page.getByText("Tekst bewaard.")).toBeVisible();
    await expect(page.getByTestId("preview-subject")).toHaveText(/^E2E subject for /);
    await page.getByRole("button", { name: "Terug naar overgenomen tekst" }).click();
    await expect(page.getByText("Het veld neemt de tekst weer over.")).toBeVisible();
    await expect(page.getByTestId("preview-subject")).not.toHaveText(/^E2E subject/);
  });

  test("a desk user gets the no-access page, and no letter", async ({ signInAs }) => {
    const page = await signInAs("desk");
    await page.goto("/templates");
    await expect(page).toHaveURL((url) => url.pathname === "/forbidden");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geen toegang");
    const pdf = await page.request.get("/api/templates/letter");
    expect(pdf.status()).toBe(403);
  });
});
