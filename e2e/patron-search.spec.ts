import { mkdirSync } from "node:fs";
import nl from "../messages/nl.json" with { type: "json" };
import { expect, test } from "./fixtures";
import { SEARCH_ITEM, SEARCH_PATRONS } from "./patron-search-data";

const { quirijn, quirina } = SEARCH_PATRONS;
const SHOTS = process.env.E2E_SHOTS;

test.describe("patron search at the desk", () => {
  test.beforeEach(async ({ signInAs, page }) => {
    await signInAs("desk");
    await page.goto("/patrons");
  });

  test("the search box has focus on load and a typo'd name finds the patron as you type", async ({
    page,
  }) => {
    const box = page.getByRole("combobox", { name: "Kaartnummer, naam, e-mail of barcode" });
    await expect(box).toBeFocused();
    await page.keyboard.type("quirijn zoekvnster");
    const listbox = page.getByRole("listbox", { name: "Gevonden leners" });
    await expect(listbox.getByRole("option").first()).toContainText("Quirijn Zoekvenster");
    await expect(listbox.getByRole("option").first()).toContainText("gevonden op naam");
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("status").filter({ hasText: "gevonden" })).toBeVisible();
    // the address follows the search
    await expect(page).toHaveURL(/\/patrons\?q=quirijn\+zoekvnster$/);
  });

  test("what is typed the moment the page opens, before its script runs, is kept and searched", async ({
    page,
  }) => {
    // a slow network: the page's scripts (not its styles) arrive three seconds after its HTML
    await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      await route.continue();
    });
    await page.goto("/patrons", { waitUntil: "commit" });
    // the HTML itself focuses the box, well before the scripts arrive
    await expect(page.locator("input[name=q]")).toBeFocused({ timeout: 1_500 });
    // a scanner types at once
    await page.keyboard.type("Zoekvenster");
    await expect(page.getByRole("combobox")).toHaveValue("Zoekvenster");
    // once the (slow) scripts run, what was typed is searched
    await expect(page.getByRole("listbox").getByRole("option")).toHaveCount(2, { timeout: 20_000 });
  });

  test("Back from a patron's page shows the search and its results again", async ({ page }) => {
    const box = page.getByRole("combobox");
    await box.fill("Zoekvenster");
    await expect(page.getByRole("listbox").getByRole("option")).toHaveCount(2);
    await box.press("ArrowDown");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/patrons\/\d+$/);
    await page.goBack();
    await expect(page).toHaveURL(/\/patrons\?q=Zoekvenster$/);
    await expect(page.getByRole("combobox")).toHaveValue("Zoekvenster");
    await expect(page.getByRole("listbox").getByRole("option")).toHaveCount(2);
  });

  test("arrow keys choose a patron and Enter opens their page", async ({ page }) => {
    const box = page.getByRole("combobox");
    await box.fill("Zoekvenster");
    const options = page.getByRole("listbox").getByRole("option");
    await expect(options).toHaveCount(2);
    await expect(box).not.toHaveAttribute("aria-activedescendant");

    await box.press("ArrowDown");
    await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
    await box.press("ArrowDown");
    await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
    await expect(options.nth(0)).toHaveAttribute("aria-selected", "false");
    const chosen = await options.nth(1).getAttribute("id");
    await expect(box).toHaveAttribute("aria-activedescendant", chosen ?? "");
    const chosenName = (await options.nth(1).textContent()) ?? "";
    const target = chosenName.includes("Quirina") ? quirina : quirijn;

    await box.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/patrons/${target.id}$`));
  });

  test("Escape clears the search", async ({ page }) => {
    const box = page.getByRole("combobox");
    await box.fill("Zoekvenster");
    await expect(page.getByRole("listbox").getByRole("option")).toHaveCount(2);
    await box.press("Escape");
    await expect(box).toHaveValue("");
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("listbox")).toBeHidden();
  });

  test("a card number finds its patron first, named as a card match", async ({ page }) => {
    await page.getByRole("combobox").fill(quirina.cardNumber);
    const first = page.getByRole("listbox").getByRole("option").first();
    await expect(first).toContainText("Quirina Zoekvenster");
    await expect(first).toContainText("gevonden op kaartnummer");
    await expect(first).toContainText("onbestelbaar");
  });

  test("a scanned barcode finds who has the item, and Enter goes straight to them", async ({ page }) => {
    const box = page.getByRole("combobox");
    await box.fill(SEARCH_ITEM.barcode);
    const options = page.getByRole("listbox").getByRole("option");
    await expect(options).toHaveCount(1);
    await expect(options.first()).toContainText("Quirijn Zoekvenster");
    await expect(options.first()).toContainText(`heeft ‘${SEARCH_ITEM.title}’`);
    await expect(options.first()).toContainText("1 te laat");
    await box.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/patrons/${quirijn.id}$`));
  });

  test("a scanner's Enter right after the barcode opens the patron at once", async ({ page }) => {
    const box = page.getByRole("combobox");
    await box.fill(SEARCH_ITEM.barcode);
    await box.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/patrons/${quirijn.id}$`));
  });

  test("screenshots with results open (set E2E_SHOTS to a folder)", async ({ page }) => {
    test.skip(!SHOTS, "E2E_SHOTS not set");
    mkdirSync(SHOTS as string, { recursive: true });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/patrons");
      const box = page.getByRole("combobox");
      await box.fill("Zoekvenster");
      await expect(page.getByRole("listbox").getByRole("option")).toHaveCount(2);
      await box.press("ArrowDown");
      await page.screenshot({ path: `${SHOTS}/patrons-${width}.png`, fullPage: true });
    }
  });
});

test("without JavaScript, ?q= in the address lists the patrons as links", async ({
  browser,
  signInAs,
  page,
}, testInfo) => {
  await signInAs("desk");
  const context = await browser.newContext({
    storageState: await page.context().storageState(),
    javaScriptEnabled: false,
    baseURL: testInfo.project.use.baseURL,
  });
  try {
    const noScript = await context.newPage();
    await noScript.goto("/patrons?q=Zoekvenster");
    await expect(noScript.getByRole("combobox")).toHaveValue("Zoekvenster");
    const list = noScript.getByRole("list", { name: "Gevonden leners" });
    await expect(list.getByRole("link")).toHaveCount(2);
    await expect(list.getByRole("link", { name: "Quirijn Zoekvenster" })).toHaveAttribute(
      "href",
      `/patrons/${quirijn.id}`,
    );
    await expect(noScript.getByRole("status")).toHaveText("2 leners gevonden");
  } finally {
    await context.close();
  }
});

test("the search API answers 401 to a request without a valid session", async ({ request }) => {
  const response = await request.get("/api/patrons/search?q=Zoekvenster", {
    headers: { Cookie: "next-auth.session-token=not-a-session" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(401);
});

test("the search API answers 401 to a request without any session cookie", async ({ request }) => {
  const response = await request.get("/api/patrons/search?q=Zoekvenster", { maxRedirects: 0 });
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ code: "signedOut", message: nl.errors.signedOut });
});
