import type { Browser } from "playwright-core";
import { connectAppDb } from "../support/e2e-db";
import { BASE_URL, launchBrowser, newContext, screenshot, signIn } from "../support/browser";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("signing in", () => {
  it.each([
    ["admin@example.com", "/admin", "Dashboard"],
    ["staff@example.com", "/staff", "Dashboard"],
    ["client@example.com", "/portal", /^Hello, /],
  ])("%s lands on %s", async (email, home, heading) => {
    for (const viewport of ["desktop", "mobile"] as const) {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await signIn(page, email);
      await page.waitForURL(`${BASE_URL}${home}`);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      await screenshot(page, `home-${email.split("@")[0]}-${viewport}`);
      await context.close();
    }
  });

  it("shows a clear error for a wrong password and keeps the email", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "staff@example.com", "Wrong-password-1");
    await page.getByRole("alert").filter({ hasText: "don't match an active account" }).waitFor();
    expect(await page.getByLabel("Email").inputValue()).toBe("staff@example.com");
    expect(new URL(page.url()).pathname).toBe("/login");
    await screenshot(page, "login-error-desktop");
    await context.close();
  });

  it("renders the login page on desktop and mobile", async () => {
    for (const viewport of ["desktop", "mobile"] as const) {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await page.goto("/login");
      await page.getByRole("heading", { name: "Sign in" }).waitFor();
      await screenshot(page, `login-${viewport}`);
      await context.close();
    }
  });
});

describe("role areas", () => {
  it("sends a client who opens /admin back to /portal", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "client@example.com");
    await page.waitForURL(`${BASE_URL}/portal`);
    await page.goto("/admin");
    expect(new URL(page.url()).pathname).toBe("/portal");
    await page.goto("/staff");
    expect(new URL(page.url()).pathname).toBe("/portal");
    await context.close();
  });

  it("sends staff who open /admin back to /staff", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "staff@example.com");
    await page.waitForURL(`${BASE_URL}/staff`);
    await page.goto("/admin");
    expect(new URL(page.url()).pathname).toBe("/staff");
    await context.close();
  });

  it("sends an anonymous visitor to /login, and back to the page after signing in", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/admin");
    const url = new URL(page.url());
    expect(url.pathname).toBe("/login");
    expect(url.searchParams.get("callbackUrl")).toBe("/admin");
    await page.getByLabel("Email").fill("admin@example.com");
    await page.getByLabel("Password").fill("ClientDesk-demo-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${BASE_URL}/admin`);
    await context.close();
  });

  it("signs out from the user menu", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "staff@example.com");
    await page.waitForURL(`${BASE_URL}/staff`);
    await page.getByRole("button", { name: /Account menu/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    await page.goto("/staff");
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });

  it("ends a session whose session_version is stale", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "staff@example.com");
    await page.waitForURL(`${BASE_URL}/staff`);
    const db = await connectAppDb();
    try {
      await db.query("UPDATE users SET session_version = session_version + 1 WHERE email = 'staff@example.com'");
      await page.goto("/staff");
      expect(new URL(page.url()).pathname).toBe("/login");
    } finally {
      await db.end();
    }
    await context.close();
  });
});
