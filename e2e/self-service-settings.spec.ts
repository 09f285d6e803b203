import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api";
import { withDatabase } from "./e2e-database";
import { expect, test } from "./fixtures";
import {
  SETTINGS_PATRON,
  type SelfServiceSettingsLinks,
  selfServiceSettingsLinksFile,
} from "./self-service-settings-links";

/**
 * Settings -> Self-service (the public base URL, the link validity, each branch's renewal
 * limits) and Settings -> Postage: each refused with words at its field, then saved and seen
 * taking effect (a letter printed afterwards links to the new address, the patron's link
 * refuses a renewal under the lowered limit, the Letters page shows the new rates).
 * Screenshots of each section at 1280 and 390 px go to test-results/settings-self-service/.
 */
const port = process.env.E2E_PORT ?? "3100";
const data: SelfServiceSettingsLinks = JSON.parse(readFileSync(selfServiceSettingsLinksFile(port), "utf8"));
const SHOTS = "test-results/settings-self-service";
const PUBLIC = "https://bib.e2e.example";

// What these tests change is put back, so the specs after them see the demo library as generated.
test.afterAll(async () => {
  await withDatabase(async (client) => {
    await client.query(
      `UPDATE "Library" SET "publicBaseUrl" = NULL, "linkValidityDays" = 30,
         "letterPostageCents" = 195, "registeredPostageCents" = 850
       WHERE id = (SELECT "libraryId" FROM "Branch" WHERE id = $1)`,
      [data.branchId],
    );
    await client.query(
      `UPDATE "Branch" SET "renewalMaxCount" = 3, "renewalPeriodDays" = 21, "renewalMaxFeesCents" = 500,
         "renewalMaxOverdueDays" = 30 WHERE id = $1`,
      [data.branchId],
    );
  });
});

async function shots(page: Page, name: string, section: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.locator(section).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function pdfText(bytes: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, useSystemFonts: false })
    .promise;
  let text = "";
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    text += (content.items as TextItem[]).map((item) => item.str).join("");
  }
  return text;
}

test("the public base URL is refused with a reason, then saved; a letter printed afterwards links under it", async ({
  page,
  signInAs,
}) => {
  await signInAs("librarian");
  await page.goto("/settings");
  await page.getByRole("link", { name: "Zelfbediening: links en verlengen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Zelfbediening voor leners");
  const address = page.getByLabel("Publiek adres van de zelfbediening");
  const days = page.getByLabel("Geldigheid van een link (dagen)");
  const save = page.getByRole("button", { name: "Opslaan", exact: true });
  await expect(page.getByText(`Nu niet ingesteld: links gebruiken http://localhost:${port}.`)).toBeVisible();

  await address.fill("bib.e2e.example");
  await days.fill("6");
  await save.click();
  await expect(page.locator("#publicBaseUrl-error")).toContainText("begint met https://");
  await expect(page.locator("#linkValidityDays-error")).toContainText("Geef een geheel getal van 7 tot 120.");
  await expect(address).toHaveValue("bib.e2e.example");
  await expect(address).toHaveAttribute("aria-invalid", "true");
  await shots(page, "links-refused", "#links-title");

  // the dashboard's own address: patrons' links would lead to the staff host by accident
  await address.fill(`http://localhost:${port}/`);
  await days.fill("45");
  await save.click();
  await expect(page.locator("#publicBaseUrl-error")).toContainText(
    "is het adres van dit personeelsdashboard",
  );

  await address.fill(`${PUBLIC}/`);
  await expect(page.getByTestId("link-preview")).toHaveText(
    new RegExp(`^${PUBLIC}/r/[a-z0-9.]+[A-Za-z0-9_-]{16}$`),
  );
  await expect(page.getByText("Werkt tot en met 14 januari 2027 (45 dagen na vandaag).")).toBeVisible();
  await save.click();
  await expect(
    page.getByRole("status").filter({ hasText: "De instellingen van de links zijn opgeslagen." }),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByText(`Nu ingesteld: ${PUBLIC}`)).toBeVisible();
  await expect(page.getByText("Nu ingesteld: 45 dagen.")).toBeVisible();
  await shots(page, "links-saved", "#links-title");

  // A notice rendered from now on carries the new address: the desk prints the letter notice.
  await page.goto(`/patrons/${SETTINGS_PATRON.id}`);
  const header = page.getByRole("region", { name: "Meest recente bericht" });
  await header.getByRole("button", { name: "Brief nu afdrukken" }).click();
  const open = header.getByRole("link", { name: /Brief openen/ });
  await expect(open).toBeVisible();
  const pdf = await page.request.get((await open.getAttribute("href")) ?? "");
  expect(pdf.status()).toBe(200);
  const text = (await pdfText(await pdf.body())).replace(/\s+/g, "");
  expect(text).toContain(`${PUBLIC}/r/`.replace(/\s+/g, ""));
  expect(text).not.toContain(`localhost:${port}/r/`);
});

test("a lowered renewal limit refuses the patron's next renewal; bad values are refused at their fields", async ({
  page,
  signInAs,
}) => {
  const renewPath = new URL(data.renewItem).pathname;
  await page.goto(renewPath);
  await expect(page.getByRole("button", { name: "Verlengen" })).toBeVisible();

  await signInAs("librarian");
  await page.goto("/settings/self-service");
  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "Bibliotheek Ingelmunster" }) });
  await expect(row).toContainText("3 keer");
  await expect(row).toContainText(/€\s?5,00/);
  await row.getByRole("link", { name: "Grenzen van Bibliotheek Ingelmunster bewerken" }).click();
  const count = page.getByLabel("Hoe vaak mag een uitlening verlengd worden");
  const fees = page.getByLabel("Kostengrens in €");
  const save = page.getByRole("button", { name: "Opslaan voor Bibliotheek Ingelmunster" });

  await count.fill("21");
  await fees.fill("2,505");
  await save.click();
  await expect(page.locator("#renewalMaxCount-error")).toHaveText("Geef een geheel getal van 0 tot 20.");
  await expect(page.locator("#renewalMaxFees-error")).toContainText("Geef een bedrag in euro");
  await expect(fees).toHaveValue("2,505");
  await shots(page, "renewal-limits-refused", "#limits-edit-title");

  await count.fill("1");
  await fees.fill("2.50");
  await save.click();
  await expect(
    page.getByRole("status").filter({ hasText: "De grenzen voor verlengen zijn opgeslagen." }),
  ).toBeVisible();
  await expect(row).toContainText("1 keer");
  await expect(row).toContainText(/€\s?2,50/);
  await expect(row).toContainText("eigen waarde (standaard 3 keer)");
  await shots(page, "renewal-limits-saved", "#limits-title");

  // the patron's link now says why not, and offers no button
  await page.goto(renewPath);
  await expect(page.getByText("Niet verlengbaar: maximaal aantal verlengingen bereikt")).toBeVisible();
  await expect(page.getByRole("button", { name: "Verlengen" })).toHaveCount(0);
});

