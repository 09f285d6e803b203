import type { Page } from "@playwright/test";
import { withE2eDb } from "./e2e-database";
import { expect, test } from "./fixtures";
import { PATRON_PAGE_PATRON as P, resetStoryPatron } from "./patron-page-data";

// One patron (e2e/patron-page-data.ts) whom only this spec changes, made anew before it
// starts, so whatever ran before (another spec, an earlier run) changes nothing here. The
// tests run in order (workers: 1) but each checks only what its own action changed.
const PATH = `/patrons/${P.id}`;

test.beforeAll(() => withE2eDb((db, libraryId) => resetStoryPatron(db, libraryId, P)));

function section(page: Page, heading: string) {
  return page.locator("section", { has: page.getByRole("heading", { name: heading, exact: true }) });
}

test.describe("the patron page at the desk", () => {
  test.beforeEach(async ({ page, signInAs }) => {
    await signInAs("desk");
    await page.goto(PATH);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${P.firstName} ${P.lastName}`);
  });

  test("shows the card, the email's health in words, the flags with their fix and the preferences", async ({
    page,
  }) => {
    await expect(page.getByText(`Kaart ${P.cardNumber}`)).toBeVisible();
    const contact = section(page, "Contactgegevens");
    await expect(contact).toContainText(P.email);
    await expect(contact).toContainText("Onbestelbaar sinds 24 nov 2026 — berichten gaan per brief.");
    const flags = section(page, "Vraagt aandacht");
    await expect(flags).toContainText("E-mail onbestelbaar");
    await expect(flags).toContainText("Brief teruggekomen van de post");
    await expect(flags.getByRole("link", { name: "E-mailadres verbeteren" })).toHaveAttribute(
      "href",
      "#correct-email",
    );
    // The fix opens the correction form, also after someone folded it away.
    await page.locator("#correct-email > summary").click();
    await expect(page.getByLabel("Nieuw e-mailadres")).toBeHidden();
    await flags.getByRole("link", { name: "E-mailadres verbeteren" }).click();
    await expect(page.getByLabel("Nieuw e-mailadres")).toBeVisible();
    const preferences = section(page, "Voorkeuren voor berichten");
    await expect(preferences).toContainText("Ja, aangevraagd");
    await expect(
      preferences.getByRole("link", { name: "Instellingen voor berichten wijzigen" }),
    ).toHaveAttribute("href", `${PATH}/settings`);
  });

  test("correcting the email refuses a bad address, then resolves the flag and shows in the history", async ({
    page,
  }) => {
    const field = page.getByLabel("Nieuw e-mailadres");
    await field.fill("xaveria@nieuw");
    await page.getByRole("button", { name: "E-mailadres bewaren" }).click();
    await expect(page.getByText("Dit is geen geldig e-mailadres.")).toBeVisible();
    await expect(field).toHaveAttribute("aria-invalid", "true");

    await field.fill("Xaveria@Nieuw.e2e.rappel.be");
    await page.getByRole("button", { name: "E-mailadres bewaren" }).click();
    await expect(page.getByRole("status")).toContainText(
      "E-mailadres gewijzigd in xaveria@nieuw.e2e.rappel.be.",
    );
    await expect(section(page, "Vraagt aandacht")).not.toContainText("E-mail onbestelbaar");
    const contact = section(page, "Contactgegevens");
    await expect(contact).toContainText("Nog niet bevestigd");
    const history = section(page, "Geschiedenis van wijzigingen");
    await expect(history).toContainText("E-mailadres verbeterd");
    await expect(history).toContainText(`E-mailadres: ${P.email} → xaveria@nieuw.e2e.rappel.be`);
    await expect(history).toContainText("Werking e-mail: onbestelbaar → nog niet bevestigd");
    await expect(history).not.toContainText("emailStatus");
    await expect(history).toContainText("Lotte Balie");

    await page.reload();
    await expect(section(page, "Contactgegevens")).toContainText("xaveria@nieuw.e2e.rappel.be");
    await expect(page.getByText("E-mail onbestelbaar", { exact: true })).toHaveCount(0);
  });

  test("correcting the postal address resolves the returned-letter flag", async ({ page }) => {
    await page.getByLabel("Straat en nummer").fill("Juiste straat 2");
    await page.getByLabel("Postcode").fill("8760");
    await page.getByLabel("Gemeente").fill("Meulebeke");
    await page.getByLabel("Land (twee letters, bv. BE)").fill("be");
    await page.getByRole("button", { name: "Adres bewaren" }).click();
    await expect(page.getByRole("status")).toContainText("Adres bewaard.");
    await expect(page.getByText("Brief teruggekomen van de post")).toHaveCount(0);
    await expect(section(page, "Contactgegevens").locator("address")).toContainText("Juiste straat 2");
    await expect(section(page, "Geschiedenis van wijzigingen")).toContainText("Adres verbeterd");
  });

  test("renewing a loan shows the new due date; a second click from a stale page is refused", async ({
    page,
    context,
  }) => {
    const stale = await context.newPage();
    await stale.goto(PATH);
    const loans = page.getByRole("region", { name: "Lopende uitleningen", exact: true });
    const row = loans.getByRole("row", { name: new RegExp(P.renewableTitle) });
    await expect(row).toContainText("10 nov 2026");
    await expect(row).toContainText("20 dagen");
    await expect(loans.getByRole("row", { name: /Gereserveerd boek/ })).toContainText(
      "Niet verlengbaar: gereserveerd door iemand anders",
    );
    await expect(loans.getByRole("row", { name: /Veel verlengd boek/ })).toContainText(
      "Niet verlengbaar: alle verlengingen gebruikt",
    );

    await row.getByRole("button", { name: `${P.renewableTitle} verlengen tot 21 dec 2026` }).click();
    await expect(row.getByRole("status")).toHaveText("Verlengd: nu in te leveren op 21 dec 2026.");
    await expect(row).toContainText("1 van 3");
    await expect(row.getByRole("cell").nth(3)).toHaveText("21 dec 2026");
    await expect(section(page, "Geschiedenis van wijzigingen")).toContainText("Uitlening verlengd");

    const staleRow = stale.getByRole("row", { name: new RegExp(P.renewableTitle) });
    await staleRow.getByRole("button", { name: /verlengen tot/ }).click();
    await expect(staleRow.getByRole("alert")).toContainText("Deze uitlening is intussen gewijzigd");
    await page.reload();
    await expect(
      page
        .getByRole("region", { name: "Lopende uitleningen", exact: true })
        .getByRole("row", { name: new RegExp(P.renewableTitle) }),
    ).toContainText("1 van 3");
  });

  test("adding a note lists it with its author and time", async ({ page }) => {
    const body = `Belde op ${Date.now()}: boek ligt thuis`;
    await page.getByLabel("Notitie", { exact: true }).fill(body);
    await page.getByRole("button", { name: "Notitie toevoegen" }).click();
    await expect(page.getByRole("status")).toContainText("Notitie toegevoegd.");
    const notes = section(page, "Notities");
    await expect(notes.getByText(body)).toBeVisible();
    await expect(notes).toContainText("Lotte Balie");
    await expect(page.getByLabel("Notitie", { exact: true })).toHaveValue("");
    await expect(section(page, "Geschiedenis van wijzigingen")).toContainText("Notitie toegevoegd");
  });

  test("the timeline shows each notice's path and the email exactly as sent", async ({ page }) => {
    const timeline = section(page, "Berichten");
    const entries = timeline.getByRole("article");
    await expect(entries).toHaveCount(3);
    // Newest first: the planned letter, the bounced second notice, the delivered first one.
    await expect(entries.nth(0)).toContainText("Gepland, nog niet verzonden.");
    const bounced = entries.nth(1);
    // Words, not the provider's codes (issue 12).
    await expect(bounced).toContainText("Onbestelbaar: het adres bestaat niet");
    await expect(bounced).not.toContainText("Permanent / General");
    await expect(bounced).not.toContainText("email.bounced");
    await expect(bounced).toContainText(
      "E-mail onbestelbaar · afgedrukt 25 nov 2026, 10:00 · gepost 25 nov 2026, 16:00",
    );
    const first = entries.nth(2);
    await expect(first.getByRole("heading")).toHaveText("Eerste aanmaning");
    await expect(first).toContainText("Afgeleverd");
    await expect(first).toContainText("De tijdlijn van Xaveria");

    await first.getByText("Toon de e-mail zoals verzonden").click();
    await expect(first).toContainText(P.sentSubject);
    const frame = first.locator("iframe");
    await expect(frame).toHaveAttribute("sandbox", "");
    await expect(first.frameLocator("iframe").getByRole("heading")).toHaveText("Eerste aanmaning");
    await first.getByText("Platte tekstversie").click();
    await expect(first.locator("pre")).toContainText("Beste Xaveria,");
    await expect(first.getByRole("button", { name: "Brief nu afdrukken" })).toBeVisible();
  });

  test("an unknown patron id is not found", async ({ page }) => {
    const response = await page.goto("/patrons/999999999");
    expect(response?.status()).toBe(404);
  });
});
