import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

test("a branch counting overdue 1 in open days before overdue 2 in calendar days sees a warning on the settings page", async ({
  page,
  signInAs,
}) => {
  await signInAs("librarian");
  await page.goto("/settings");
  // the help text on the one-stage-at-a-time rule and the intervals
  await expect(page.getByText("Een herinnering vóór de vervaldatum die te laat vertrok")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sluitingsdagen kunnen de volgorde" })).toHaveCount(0);

  await page.getByLabel("Niveau").selectOption({ label: "Filiaal Bibliotheek Harelbeke" });
  await page.getByRole("button", { name: "Tonen" }).click();
  await page.getByRole("link", { name: "Bewerken: Eerste aanmaning" }).click();
  await page.getByLabel("Telling").selectOption({ label: "openingsdagen" });
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "De fase is opgeslagen." })).toBeVisible();

  const warning = page.getByRole("region", {
    name: "Sluitingsdagen kunnen de volgorde van deze fasen omkeren",
  });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText("Filiaal Bibliotheek Harelbeke: Tweede aanmaning telt kalenderdagen");
  await expect(warning).toContainText("7 dagen of langer gesloten");
  await expect(warning).toContainText("Er valt geen bericht weg");
  await page.screenshot({ path: "test-results/stage-order-nl.png", fullPage: true });
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

  await page.setViewportSize({ width: 390, height: 900 });
  await warning.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/stage-order-nl-390.png" });

  // back to inherited: the warning goes
  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "Eerste aanmaning" }) });
  await row.getByRole("button", { name: "Telling van Eerste aanmaning: terug naar overgenomen" }).click();
  await expect(warning).toHaveCount(0);
});
