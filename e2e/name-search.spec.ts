import { mkdirSync } from "node:fs";
import { expect, test } from "./fixtures";

const SHOTS = process.env.E2E_SHOTS;

test.describe("names as staff hear them", () => {
  test.beforeEach(async ({ signInAs, page }) => {
    await signInAs("desk");
    await page.goto("/patrons");
  });

  test("a family name written another way finds both spellings, the variant marked subtly, with flags, branch and loans", async ({
    page,
  }) => {
    await page.getByRole("combobox").fill("fien zwynsvoorde");
    const options = page.getByRole("listbox", { name: "Gevonden leners" }).getByRole("option");
    await expect(options).toHaveCount(2);
    // the exact spelling first, then the same name with its particle, spelt with ij
    await expect(options.nth(0)).toContainText("Fien Zwynsvoorde");
    await expect(options.nth(0)).toContainText("E-mail onbestelbaar");
    await expect(options.nth(0)).toContainText("geen uitleningen");
    await expect(options.nth(0)).not.toContainText("spellingsvariant");
    await expect(options.nth(1)).toContainText("Fien Van Zwijnsvoorde");
    await expect(options.nth(1)).toContainText("spellingsvariant");
    await expect(options.nth(1)).toContainText("Adres onbekend");
    await expect(options.nth(1)).toContainText("1 uitlening");
    await expect(options.nth(1)).toContainText("Thuisfiliaal");
  });

  test("one letter swapped still finds the patron, said to be a similar name", async ({ page }) => {
    await page.getByRole("combobox").fill("Zwynsvoored");
    const found = page.getByRole("listbox").getByRole("option").filter({ hasText: "Fien Zwynsvoorde" });
    await expect(found).toContainText("lijkende naam");
  });

  test("screenshots of a name search (set E2E_SHOTS to a folder)", async ({ page, context }) => {
    test.skip(!SHOTS, "E2E_SHOTS not set");
    mkdirSync(SHOTS as string, { recursive: true });
    for (const [locale, width] of [
      ["nl", 1280],
      ["nl", 390],
      ["en", 390],
    ] as const) {
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: page.url() }]);
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/patrons");
      await page.getByRole("combobox").fill("zwijnsvoorde");
      await expect(page.getByRole("listbox").getByRole("option")).toHaveCount(2);
      await page.screenshot({ path: `${SHOTS}/name-search-${locale}-${width}.png`, fullPage: true });
    }
  });
});
