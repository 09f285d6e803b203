import { readFileSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import pg from "pg";
import { E2E_DATABASE_FILE } from "./e2e-database";
import { expect, ROLE_EMAIL, signIn, test } from "./fixtures";
import { SECOND_LIBRARY } from "./second-library-data";

const SHOTS = ".test-results/screenshots";

// The demo library's branches have ILS codes MEU, ING and HAR.
const PATRONS_CSV = [
  "Kaartnummer;Voornaam;Achternaam;E-mail;Filiaal;Taal",
  "E2E-IMP-1;Ilse;Importeer;ilse@voorbeeld.be;MEU;nl",
  "E2E-IMP-2;Ivo;Inlezer;ivo@;MEU;nl",
  'E2E-IMP-3;"Iris ""Ies""";Invoer;;HAR;fr',
].join("\r\n");

test.describe("import (librarian)", () => {
  test("a librarian uploads a CSV, follows its progress, reads the refused row and downloads the report", async ({
    page,
    signInAs,
  }) => {
    await signInAs("librarian");
    await page.getByRole("navigation").getByRole("link", { name: "Import" }).click();
    await expect(page.getByRole("heading", { name: "Import", level: 1 })).toBeVisible();
    await page.getByLabel("Wat zit er in het bestand").selectOption("patrons");
    await page.getByLabel("CSV-bestand").setInputFiles({
      name: "leners-vubis.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`\uFEFF${PATRONS_CSV}`),
    });
    await page.screenshot({ path: `${SHOTS}/import-upload.png`, fullPage: true });
    await page.getByRole("button", { name: "Opladen en importeren" }).click();

    await expect(page).toHaveURL(/\/import\/\d+$/);
    await expect(page.getByRole("heading", { name: "Import van leners-vubis.csv" })).toBeVisible();
    await expect(page.getByText("Klaar")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("2 nieuw · 0 gewijzigd · 0 ongewijzigd · 1 geweigerd")).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: "ivo@" });
    await expect(row).toContainText("3");
    await expect(row).toContainText("geen geldig e-mailadres");
    await page.screenshot({ path: `${SHOTS}/import-detail.png`, fullPage: true });

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Geweigerde rijen (CSV)" }).click();
    const report = await readFile(await (await download).path(), "utf8");
    expect(report).toBe("\uFEFFregel;kolom;reden;waarde\r\n3;email;geen geldig e-mailadres;ivo@\r\n");

    // the same file again: nothing changes
    await page.goto("/import");
    await page
      .getByLabel("CSV-bestand")
      .setInputFiles({ name: "leners-vubis.csv", mimeType: "text/csv", buffer: Buffer.from(PATRONS_CSV) });
    await page.getByRole("button", { name: "Opladen en importeren" }).click();
    await expect(page.getByText("0 nieuw · 0 gewijzigd · 2 ongewijzigd · 1 geweigerd")).toBeVisible({
      timeout: 30_000,
    });

    await page.goto("/import");
    await expect(page.getByRole("table", { name: "Imports, nieuwste eerst" }).getByRole("row")).toHaveCount(
      3,
    );
    await page.screenshot({ path: `${SHOTS}/import-history.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/import-history-390.png`, fullPage: true });
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "Import history" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/import-history-390-en.png`, fullPage: true });
  });

  test("a librarian sets up the scheduled pickup: a missing folder is refused in words, an existing one is saved with its time", async ({
    page,
    signInAs,
  }) => {
    // the e2e server's pickup root is its default, .data/pickup under the project
    await mkdir(".data/pickup/e2e-ils", { recursive: true });
    await signInAs("librarian");
    await page.goto("/import");
    const pickup = page.getByRole("region", { name: "Automatisch ophalen uit een map" });
    await pickup.getByLabel("Elke dag ophalen").check();
    await pickup.getByLabel("Map op de server").fill("e2e-bestaat-niet");
    await pickup.getByRole("button", { name: "Bewaren" }).click();
    await expect(
      pickup.getByText(
        "De map e2e-bestaat-niet bestaat niet op de server. Maak ze aan, of kies een andere map.",
      ),
    ).toBeVisible();
    await expect(pickup.getByLabel("Map op de server")).toHaveAttribute("aria-invalid", "true");

    await pickup.getByLabel("Map op de server").fill("e2e-ils");
    await pickup.getByLabel("Uur").fill("05:30");
    await pickup.getByLabel("Leners").fill("LENERS*.csv");
    await pickup.getByRole("button", { name: "Bewaren" }).click();
    await expect(pickup.getByText("Bewaard. De map wordt elke dag om 05:30 opgehaald.")).toBeVisible();
    await expect(pickup.getByText(/Elke dag om 05:30 uit .*\/\.data\/pickup\/e2e-ils\./)).toBeVisible();
    await expect(pickup.getByLabel("Leners")).toHaveValue("LENERS*.csv");
    await page.screenshot({ path: `${SHOTS}/import-pickup.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await pickup.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/import-pickup-390.png`, fullPage: true });
  });

  test("desk staff can neither open the import page nor upload", async ({ page, signInAs }) => {
    await signInAs("desk");
    const refused = await page.goto("/import");
    expect(refused?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geen toegang");
    const response = await page.request.post("/api/imports/upload?kind=patrons&name=x.csv", {
      data: PATRONS_CSV,
      headers: { "Content-Type": "text/csv" },
    });
    expect(response.status()).toBe(403);
  });
});

test("an import of another library is not found: its page, progress and report answer 404", async ({
  page,
  signInAs,
}) => {
  const { url } = JSON.parse(readFileSync(E2E_DATABASE_FILE, "utf8")) as { url: string };
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO "ImportRun" ("libraryId", kind, status, "fileName", "actorLabel", rejected)
     VALUES ($1, 'patrons', 'succeeded', 'zonnebeke.csv', 'Zita', 1) RETURNING id`,
    [SECOND_LIBRARY.id],
  );
  await client.query(
    `INSERT INTO "ImportRejection" ("importRunId", line, reason) VALUES ($1, 2, 'required')`,
    [rows[0].id],
  );
  await client.end();
  const id = rows[0].id;

  await signInAs("admin");
  const pageResponse = await page.goto(`/import/${id}`);
  expect(pageResponse?.status()).toBe(404);
  expect((await page.request.get(`/api/imports/${id}`)).status()).toBe(404);
  expect((await page.request.get(`/api/imports/${id}/report`)).status()).toBe(404);
  await page.goto("/import");
  await expect(page.getByText("zonnebeke.csv")).toHaveCount(0);
});

