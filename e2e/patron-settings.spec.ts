import { expect, ROLE_EMAIL, signIn, test } from "./fixtures";
import { E2E_SETTINGS_PATRONS } from "./patron-settings-data";

const { main, bounced } = E2E_SETTINGS_PATRONS;

test("the desk sets letters and a stage off for one patron, goes back to inherited, and it is audited", async ({
  page,
  signInAs,
  browser,
}) => {
  await signInAs("desk");
  await page.goto(`/patrons/${main.id}/settings`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Berichtinstellingen: Zita Instelbaar");

  const preference = page.getByLabel("Voorkeurskanaal", { exact: true });
  await expect(page.locator("#channelPreference-level")).toContainText("overgenomen van systeem");
  await preference.selectOption({ label: "brief" });
  const stage = page.getByRole("group", { name: "Eerste aanmaning" });
  await stage.getByLabel("Versturen", { exact: true }).selectOption({ label: "nee, niet voor deze lener" });
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "zijn opgeslagen" })).toBeVisible();

  await expect(page.locator("#channelPreference-level")).toContainText("brief");
  await expect(page.locator("#channelPreference-level")).toContainText("ingesteld voor deze lener");
  await expect(stage).toContainText("ingesteld voor deze lener");
  // The other stages still inherit.
  await expect(page.getByRole("group", { name: "Tweede aanmaning" })).not.toContainText(
    "ingesteld voor deze lener",
  );

  await page.getByRole("button", { name: "Voorkeurskanaal: terug naar overgenomen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "volgt weer" })).toBeVisible();
  await expect(page.locator("#channelPreference-level")).toContainText("overgenomen van systeem");
  await expect(preference).toHaveValue("");
  await stage.getByRole("button", { name: "Versturen van Eerste aanmaning: terug naar overgenomen" }).click();
  await expect(stage).not.toContainText("ingesteld voor deze lener");
  await expect(stage).toContainText(/overgenomen van (systeem|filiaal)/);

  // The manager sees the changes in the audit log.
  const context = await browser.newContext();
  const manager = await context.newPage();
  await signIn(manager, ROLE_EMAIL.manager);
  await manager.goto("/audit?action=patron.settings.update");
  await expect(manager.getByRole("main")).toContainText("wijzigde de berichtinstellingen van");
  await manager.goto("/audit?action=patron.stage-override");
  await expect(manager.getByRole("main")).toContainText("wijzigde een fase voor");
  await context.close();
});

test("email for a patron whose address bounced is refused, with every problem at its field", async ({
  page,
  signInAs,
}) => {
  await signInAs("desk");
  await page.goto(`/patrons/${bounced.id}/settings`);
  await page.getByLabel("Voorkeurskanaal", { exact: true }).selectOption({ label: "e-mail" });
  await page.getByLabel("Geen berichten tot en met", { exact: true }).fill("2020-01-01");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.locator("#channelPreference-error")).toContainText("gebounced op 2 oktober 2026");
  await expect(page.locator("#noticesPausedUntil-error")).toContainText("Die dag is voorbij");
  // What was typed stays, so it can be corrected.
  await expect(page.getByLabel("Voorkeurskanaal", { exact: true })).toHaveValue("email");
  await expect(page.getByLabel("Voorkeurskanaal", { exact: true })).toHaveAttribute("aria-invalid", "true");
  // the whole sentence, and the focus on the first bad field
  await expect(page.locator("#channelPreference-error")).toContainText(
    "E-mail is niet mogelijk: het e-mailadres is gebounced op 2 oktober 2026. Verbeter eerst het adres",
  );
  await expect(page.getByLabel("Voorkeurskanaal", { exact: true })).toBeFocused();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `test-results/patron-settings/errors-${width}.png`, fullPage: true });
  }
});

test("the effective settings view links to the patron's settings page", async ({ page, signInAs }) => {
  await signInAs("librarian");
  await page.goto(`/settings/patron?card=${main.cardNumber}`);
  await page.getByRole("link", { name: "Instellingen van deze lener wijzigen" }).click();
  await expect(page).toHaveURL(new RegExp(`/patrons/${main.id}/settings$`));
});
