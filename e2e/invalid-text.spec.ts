import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import en from "../messages/en.json" with { type: "json" };
import nl from "../messages/nl.json" with { type: "json" };
import { expect, test } from "./fixtures";
import { PATRON_PAGE_PATRON } from "./patron-page-data";

const SHOTS = process.env.E2E_SHOTS;

/** Screenshots at 1280 and 390 px when E2E_SHOTS names a folder (for a person to look at). */
async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/*
 * Text PostgreSQL cannot store (a NUL byte) or nobody typed, in an address, a search or a
 * form field: a clear message, never a 500. Nothing here changes data.
 */
test.describe("a NUL byte or overlong text", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs("desk");
  });

  test("?q=%00 in the search's address answers 400 with a clear message and a way back to the search", async ({
    page,
  }) => {
    const response = await page.goto("/patrons?q=%00");
    expect(response?.status()).toBe(400);
    await expect(page.getByRole("heading", { level: 1, name: nl.errors.invalidAddressTitle })).toBeVisible();
    await expect(page.getByRole("alert")).toHaveText(nl.errors.invalidAddress);
    await shoot(page, "invalid-address");
    await page.getByRole("link", { name: "Naar /patrons zonder de fout" }).click();
    await expect(page.getByRole("combobox", { name: "Kaartnummer, naam, e-mail of barcode" })).toBeFocused();
    // other pages' parameters and paths too, and the search as you type
    for (const path of ["/audit?actor=%00", "/bounces?q=a%00b", "/patrons/1%00"])
      expect((await page.goto(path))?.status(), path).toBe(400);
    const api = await page.request.get("/api/patrons/search?q=jan%00");
    expect(api.status()).toBe(400);
    expect(await api.json()).toEqual({ code: "invalidAddress", message: nl.errors.invalidAddress });
  });

  test("a search longer than any name is said at the box, and the box still searches", async ({ page }) => {
    await page.goto(`/patrons?q=${"x".repeat(250)}`);
    const box = page.getByRole("combobox", { name: "Kaartnummer, naam, e-mail of barcode" });
    await expect(page.getByRole("status").filter({ hasText: "hoogstens 200 tekens" })).toBeVisible();
    await expect(box).toHaveAttribute("aria-invalid", "true");
    await shoot(page, "search-too-long");
    await box.fill(PATRON_PAGE_PATRON.lastName);
    await expect(page.getByRole("option").first()).toContainText(PATRON_PAGE_PATRON.firstName);
    await expect(box).not.toHaveAttribute("aria-invalid");
  });

  test("a NUL byte in a form field is refused at that field, in English too, and nothing is saved", async ({
    page,
  }) => {
    await page.goto(`/patrons/${PATRON_PAGE_PATRON.id}`);
    const note = page.getByLabel("Notitie", { exact: true });
    await note.fill("Belde\u0000 over haar boek");
    await page.getByRole("button", { name: "Notitie toevoegen" }).click();
    await expect(page.getByText(nl.errors.invalidText)).toBeVisible();
    await expect(note).toHaveAttribute("aria-invalid", "true");
    await shoot(page, "patron-note-refused");
    await expect(note).toHaveValue("Belde\u0000 over haar boek");

    // the staff member's language (the header's switch) also words the refusal of an address
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const response = await page.goto("/patrons?q=%00");
    expect(response?.status()).toBe(400);
    await expect(page.getByRole("heading", { level: 1, name: en.errors.invalidAddressTitle })).toBeVisible();
  });
});
