import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";
import { LETTER_PATRONS, LETTERS_BRANCH } from "./letters-data";

// The letters spec's own branch (e2e/letters-data.ts): one ordinary letter, one registered,
// one patron without a postal code. Screenshots (pages and PDF pages) go to test-results/letters.
const OUT = path.join("test-results", "letters");
const [ordinary, registered, problem] = LETTER_PATRONS;

test("a librarian prints a branch's letters as batches, marks them printed and posted", async ({
  page,
  signInAs,
}) => {
  test.setTimeout(120_000);
  mkdirSync(OUT, { recursive: true });
  await signInAs("librarian");
  await page.goto(`/letters?branch=${LETTERS_BRANCH.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Brieven");
  const queue = page.locator('section[aria-labelledby="queue-heading"]');
  await expect(queue.getByRole("heading", { level: 2 })).toHaveText(`Wachtrij van ${LETTERS_BRANCH.name}`);
  await expect(queue).toContainText(`${ordinary.firstName} ${ordinary.lastName}`);
  await expect(queue).toContainText("Brievenboek 1.2");
  const problems = page.locator('section[aria-labelledby="problems-heading"]');
  await expect(problems).toContainText("postcode ontbreekt");
  await expect(problems.getByRole("link", { name: "Adres verbeteren" })).toHaveAttribute(
    "href",
    `/patrons/${problem.id}#correct-address`,
  );
  await page.screenshot({ path: path.join(OUT, "queue.png"), fullPage: true });

  await page.getByRole("button", { name: /Alles voor dit filiaal afdrukken/ }).click();
  await expect(page.getByRole("status")).toContainText("2 reeksen gemaakt met 2 brieven.");
  await expect(page.getByRole("status")).toContainText("1 brief bleef wachten: geen bruikbaar adres.");

  // the newest batches are the two just made: registered first (made last), then ordinary
  const batches = page.getByRole("article").filter({ hasText: LETTERS_BRANCH.name });
  await expect(batches).toHaveCount(2);
  const ordinaryBatch = batches.filter({ hasText: "gewoon" });
  const registeredBatch = batches.filter({ hasText: "aangetekend" });

  // marking printed before the PDF was made is refused
  await ordinaryBatch.getByRole("button", { name: "Markeren als afgedrukt" }).click();
  await expect(ordinaryBatch.getByRole("alert")).toContainText("Open eerst de pdf");

  // the PDF, fetched as the browser would, then its pages as pictures (pdftoppm)
  for (const [name, batch] of [
    ["ordinary", ordinaryBatch],
    ["registered", registeredBatch],
  ] as const) {
    const href = await batch.getByRole("link", { name: "Pdf openen" }).getAttribute("href");
    const response = await page.request.get(href ?? "");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    const file = path.join(OUT, `${name}.pdf`);
    writeFileSync(file, await response.body());
    execFileSync("pdftoppm", ["-r", "60", "-png", file, path.join(OUT, `${name}-page`)]);
  }
  const pagePictures = readdirSync(OUT).filter((f) => /-page-\d+\.png$/.test(f));
  // each letter has an even page count (a blank back page where needed)
  expect(pagePictures.filter((f) => f.startsWith("ordinary")).length % 2).toBe(0);

  const deposit = await page.request.get(
    (await registeredBatch.getByRole("link", { name: "Afgiftelijst (post)" }).getAttribute("href")) ?? "",
  );
  expect(deposit.status()).toBe(200);
  writeFileSync(path.join(OUT, "deposit-list.pdf"), await deposit.body());
  execFileSync("pdftoppm", [
    "-r",
    "60",
    "-png",
    path.join(OUT, "deposit-list.pdf"),
    path.join(OUT, "deposit"),
  ]);

  await page.reload();
  await ordinaryBatch.getByRole("button", { name: "Markeren als afgedrukt" }).click();
  await expect(ordinaryBatch.getByRole("status")).toContainText("Reeks gemarkeerd als afgedrukt.");
  await expect(ordinaryBatch).toContainText("Afgedrukt");
  await ordinaryBatch.getByLabel("Postdatum").fill("2026-11-30");
  await ordinaryBatch.getByRole("button", { name: "Markeren als gepost" }).click();
  await expect(ordinaryBatch).toContainText("Gepost op 30 nov 2026");
  await page.screenshot({ path: path.join(OUT, "batches.png"), fullPage: true });

  // a registered letter's tracking number: a typo is refused, a valid one kept
  await registeredBatch.getByRole("link", { name: "Brieven en opvolgnummers" }).click();
  const tracking = page.getByRole("textbox", {
    name: `Opvolgnummer ${registered.firstName} ${registered.lastName}`,
  });
  await tracking.fill("RR123456780BE");
  await page.getByRole("button", { name: "Bewaren" }).click();
  await expect(page.getByText(/geen geldig opvolgnummer/)).toBeVisible();
  await tracking.fill("rr 123456785 be");
  await page.getByRole("button", { name: "Bewaren" }).click();
  await expect(page.getByRole("status")).toContainText("Opvolgnummer bewaard.");
  await page.screenshot({ path: path.join(OUT, "batch-page.png"), fullPage: true });

  // the patron page shows the letter with its batch, print and post dates and the PDF as printed
  await page.goto(`/patrons/${ordinary.id}`);
  await expect(page.getByText(/reeks \d+/).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "pdf zoals afgedrukt" })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto(`/letters?branch=${LETTERS_BRANCH.id}`);
  await page.screenshot({ path: path.join(OUT, "letters-390.png"), fullPage: true });
});
