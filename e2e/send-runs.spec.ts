import { withE2eDb } from "./e2e-database";
import { expect, test } from "./fixtures";

const SHOTS = "test-results/send-runs";

test("the dry run's table fits at 1280 px and scrolls inside its card at 390 px", async ({
  page,
  signInAs,
}) => {
  await signInAs("librarian");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/dry-run");
  const list = page.getByRole("region", { name: "Berichten die de ronde zou maken" });
  await expect(list).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  expect(await list.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
  await page.screenshot({ path: `${SHOTS}/dry-run-1280.png`, fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await list.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await page.screenshot({ path: `${SHOTS}/dry-run-390.png`, fullPage: true });
});

test("a librarian previews today's run, starts it with a double click and watches it finish: one run, sent through the outbox", async ({
  page,
  signInAs,
}) => {
  test.setTimeout(180_000);
  await signInAs("librarian");
  await page.goto("/send-runs");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Verzendrondes");
  await page.getByTestId("preview-run").click();

  const confirmation = page.getByTestId("start-confirmation");
  await expect(confirmation).toBeVisible();
  await expect(confirmation.getByRole("heading", { level: 2 })).toContainText("30 november 2026");
  await expect(page.getByTestId("confirm-totals")).toContainText("nieuwe berichten");
  await expect(confirmation.getByRole("table", { name: "Per fase" })).toBeVisible();
  await expect(confirmation.getByRole("link").first()).toHaveAttribute("href", /\/patrons\/\d+/);
  await page.screenshot({ path: `${SHOTS}/confirm-nl-1280.png`, fullPage: true });

  await page.getByTestId("confirm-start").dblclick();
  const progress = page.getByTestId("run-progress");
  await expect(progress).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("progress-planned")).not.toHaveText("0", { timeout: 60_000 });
  await page.screenshot({ path: `${SHOTS}/progress-nl-1280.png`, fullPage: true });
  // the page updates itself: no reload until the run is done
  await expect(page.getByTestId("run-status")).toHaveText("Klaar", { timeout: 150_000 });
  await expect(page.getByTestId("progress-remaining")).toHaveText("0");

  await page.reload();
  const history = page.getByTestId("run-history");
  const todays = history.getByRole("row").filter({ hasText: "30 nov 2026" });
  await expect(todays).toHaveCount(1);
  await expect(todays).toContainText("Jonas Bibliothecaris");
  await expect(todays).toContainText("Klaar");
  await page.screenshot({ path: `${SHOTS}/history-nl-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/history-nl-390.png`, fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("link", { name: "Postvak uit (demo)" }).click();
  const outbox = page.getByTestId("outbox");
  await expect(outbox.getByRole("row").nth(1)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/outbox-nl-1280.png` });
  await outbox.getByRole("row").nth(1).getByRole("link").click();
  await expect(page.locator("iframe[sandbox]")).toBeVisible();

  await page.goto("/send-runs");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Send runs");
  await expect(page.getByTestId("run-history")).toContainText("Done");
  await page.screenshot({ path: `${SHOTS}/history-en-1280.png`, fullPage: true });
});

test("the send time and sender are saved in settings, and a wrong sender is refused at its field", async ({
  page,
  signInAs,
}) => {
  await signInAs("librarian");
  await page.goto("/settings");
  const form = page.getByRole("region", { name: "Verzenden" });
  await form.getByLabel("Afzender").fill("geen adres");
  await form.getByRole("button", { name: "Bewaren" }).click();
  await expect(form.getByText("Geef een e-mailadres")).toBeVisible();
  await form.getByLabel("Starttijd van de dagelijkse ronde").fill("06:30");
  await form.getByLabel("Afzender").fill("Bibliotheek Leiedal <rappel@leiedal.example>");
  await form.getByRole("button", { name: "Bewaren" }).click();
  await expect(form.getByText("De verzendinstellingen zijn bewaard.")).toBeVisible();
  await page.goto("/send-runs");
  await expect(page.getByText("om 06:30")).toBeVisible();
});

/** A patron of this spec's own whose two emails failed: one by Rappel (a code), one by Resend (its words). */
const FAILING = { id: 990_801, cardNumber: "E2E-FAIL-0801", firstName: "Fien", lastName: "Faalmail" };

test("the failed emails say in words why Rappel did not send one, and give Resend's own words for the other", async ({
  page,
  signInAs,
}) => {
  await withE2eDb(async (db, libraryId) => {
    await db.notice.deleteMany({ where: { patronId: FAILING.id } });
    await db.patron.deleteMany({ where: { id: FAILING.id } });
    const branch = await db.branch.findFirstOrThrow({ where: { libraryId }, orderBy: { id: "asc" } });
    const stage = await db.noticeStage.findFirstOrThrow({ where: { libraryId, key: "overdue-1" } });
    await db.patron.create({ data: { ...FAILING, libraryId, homeBranchId: branch.id, email: null } });
    const notice = (key: string, failure: { failureCode?: string; failureReason?: string }) => ({
      libraryId,
      patronId: FAILING.id,
      branchId: branch.id,
      stageId: stage.id,
      planDate: new Date("2026-03-10T00:00:00Z"),
      channel: "email" as const,
      channelReason: "stage channel: email",
      status: "failed" as const,
      language: "nl" as const,
      idempotencyKey: `e2e-failed-${key}`,
      ...failure,
    });
    await db.notice.create({ data: notice("code", { failureCode: "no_email" }) });
    await db.notice.create({ data: notice("provider", { failureReason: "Invalid `to` field." }) });
  });
  await signInAs("librarian");
  const list = page.getByRole("table", { name: /E-mails die niet vertrokken/ });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/send-runs");
    const rows = list.getByRole("row", { name: /Fien Faalmail/ });
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText("Antwoord van Resend: Invalid `to` field.");
    await expect(rows.nth(1)).toContainText("De lener heeft geen e-mailadres: het bericht gaat per brief.");
    await expect(rows.nth(1)).not.toContainText("Antwoord van Resend");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await rows.nth(1).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/failed-${width}.png`, fullPage: true });
  }
});
