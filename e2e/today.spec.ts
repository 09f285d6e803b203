import { expect, test } from "./fixtures";

test("the Today page is in Dutch by default and switches to English", async ({ page, signInAs }) => {
  await signInAs("desk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vandaag");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByText("Cijfers van maandag 30 november 2026")).toBeVisible();

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Today");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("navigation", { name: "Main menu" }).getByRole("link")).toHaveText([
    "Today",
    "Patrons",
  ]);
  await expect(page.getByRole("region", { name: "Your account" })).toContainText("Desk");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Today");
});
