import { expect, test } from "./fixtures";

const STAGES = [
  "Herinnering vooraf",
  "Eerste aanmaning",
  "Tweede aanmaning",
  "Derde aanmaning",
  "Laatste aanmaning (aangetekend)",
];

test("the librarian sees the five stages at system level", async ({ page, signInAs }) => {
  await signInAs("librarian");
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Instellingen");
  const table = page.getByRole("table");
  await expect(table.getByRole("rowheader")).toHaveCount(5);
  for (const stage of STAGES) await expect(table.getByRole("rowheader", { name: stage })).toBeVisible();
  await expect(table).toContainText("3 dagen vóór de inleverdatum");
  await expect(table).toContainText("7 dagen na");
});

test("a branch override is saved, shown as its own value and goes back to inherited", async ({
  page,
  signInAs,
}) => {
  await signInAs("librarian");
  await page.goto("/settings");
  await page.getByLabel("Niveau").selectOption({ label: "Filiaal Bibliotheek Harelbeke" });
  await page.getByRole("button", { name: "Tonen" }).click();
  await expect(page.getByRole("table")).toContainText("overgenomen van systeem");

  await page.getByRole("link", { name: "Bewerken: Eerste aanmaning" }).click();
  await page.getByLabel("Kosten in €").fill("2,50");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "De fase is opgeslagen." })).toBeVisible();

  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "Eerste aanmaning" }) });
  await expect(row).toContainText(/€\s?2,50/);
  await expect(row).toContainText("eigen waarde");
  await row.getByRole("button", { name: "Kosten van Eerste aanmaning: terug naar overgenomen" }).click();
  await expect(row).not.toContainText(/€\s?2,50/);
  await expect(row).not.toContainText("eigen waarde");
});

test("a negative fee is refused with a message next to the field", async ({ page, signInAs }) => {
  await signInAs("librarian");
  await page.goto("/settings");
  await page.getByRole("link", { name: "Bewerken: Tweede aanmaning" }).click();
  await page.getByLabel("Kosten in €").fill("-1");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.locator("#feeCents-error")).toContainText("negatieve kosten kunnen niet");
  await expect(page.getByLabel("Kosten in €")).toHaveAttribute("aria-invalid", "true");
  // the keyboard lands on the field to correct
  await expect(page.getByLabel("Kosten in €")).toBeFocused();
});

test("every problem of a stage form shows at once, each at its field, and what was typed stays", async ({
  page,
  signInAs,
}) => {
  await signInAs("librarian");
  await page.goto("/settings");
  await page.getByRole("link", { name: "Bewerken: Herinnering vooraf" }).click();
  await page.getByLabel("Kosten in €").fill("-1");
  await page.getByLabel("Dagen t.o.v. de inleverdatum").fill("5");
  await page.getByLabel("Kanaal", { exact: true }).selectOption("letter");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.locator("#feeCents-error")).toBeVisible();
  await expect(page.locator("#offsetDays-error")).toBeVisible();
  await expect(page.locator("#channel-error")).toBeVisible();
  await expect(page.getByLabel("Kosten in €")).toHaveValue("-1");
  // in words, naming the stage in the reader's language; the focus on the first bad field
  await expect(page.locator("#offsetDays-error")).toContainText(
    "Herinnering vooraf is een herinnering: die komt vóór de inleverdatum",
  );
  await expect(page.locator("#channel-error")).toContainText("die gaat alleen per e-mail");
  await expect(page.getByLabel("Dagen t.o.v. de inleverdatum")).toBeFocused();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `test-results/settings/stage-errors-${width}.png`, fullPage: true });
  }
});

test("show effect previews the run before and after a change and saves nothing", async ({
  page,
  signInAs,
}) => {
  await signInAs("librarian");
  await page.goto("/settings");
  await page.getByRole("link", { name: "Bewerken: Eerste aanmaning" }).click();
  await page.getByLabel("Kanaal", { exact: true }).selectOption("letter");
  // a week after the e2e "today": send-runs.spec may already have sent today's run
  await page.getByLabel("Effect op de ronde van").fill("2026-12-07");
  await page.getByRole("button", { name: "Effect tonen" }).click();
  const preview = page.getByTestId("settings-preview");
  await expect(preview).toContainText("Met deze wijziging:", { timeout: 30_000 });
  await expect(preview).toContainText("Er is nog niets opgeslagen");
  const channels = preview.getByRole("region", { name: "Per kanaal" });
  await expect(channels.getByRole("row", { name: /^brief/ })).toContainText("+");
  await expect(channels.getByRole("row", { name: /^e-mail/ })).toContainText("−");

  await page.goto("/settings");
  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "Eerste aanmaning" }) });
  await expect(row.getByRole("cell").nth(2)).toHaveText("e-mail");
});

test("the dry run for 2026-12-07 shows notices and why they have their channel", async ({
  page,
  signInAs,
}) => {
  await signInAs("librarian");
  await page.goto("/dry-run");
  // a week after the e2e "today": send-runs.spec may already have sent today's run
  await page.getByLabel("Datum van de ronde").fill("2026-12-07");
  await page.getByRole("button", { name: "Tonen" }).click();
  await expect(page).toHaveURL(/date=2026-12-07/);
  await expect(page.getByText("Proefdraaien: er wordt niets verzonden.")).toBeVisible();
  const totals = await page.getByTestId("dry-run-totals").textContent();
  expect(Number(totals?.match(/\d+/)?.[0] ?? 0)).toBeGreaterThan(0);
  const list = page.getByRole("region", { name: "Berichten die de ronde zou maken" });
  await expect(list.getByRole("row").nth(1)).toContainText(/e-mail|brief/);
  await expect(list).toContainText(/kanaal van de fase|e-mail onmogelijk|lener koos|aangetekende brief/);
});

test("a desk user gets the no-access page", async ({ page, signInAs }) => {
  await signInAs("desk");
  for (const path of ["/settings", "/settings/patron", "/dry-run"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page).toHaveURL((url) => url.pathname === path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geen toegang");
  }
});