test.describe("API tokens (admin)", () => {
  test("an admin creates a token shown once, the library system uses it, the page shows its last use, and a revoked token stops working", async ({
    page,
    signInAs,
    playwright,
  }) => {
    await signInAs("admin");
    await page.goto("/admin/api-tokens");
    await page.getByLabel("Naam").fill("Vubis nachtelijke synchronisatie");
    await page.getByLabel("Lezen en schrijven", { exact: false }).check();
    await page.getByRole("button", { name: "Sleutel maken" }).click();
    const secret = (await page.getByTestId("new-token").textContent()) as string;
    expect(secret).toMatch(/^rpl_[A-Za-z0-9_-]{43}$/);
    await page.screenshot({ path: `${SHOTS}/api-tokens-created.png`, fullPage: true });

    // the library system, without a session cookie
    const ils = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
    const batch = await ils.post("/api/v1/patrons", {
      headers: { Authorization: `Bearer ${secret}` },
      data: { rows: [{ cardNumber: "E2E-API-1", firstName: "Api", lastName: "Lener", homeBranch: "ING" }] },
    });
    expect(batch.status()).toBe(200);
    expect(await batch.json()).toMatchObject({ inserted: 1, rejected: 0 });
    const unauthenticated = await ils.get("/api/v1/outbox");
    expect(unauthenticated.status()).toBe(401);
    expect(unauthenticated.headers()["content-type"]).toBe("application/problem+json");
    expect((await ils.get("/api/v1/openapi.json")).status()).toBe(200);

    await page.reload();
    const row = page.getByRole("row").filter({ hasText: "Vubis nachtelijke synchronisatie" });
    await expect(row).not.toContainText("nooit");
    await expect(page.getByText(secret)).toHaveCount(0);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/api-tokens-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });

    await row.getByRole("button", { name: "Intrekken" }).click();
    await expect(row).toContainText("Ingetrokken");
    await expect(row.getByRole("button", { name: "Intrekken" })).toHaveCount(0);
    const refused = await ils.get("/api/v1/outbox", { headers: { Authorization: `Bearer ${secret}` } });
    expect(refused.status()).toBe(401);
    await ils.dispose();

    // a librarian sees neither the page nor the menu entry
    const librarian = await page.context().browser()?.newPage();
    if (librarian) {
      await signIn(librarian, ROLE_EMAIL.librarian);
      await expect(librarian.getByRole("navigation").getByRole("link", { name: "API-sleutels" })).toHaveCount(
        0,
      );
      const refused = await librarian.goto("/admin/api-tokens");
      expect(refused?.status()).toBe(403);
      await expect(librarian.getByRole("heading", { level: 1 })).toHaveText("Geen toegang");
    }
  });
});
