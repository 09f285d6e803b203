import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, ROLE_EMAIL, signIn, test } from "./fixtures";

// The demo library (e2e/serve.ts) has a year of notice history behind the fixed today
// 2026-11-30, summed into the daily statistics as the send runs leave them.

const SHOTS = ".test-results/statistics";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

const figure = (page: Page, id: string) => page.locator(`[data-figure="${id}"] dd`);
const tableRows = (page: Page, id: string) => page.locator(`table[data-table="${id}"] tbody tr`);

test.describe("statistics", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, ROLE_EMAIL.manager);
  });

  test("shows a year of figures with definitions, charts and tables, and passes axe at 1280 and 390 px", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/statistics");
    await expect(page.getByRole("heading", { level: 1, name: "Statistieken" })).toBeVisible();
    // the last 12 months, up to yesterday, against the 12 months before
    await expect(page.getByText("29 nov 2026, vergeleken met")).toBeVisible();
    const notices = Number(((await figure(page, "notices").textContent()) ?? "").replace(/\D/g, ""));
    expect(notices).toBeGreaterThan(100);
    await expect(page.locator('[data-figure="bounceRate"]')).toContainText(
      "Aandeel van de verstuurde e-mails",
    );
    await expect(page.locator('[data-figure="reachableShare"]')).toContainText(
      "nu (geen geschiedenis bijgehouden)",
    );
    // one row per month of the period, the months summing to the card
    const months = tableRows(page, "overTime");
    await expect(months).toHaveCount(13);
    const perMonth = await months.locator("td:nth-child(4)").allInnerTexts();
    expect(perMonth.reduce((sum, text) => sum + Number(text.replace(/\D/g, "")), 0)).toBe(notices);
    // every chart drew (Recharts' SVG), bars with a height
    await expect(
      page.locator("figure.statistics-chart .recharts-wrapper > svg.recharts-surface"),
    ).toHaveCount(6);
    expect(await page.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(10);
    await expect(tableRows(page, "stages")).toHaveCount(5);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/statistics-1280.png`, fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(
      page.locator("figure.statistics-chart .recharts-wrapper > svg.recharts-surface"),
    ).toHaveCount(6);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/statistics-390.png`, fullPage: true });
  });

  test("filters by period, branch and stage; a custom period the other way round is refused and kept", async ({
    page,
  }) => {
    await page.goto("/statistics");
    await page.getByRole("combobox", { name: "Periode", exact: true }).selectOption("last30");
    const branch = page.getByRole("combobox", { name: "Filiaal", exact: true });
    const branchName = ((await branch.locator("option").nth(1).textContent()) ?? "").trim();
    await branch.selectOption({ label: branchName });
    await page.getByRole("button", { name: "Tonen" }).click();
    await expect(page).toHaveURL(/period=last30/);
    await expect(page.getByText(`Filiaal: ${branchName}`)).toBeVisible();
    await expect(tableRows(page, "overTime")).toHaveCount(30);
    const branchNotices = Number(((await figure(page, "notices").textContent()) ?? "").replace(/\D/g, ""));

    await page.getByRole("combobox", { name: "Stap", exact: true }).selectOption({ index: 2 });
    await page.getByRole("button", { name: "Tonen" }).click();
    await expect(page).toHaveURL(/stage=\d+/);
    const stageNotices = Number(((await figure(page, "notices").textContent()) ?? "").replace(/\D/g, ""));
    expect(stageNotices).toBeLessThanOrEqual(branchNotices);

    await page.getByRole("combobox", { name: "Periode", exact: true }).selectOption("custom");
    await page.getByLabel("Van (eigen periode)").fill("2026-06-30");
    await page.getByLabel("Tot en met (eigen periode)").fill("2026-06-01");
    await page.getByRole("button", { name: "Tonen" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "De begindatum ligt na de einddatum" }),
    ).toBeVisible();
    await expect(page.getByLabel("Van (eigen periode)")).toHaveValue("2026-06-30");
    await expect(page.getByLabel("Tot en met (eigen periode)")).toHaveValue("2026-06-01");
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel("Van (eigen periode)").fill("2026-03-01");
    await page.getByLabel("Tot en met (eigen periode)").fill("2026-03-31");
    await page.getByRole("button", { name: "Tonen" }).click();
    await expect(page.getByText("1 mrt 2026 tot en met 31 mrt 2026")).toBeVisible();
    await expect(tableRows(page, "overTime")).toHaveCount(31);
  });

  test("downloads the same numbers as CSV, in English too", async ({ page }) => {
    await page.goto("/statistics?period=last365");
    const notices = ((await figure(page, "notices").textContent()) ?? "").replace(/\D/g, "");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Downloaden als CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^statistieken-2025-11-30-2026-11-29\.csv$/);
    const csv = readFileSync((await download.path()) as string, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain("Periode;2025-11-30;2026-11-29");
    expect(csv).toContain(`Aanmaningen;${notices};`);
    expect(csv).toContain("Tabel;Per stap");

    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Statistics" })).toBeVisible();
    const english = await page.request.get("/api/statistics/csv?period=last365");
    expect(english.status()).toBe(200);
    expect(await english.text()).toContain(`Notices;${notices};`);
  });

  test("the CSV is for managers: a librarian is refused", async ({ page, browser }) => {
    const other = await browser.newPage();
    await signIn(other, ROLE_EMAIL.librarian);
    expect((await other.request.get("/api/statistics/csv")).status()).toBe(403);
    await other.close();
    expect((await page.request.get("/api/statistics/csv")).status()).toBe(200);
  });
});