test("postage is set in Settings (comma or point), refused with words when wrong, and shown on Letters", async ({
  page,
  signInAs,
}) => {
  await signInAs("librarian");
  await page.goto("/letters");
  await expect(page.getByText(/Gewone brief €\s?1,95, aangetekende brief €\s?8,50\./)).toBeVisible();
  await page.getByRole("link", { name: "Porto wijzigen in de instellingen" }).click();
  await expect(page).toHaveURL(/\/settings#postage$/);
  const ordinary = page.getByLabel("Gewone brief (€)");
  const registered = page.getByLabel("Aangetekende brief (€)");
  await expect(ordinary).toHaveValue("1,95");
  await ordinary.fill("twee");
  await registered.fill("-9");
  await page.getByRole("button", { name: "Porto bewaren" }).click();
  await expect(page.locator("#letterPostage-error")).toContainText("Geef een bedrag in euro");
  await expect(page.locator("#registeredPostage-error")).toHaveText(
    /Geef een bedrag van €\s?0,00 tot €\s?50,00\./,
  );
  await shots(page, "postage-refused", "#postage-title");

  await ordinary.fill("2,10");
  await registered.fill("9.15");
  await page.getByRole("button", { name: "Porto bewaren" }).click();
  await expect(page.getByRole("status").filter({ hasText: "De porto is opgeslagen." })).toBeVisible();
  await shots(page, "postage-saved", "#postage-title");
  await page.goto("/letters");
  await expect(page.getByText(/Gewone brief €\s?2,10, aangetekende brief €\s?9,15\./)).toBeVisible();
});

test("the audit log says each settings change in words", async ({ page, signInAs }) => {
  await signInAs("manager");
  await page.goto("/audit");
  const log = page.getByRole("table");
  await expect(
    log.getByText("wijzigde de grenzen voor verlengen van Bibliotheek Ingelmunster"),
  ).toBeVisible();
  await expect(log.getByText("hoe vaak verlengen: 3 → 1")).toBeVisible();
  await expect(log.getByText(/de kostengrens voor verlengen: €\s?5,00 → €\s?2,50/)).toBeVisible();
  await expect(log.getByText("wijzigde de instellingen van de links voor leners")).toBeVisible();
  await expect(log.getByText(`het publieke adres van de zelfbediening: leeg → ${PUBLIC}`)).toBeVisible();
  await expect(log.getByText("wijzigde de posttarieven")).toBeVisible();
});
