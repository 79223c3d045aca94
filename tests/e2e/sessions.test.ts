import type { Browser, BrowserContext } from "playwright-core";
import type { RowDataPacket } from "mysql2/promise";
import { BASE_URL, launchBrowser, newContext, screenshot, signIn } from "../support/browser";
import { connectAppDb } from "../support/e2e-db";

// Finding 2: signing out ends the session on the server. A copy of the
// cookie taken before "Sign out" opens nothing afterwards, and "Sign out
// everywhere" ends the person's other browsers too.

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function clientInvoiceId(email: string): Promise<number> {
  const db = await connectAppDb();
  try {
    const [[row]] = await db.query<RowDataPacket[]>(
      "SELECT i.id FROM invoices i JOIN clients c ON c.id = i.client_id JOIN users u ON u.id = c.user_id WHERE u.email = ? AND i.status <> 'draft' ORDER BY i.id LIMIT 1",
      [email],
    );
    return Number(row!.id);
  } finally {
    await db.end();
  }
}

async function signedIn(email: string, home: string): Promise<BrowserContext> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page, email);
  await page.waitForURL(`${BASE_URL}${home}`);
  return context;
}

describe("signing out", () => {
  it("ends the session on the server: the cookie copied before sign-out opens neither the portal nor a PDF", async () => {
    const invoiceId = await clientInvoiceId("client@example.com");
    const context = await signedIn("client@example.com", "/portal");
    const kept = await context.cookies();
    const page = context.pages()[0]!;
    expect((await page.request.get(`/api/invoices/${invoiceId}/pdf`)).status()).toBe(200);

    await page.getByRole("button", { name: /Account menu/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.waitForURL(`${BASE_URL}/login`);
    await context.close();

    // Someone who copied the cookie before the sign-out.
    const thief = await newContext(browser);
    await thief.addCookies(kept);
    const stolen = await thief.newPage();
    await stolen.goto("/portal");
    expect(new URL(stolen.url()).pathname).toBe("/login");
    expect((await stolen.request.get(`/api/invoices/${invoiceId}/pdf`)).status()).toBe(404);
    await thief.close();
  });

  it("'Sign out everywhere' on the profile ends the person's other browsers too", async () => {
    const laptop = await signedIn("staff@example.com", "/staff");
    const phone = await signedIn("staff@example.com", "/staff");
    const page = laptop.pages()[0]!;
    await page.goto("/staff/profile");
    const devices = page.getByRole("list", { name: "Signed-in devices" });
    await devices.getByText("This browser").waitFor();
    expect(await devices.getByRole("listitem").count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, "profile-sessions-desktop");

    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Sign out everywhere" }).click();
    await page.waitForURL(`${BASE_URL}/login`);

    const other = phone.pages()[0]!;
    await other.goto("/staff");
    expect(new URL(other.url()).pathname).toBe("/login");
    await laptop.close();
    await phone.close();
  });
});
