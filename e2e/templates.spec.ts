import { withE2eDb } from "./e2e-database";
import { expect, test } from "./fixtures";
import { resetStoryPatron, storyPatron } from "./patron-page-data";

/** This spec's own patron for the desk letter: printing changes no other spec's patron. */
const LETTER_PATRON = storyPatron(990_101, "sjabloon", "Teun", "Sjabloon");

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
    // the browser tests' server sends through the local fake Resend: the test mail is offered
    await expect(page.getByRole("button", { name: /Stuur een testmail naar mezelf/ })).toBeVisible();

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
    await expect(page.getByText("Controleer de gemarkeerde velden.")).toBeVisible();
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
    const response = await page.goto("/templates");
    expect(response?.status()).toBe(403);
    await expect(page).toHaveURL((url) => url.pathname === "/templates");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geen toegang");
    const pdf = await page.request.get("/api/templates/letter");
    expect(pdf.status()).toBe(403);
  });
});

test.describe("what was sent, at the desk", () => {
  test("a stored notice's email and letter are served as sent; unknown ones are not found", async ({
    page,
    signInAs,
  }) => {
    await signInAs("desk");
    // The demo's simulated history: the first notices are rendered and stored.
    let emailId: number | null = null;
    for (let id = 1; id <= 40 && emailId === null; id++) {
      const response = await page.request.get(`/api/notices/${id}/email`);
      if (response.status() === 200) emailId = id;
      else expect(response.status()).toBe(404);
    }
    expect(emailId).not.toBeNull();
    const email = await page.request.get(`/api/notices/${emailId}/email`);
    expect(email.headers()["content-type"]).toContain("text/html");
    expect(email.headers()["content-security-policy"]).toContain("default-src 'none'");
    // no remote image loads (a tracking pixel, a remote logo): only this server's and inline ones
    expect(email.headers()["content-security-policy"]).toMatch(/img-src 'self' data:;/);
    expect(await email.text()).not.toMatch(/\{(patron|library|stage|items)\.[a-zA-Z]+\}/);

    const letter = await page.request.get(`/api/notices/${emailId}/letter`);
    expect(letter.status()).toBe(200);
    expect(letter.headers()["content-type"]).toBe("application/pdf");
    expect((await letter.body()).subarray(0, 5).toString()).toBe("%PDF-");

    expect((await page.request.get("/api/notices/99999999/letter")).status()).toBe(404);
    expect((await page.request.get("/api/notices/abc/letter")).status()).toBe(404);
  });

  test("print letter now records the desk letter and offers the PDF", async ({ page, signInAs }) => {
    await withE2eDb((db, libraryId) => resetStoryPatron(db, libraryId, LETTER_PATRON));
    await signInAs("desk");
    await page.goto(`/patrons/${LETTER_PATRON.id}`);
    const button = page.getByRole("button", { name: "Brief nu afdrukken" }).first();
    await expect(button).toBeVisible();
    await button.click();
    const link = page.getByRole("link", { name: /Brief openen \(pdf\)/ }).first();
    await expect(link).toBeFocused();
    await expect(page.getByText("De brief staat klaar.").first()).toBeVisible();
    await expect(link).toHaveAttribute("target", "_blank");
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/api\/letters\/\d+\/pdf$/);
    const pdf = await page.request.get(href ?? "");
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await page.screenshot({ path: "shots/print-letter-1280.png" });

    await page.setViewportSize({ width: 390, height: 900 });
    await button.click();
    await expect(page.getByText("De brief staat opnieuw klaar (eerder al afgedrukt).").first()).toBeVisible();
    await page.screenshot({ path: "shots/print-letter-390.png" });
  });
});
