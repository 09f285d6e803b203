import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { type SelfServiceLinks, selfServiceLinksFile } from "./self-service-links";

/**
 * The patrons' public pages behind the links in a notice, at phone width, in the three
 * languages, without any staff session. Screenshots go to test-results/self-service/.
 */
const links: SelfServiceLinks = JSON.parse(
  readFileSync(selfServiceLinksFile(process.env.E2E_PORT ?? "3100"), "utf8"),
);
const path = (url: string) => new URL(url).pathname;

test.use({ viewport: { width: 390, height: 844 } });

async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    label,
  ).toEqual([]);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/self-service/${name}.png`, fullPage: true });

const WORDS = {
  nl: {
    renew: /Alle 1 verlengen|^Verlengen$/,
    renewed: "Verlengd. Nieuwe inleverdatum",
    reserved: "gereserveerd",
    save: "Opslaan",
    saved: "Uw voorkeuren zijn bewaard.",
    invalid: "Dit is geen geldig e-mailadres",
    email: "Nieuw e-mailadres",
    unsubscribed: "U bent afgemeld",
  },
  fr: {
    renew: /Prolonger/,
    renewed: "Prolongé. Nouvelle date de retour",
    reserved: "réservé",
    save: "Enregistrer",
    saved: "Vos préférences sont enregistrées.",
    invalid: "Cette adresse e-mail n’est pas valide",
    email: "Nouvelle adresse e-mail",
    unsubscribed: "Vous êtes désabonné",
  },
  en: {
    renew: /Renew/,
    renewed: "Renewed. New due date",
    reserved: "reserved",
    save: "Save",
    saved: "Your preferences are saved.",
    invalid: "This is not a valid email address",
    email: "New email address",
    unsubscribed: "You are unsubscribed",
  },
} as const;

for (const language of ["nl", "fr", "en"] as const) {
  const own = links[language];
  const words = WORDS[language];

  test(`[${language}] renew all: the outcome per item, renewed once, a reload renews nothing more`, async ({
    page,
  }) => {
    const response = await page.goto(path(own.renewAll));
    expect(response?.headers()["set-cookie"]).toBeUndefined();
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    await expect(page.getByText(own.firstName, { exact: false })).toBeVisible();
    await expect(page.getByText("Zelfbediening")).toHaveCount(0); // no last name
    await expect(page.getByText("Geheime straat")).toHaveCount(0); // no address
    await expect(page.getByText(`E2E-SELF-${language}`)).toHaveCount(0); // no card number
    await expect(page.getByText(words.reserved)).toBeVisible();
    await expectAccessible(page, `renew ${language}`);
    await shot(page, `renew-${language}`);

    await page.getByRole("button", { name: words.renew }).click();
    await expect(page.getByText(words.renewed)).toHaveCount(1);
    await expect(page.getByRole("button", { name: words.renew })).toHaveCount(0);
    await expectAccessible(page, `renewed ${language}`);
    await shot(page, `renewed-${language}`);
    await page.reload();
    await expect(page.getByText(words.renewed)).toHaveCount(1);
    // the single-item link of the renewed loan shows it renewed, with nothing to do
    await page.goto(path(own.renewItem));
    await expect(page.getByText(words.renewed)).toHaveCount(1);
    await expect(page.getByRole("button")).toHaveCount(0);
  });

  test(`[${language}] preferences: a wrong address is refused with the typed text kept, the rest saves`, async ({
    page,
  }) => {
    await page.goto(path(own.preferences));
    await expectAccessible(page, `preferences ${language}`);
    await shot(page, `preferences-${language}`);
    await page.getByLabel(words.email).fill("niet-een-adres");
    await page.getByRole("button", { name: words.save }).click();
    await expect(page.getByText(words.invalid)).toBeVisible();
    await expect(page.getByLabel(words.email)).toHaveValue("niet-een-adres");
    await expectAccessible(page, `preferences error ${language}`);
    await shot(page, `preferences-error-${language}`);
    await page.getByLabel(words.email).fill("");
    await page.getByRole("button", { name: words.save }).click();
    await expect(page.getByText(words.saved)).toBeVisible();
  });

  test(`[${language}] one-click unsubscribe by POST, without a page; the link then says it is done`, async ({
    page,
    request,
  }) => {
    const response = await request.post(path(own.unsubscribe), {
      form: { "List-Unsubscribe": "One-Click" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(200);
    expect(response.headers()["set-cookie"]).toBeUndefined();
    await page.goto(path(own.unsubscribe));
    await expect(page.getByText(words.unsubscribed)).toBeVisible();
    await expectAccessible(page, `unsubscribed ${language}`);
    await shot(page, `unsubscribed-${language}`);
  });
}

test("an altered link shows a friendly page in the browser's language and changes nothing", async ({
  browser,
}) => {
  for (const [language, title] of [
    ["nl", "Deze link werkt niet"],
    ["fr", "Ce lien ne fonctionne pas"],
    ["en", "This link does not work"],
  ] as const) {
    const context = await browser.newContext({ locale: language, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(path(links.forged));
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
    await expectAccessible(page, `forged ${language}`);
    await shot(page, `forged-${language}`);
    await context.close();
  }
});

test("an expired link says so in the patron's language, with the branch to ask", async ({ page }) => {
  await page.goto(path(links.expired));
  await expect(page.getByRole("heading", { name: "Ce lien a expiré" })).toBeVisible();
  await expect(page.getByText("Rien n’a été modifié.")).toBeVisible();
  await expectAccessible(page, "expired");
  await shot(page, "expired-fr");
});

test("a one-click POST with an altered token changes nothing and staff pages stay private", async ({
  request,
}) => {
  const bad = await request.post(path(links.forged).replace("/r/", "/u/"), {
    form: { "List-Unsubscribe": "One-Click" },
  });
  expect(bad.status()).toBe(404);
  const staff = await request.get("/patrons", { maxRedirects: 0 });
  expect(staff.status()).toBe(307);
  expect(staff.headers().location).toContain("/sign-in");
});
