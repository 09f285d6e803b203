import { Webhook } from "svix";
import { BOUNCE_WEBHOOK_SECRET, BOUNCE_PATRON as P } from "./bounces-scenario";
import { expect, test } from "./fixtures";

// A notice of a send run went to bounced@resend.dev through the real SDK and the local fake
// Resend (e2e/bounces-data.ts); the fake's signed webhooks reach the app once it is up.
// These tests follow it from the bounce to the letter in the print queue and the flag at the desk.

const SHOTS = "test-results/bounces";

function row(page: import("@playwright/test").Page) {
  return page.getByRole("listitem").filter({ hasText: `${P.firstName} ${P.lastName}` });
}

test.describe
  .serial("bounces", () => {
    test("the webhook refuses unsigned, forged and stale calls and hides which notices exist", async ({
      request,
    }) => {
      const body = JSON.stringify({
        type: "email.bounced",
        created_at: new Date().toISOString(),
        data: {
          email_id: "unknown-email",
          to: ["x@y.be"],
          bounce: { type: "Permanent", subType: "General" },
        },
      });
      const post = (headers: Record<string, string>, data = body) =>
        request.post("/api/webhooks/resend", {
          // raw bytes: the signature is over exactly these
          data: Buffer.from(data),
          headers: { "content-type": "application/json", ...headers },
        });
      const sign = (id: string, at: Date, data = body) => ({
        "svix-id": id,
        "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
        "svix-signature": new Webhook(BOUNCE_WEBHOOK_SECRET).sign(id, at, data),
      });
      expect((await post({})).status()).toBe(401);
      const forged = sign("msg_forged", new Date());
      expect((await post({ ...forged, "svix-signature": "v1,AAAA" })).status()).toBe(401);
      expect((await post(sign("msg_stale", new Date(Date.now() - 600_000)))).status()).toBe(401);
      const unknown = await post(sign("msg_unknown", new Date()));
      expect(unknown.status()).toBe(200);
      expect(await unknown.json()).toEqual({ ok: true });
      expect((await post(sign("msg_bad", new Date(), "{nope"), "{nope")).status()).toBe(400);
      const text = await request.post("/api/webhooks/resend", {
        data: body,
        headers: { "content-type": "text/plain", ...sign("msg_text", new Date()) },
      });
      expect(text.status()).toBe(415);
      // Only this one path is public: the rest of the API still wants a session.
      expect((await request.post("/api/webhooks/other", { data: body })).status()).toBe(401);
    });

    test("a bounced address in a send run becomes a letter in the print queue and a flag at the desk", async ({
      page,
      signInAs,
    }) => {
      await signInAs("librarian");
      // The fake posts the webhooks as soon as the app is up; applying them takes a moment.
      await expect(async () => {
        await page.goto("/bounces");
        await expect(row(page)).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 30_000 });
      const bounce = row(page);
      await expect(bounce).toContainText(P.email);
      await expect(bounce).toContainText("Onbestelbaar (definitief)");
      await expect(bounce).toContainText("het adres bestaat niet");
      await expect(bounce).toContainText(
        "Adres als onbruikbaar gemarkeerd · melding voor de balie · brief in de afdrukwachtrij",
      );
      await expect(page.getByRole("link", { name: /Onbestelbaar \(definitief\)/ })).toContainText(/[1-9]/);
      await page.screenshot({ path: `${SHOTS}/bounces-nl.png`, fullPage: true });

      // At the desk: the flag in words, the timeline in words, the letter waiting to be printed.
      await page.goto(`/patrons/${P.id}`);
      const flags = page.locator("section", { has: page.getByRole("heading", { name: "Vraagt aandacht" }) });
      await expect(flags).toContainText("E-mail onbestelbaar");
      await expect(flags).toContainText(`het adres bestaat niet (${P.email})`);
      const timeline = page.locator("section", {
        has: page.getByRole("heading", { name: "Berichten", exact: true }),
      });
      await expect(timeline).toContainText("E-mail verzonden");
      await expect(timeline).toContainText("Onbestelbaar: het adres bestaat niet");
      await expect(timeline).toContainText("E-mail onbestelbaar · wacht op afdruk");
      await expect(timeline).not.toContainText("email.bounced");
      await page.screenshot({ path: `${SHOTS}/patron-nl.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${SHOTS}/patron-390.png`, fullPage: true });
    });

    test("the librarian prints the letter now, corrects the address and sends the notice again", async ({
      page,
      signInAs,
    }) => {
      await signInAs("librarian");
      await page.goto("/bounces");
      const bounce = row(page);
      await bounce.getByRole("button", { name: "Opnieuw e-mailen" }).click();
      await expect(bounce).toContainText("niet verzonden: verbeter eerst het adres");

      await bounce.getByRole("button", { name: "Brief nu afdrukken" }).click();
      await expect(bounce).toContainText("1 brief afgedrukt.");
      const pdf = bounce.getByRole("link", { name: /Open brief 1/ });
      const response = await page.request.get((await pdf.getAttribute("href")) as string);
      expect(response.headers()["content-type"]).toContain("application/pdf");

      // the desk's own correction form (components/desk/correct-email-form.tsx)
      await bounce.getByText("E-mailadres verbeteren").click();
      await bounce.getByLabel("Nieuw e-mailadres").fill(P.newEmail);
      await bounce.getByRole("button", { name: "E-mailadres bewaren" }).click();
      await expect(page.getByText(`E-mailadres gewijzigd in ${P.newEmail}`)).toBeVisible();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${SHOTS}/bounces-390.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });

      // Sent again: the problem is dismissed with a note and leaves the open list.
      await row(page).getByRole("button", { name: "Opnieuw e-mailen" }).click();
      await expect(row(page)).toHaveCount(0);
      await page.goto("/bounces?show=dismissed");
      await expect(row(page)).toContainText("Opnieuw per e-mail verzonden");
      await expect(row(page)).toContainText("brief afgedrukt");

      await page.goto(`/patrons/${P.id}`);
      await expect(
        page.locator("section", { has: page.getByRole("heading", { name: "Vraagt aandacht" }) }),
      ).toHaveCount(0);
      const history = page.locator("section", {
        has: page.getByRole("heading", { name: "Geschiedenis van wijzigingen" }),
      });
      await expect(history).toContainText("Bericht opnieuw per e-mail verzonden");
      await expect(history).toContainText("Werking e-mail: onbestelbaar → nog niet bevestigd");
    });

    test("Today shows the bounce and complaint rates with their warning levels, linking to the bounces", async ({
      page,
      signInAs,
    }) => {
      await signInAs("librarian");
      await page.goto("/");
      const health = page.locator("section", {
        has: page.getByRole("heading", { name: /Gezondheid van de e-mail/ }),
      });
      await expect(health).toContainText("Bounces");
      await expect(health).toContainText("Spamklachten");
      await expect(health.getByRole("link", { name: "Bekijk de bounces" }).first()).toHaveAttribute(
        "href",
        "/bounces?type=permanent_bounce&period=30",
      );
      await health.screenshot({ path: `${SHOTS}/today-health-nl.png` });
    });

    test("the bounce rules are edited in settings, with a clear message for a wrong value", async ({
      page,
      signInAs,
    }) => {
      await signInAs("librarian");
      await page.goto("/settings/bounces");
      await page.getByLabel("Tijdelijke bounces voor het adres als onbruikbaar geldt").fill("0");
      await page.getByRole("button", { name: "Regels opslaan" }).click();
      await expect(page.getByText("Ongeldige waarde.").first()).toBeVisible();
      await page.getByLabel("Tijdelijke bounces voor het adres als onbruikbaar geldt").fill("4");
      await page.getByRole("button", { name: "Regels opslaan" }).click();
      await expect(page.getByText("Regels voor bounces opgeslagen.")).toBeVisible();
      await page.reload();
      await expect(page.getByLabel("Tijdelijke bounces voor het adres als onbruikbaar geldt")).toHaveValue(
        "4",
      );
    });
  });
