import { type APIResponse, test as base, expect, type Page } from "@playwright/test";
import type { StaffRole } from "../lib/auth/roles";
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from "../scripts/demo/demo-staff-accounts";

export { expect };

/** The demo account of each role (created by e2e/serve.ts). */
export const ROLE_EMAIL = Object.fromEntries(DEMO_STAFF.map((s) => [s.role, s.email])) as Record<
  StaffRole,
  string
>;
export const ROLES: StaffRole[] = ["desk", "librarian", "manager", "admin"];
export const PASSWORD = DEMO_STAFF_PASSWORD;

/** Fills in the real sign-in form (Dutch labels: the default language). */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  if (new URL(page.url()).pathname !== "/sign-in") await page.goto("/sign-in");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Aanmelden" }).click();
}

/** Signs in through the form and waits until the app has opened a page behind it. */
export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await submitSignIn(page, email, password);
  await page.waitForURL((url) => url.pathname !== "/sign-in");
}

/** The message the sign-in form shows (next to Next's own route announcer, also an alert). */
export function signInError(page: Page) {
  return page.locator("#sign-in-error");
}

/**
 * Calls a server action the way Next's client does (POST with a Next-Action header, the
 * arguments encoded by React: previous state, then the form fields), so a test can call an
 * action its user has no form for. Returns the response text (the action's state in RSC form).
 */
export async function callServerAction(
  page: Page,
  options: { path: string; actionId: string; fields: Record<string, string> },
): Promise<{ response: APIResponse; text: string }> {
  const body = new FormData();
  for (const [key, value] of Object.entries(options.fields)) body.append(`_1_${key}`, value);
  // The root argument list last: React reads the form entries it points to ($K1) by then.
  body.append("0", '[{"ok":false},"$K1"]');
  const response = await page.request.post(options.path, {
    headers: {
      "Next-Action": options.actionId,
      Accept: "text/x-component",
      Origin: new URL(page.url()).origin,
    },
    multipart: body,
    maxRedirects: 0,
  });
  return { response, text: await response.text() };
}

/** The id of the server action behind a form on the current page (from React's hidden fields). */
export async function actionIdOfForm(page: Page, form = page.locator("form").last()): Promise<string> {
  const reference = await form.locator('input[type="hidden"][name$=":0"]').first().inputValue();
  return (JSON.parse(reference) as { id: string }).id;
}

type Fixtures = {
  /** signs this test's page in as the demo account of `role` */
  signInAs(role: StaffRole): Promise<Page>;
};

export const test = base.extend<Fixtures>({
  signInAs: async ({ page }, use) => {
    await use(async (role) => {
      await signIn(page, ROLE_EMAIL[role]);
      return page;
    });
  },
});
