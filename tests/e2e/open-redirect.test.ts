import type { Browser, Page } from "playwright-core";
import { BASE_URL, DEMO_PASSWORD, launchBrowser, newContext, screenshot } from "../support/browser";

// Signing in with a callback that a browser reads as another host must land
// on the role's home on our own origin. Requests to the evil host are caught
// and answered locally, so an escape is seen, not just a DNS error.

const ORIGIN = new URL(BASE_URL).origin;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function watchedPage() {
  const context = await newContext(browser);
  const escapes: string[] = [];
  // By host: our own /login?callbackUrl=...evil.example... must load as usual.
  await context.route(
    (url) => url.hostname.endsWith("evil.example"),
    (route) => {
      escapes.push(route.request().url());
      return route.fulfill({ status: 200, contentType: "text/html", body: "<h1>evil</h1>" });
    },
  );
  const page = await context.newPage();
  return { context, page, escapes };
}

async function submitLogin(page: Page, email: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe("an open redirect after sign-in", () => {
  it.each([
    ["a tab", "%2F%09%2Fevil.example%2F"],
    ["a line feed", "%2F%0A%2Fevil.example%2F"],
    ["a backslash", "%2F%5Cevil.example%2F"],
    ["a protocol-relative URL", "%2F%2Fevil.example%2F"],
    ["a dot segment", "%2F..%2F%2Fevil.example%2F"],
  ])("with %s in /login's callbackUrl, staff land on /staff on our origin", async (what, encoded) => {
    const { context, page, escapes } = await watchedPage();
    const response = await page.goto(`/login?callbackUrl=${encoded}`);
    expect(response?.status()).toBe(200);
    await submitLogin(page, "staff@example.com");
    await page.waitForURL(`${BASE_URL}/staff`);
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    expect(new URL(page.url()).origin).toBe(ORIGIN);
    expect(escapes).toEqual([]);
    if (what === "a tab") await screenshot(page, "open-redirect-tab-lands-home");
    await context.close();
  });

  it("refuses the evil callback in the login action too, when the form's hidden field is edited", async () => {
    const { context, page, escapes } = await watchedPage();
    for (const evil of ["/\t/evil.example/", "/\n/evil.example/"]) {
      await page.goto("/login");
      await page.locator('input[name="callbackUrl"]').evaluate((input, value) => ((input as HTMLInputElement).value = value), evil);
      await submitLogin(page, "client@example.com");
      await page.waitForURL(`${BASE_URL}/portal`);
      expect(escapes).toEqual([]);
      // Sign out for the next round (the login page sends a signed-in user home).
      await context.clearCookies();
    }
    await context.close();
  });

  it("follows a percent-encoded path as a path on our origin", async () => {
    const { context, page, escapes } = await watchedPage();
    await page.goto("/login?callbackUrl=%2F%252F%252Fevil.example");
    await submitLogin(page, "staff@example.com");
    await page.waitForURL((url) => url.pathname === "/%2F%2Fevil.example");
    expect(new URL(page.url()).origin).toBe(ORIGIN);
    expect(escapes).toEqual([]);
    await context.close();
  });
});
