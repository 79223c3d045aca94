import type { Browser, Page } from "playwright-core";
import type { ResultSetHeader } from "mysql2";
import { connectAppDb } from "../support/e2e-db";
import { BASE_URL, gotoForm, launchBrowser, screenshot, signedIn } from "../support/browser";
import { pdfText } from "../support/pdf-tools";

// Money in a real browser beyond US dollars, in a USD business: a client in
// yen (0 decimals) and one in Kuwaiti dinars (3 decimals) each get an
// invoice in their own currency from the editor, a part payment and a PDF,
// and the dashboard keeps their figures apart, under their own currencies.

let browser: Browser;
const run = Date.now().toString(36);

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function execute(sql: string, params: unknown[] = []) {
  const db = await connectAppDb();
  try {
    const [result] = await db.query<ResultSetHeader>(sql, params);
    return result;
  } finally {
    await db.end();
  }
}

/** Issues the invoice in the editor and returns its number and id. */
async function saveAndIssue(page: Page): Promise<{ number: string; id: number }> {
  await page.getByRole("button", { name: "Save and issue" }).click();
  const heading = page.getByRole("heading", { level: 1, name: /^INV-\d{4}-\d{4}$/ });
  await heading.waitFor();
  return { number: (await heading.textContent())!.trim(), id: Number(new URL(page.url()).pathname.split("/").pop()) };
}

async function recordPayment(page: Page, number: string, currency: string, amount: string) {
  await page.getByRole("button", { name: "Record payment" }).click();
  const dialog = page.getByRole("dialog", { name: `Record a payment on ${number}` });
  await dialog.getByLabel(`Amount (${currency})`).fill(amount);
  await dialog.getByRole("button", { name: "Record payment" }).click();
  await page.getByText("Payment recorded", { exact: true }).first().waitFor();
  await dialog.waitFor({ state: "hidden" });
}

async function invoicePdf(page: Page, id: number): Promise<string> {
  const response = await page.request.get(`${BASE_URL}/api/invoices/${id}/pdf`);
  expect(response.status()).toBe(200);
  return pdfText(await response.body());
}

describe("currencies other than the business's", () => {
  it("bills a yen client and a dinar client each in its own currency: editor, invoice, part payment, PDF and dashboard", async () => {
    const yenName = `E2E Yen Client ${run}`;
    const dinarName = `E2E Dinar Client ${run}`;
    await execute("INSERT INTO clients (name, email, currency, sms_opt_in, created_at, updated_at) VALUES (?, ?, 'KWD', 0, NOW(3), NOW(3))", [dinarName, `dinar-${run}@e2e.example`]);

    // A new client bills in the business's currency unless another is picked.
    const page = await signedIn(browser, "staff@example.com");
    await page.goto("/staff/clients/new");
    const billing = page.getByLabel("Billing currency");
    expect(await billing.inputValue()).toBe("USD");
    expect(await billing.locator("option", { hasText: "KWD — Kuwaiti Dinar" }).count()).toBe(1);
    await page.getByLabel("Name").fill(yenName);
    await page.getByLabel("Email").fill(`yen-${run}@e2e.example`);
    await billing.selectOption("JPY");
    await screenshot(page, "currency-client-form-desktop");
    await page.getByRole("button", { name: "Create client" }).click();
    await page.getByRole("heading", { level: 1, name: yenName }).waitFor();
    await page.getByText("JPY — Japanese Yen").waitFor();

    // From the client, a new invoice is in yen: no decimals, refused with the reason when typed.
    await page.getByRole("link", { name: "New invoice", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "New invoice" }).waitFor();
    expect(await page.getByLabel("Currency").inputValue()).toBe("JPY");
    await page.getByLabel("Line 1 description").fill("Consulting days");
    await page.getByLabel("Line 1 quantity").fill("3");
    await page.getByLabel("Line 1 unit price (JPY)").fill("12,500.50");
    await page.getByLabel("Line 1 tax %").fill("10");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText("This currency has no decimal places").waitFor();
    await page.getByLabel("Line 1 unit price (JPY)").fill("12,500");
    // 3 × ¥12,500 = ¥37,500, tax ¥3,750.
    await page.getByLabel("Totals").getByText("¥41,250").waitFor();
    await screenshot(page, "currency-invoice-editor-jpy-desktop");
    const yen = await saveAndIssue(page);
    await page.getByTestId("balance-due").filter({ hasText: "¥41,250" }).waitFor();
    await recordPayment(page, yen.number, "JPY", "10,000");
    await page.getByTestId("balance-due").filter({ hasText: "¥31,250" }).waitFor();
    await page.getByText("Partially paid", { exact: true }).first().waitFor();
    await screenshot(page, "currency-invoice-jpy-desktop");
    const yenPdf = await invoicePdf(page, yen.id);
    for (const amount of ["¥37,500", "¥3,750", "¥41,250", "¥10,000", "¥31,250"]) expect(yenPdf).toContain(amount);
    expect(yenPdf).not.toMatch(/¥[\d,]+\.\d/);

    // A new invoice starts in the business's currency; picking the dinar client switches it to KWD, with 3 decimals.
    await gotoForm(page, "/staff/invoices/new");
    expect(await page.getByLabel("Currency").inputValue()).toBe("USD");
    await page.getByRole("combobox", { name: /Client/ }).fill(dinarName);
    await page.getByRole("option", { name: new RegExp(dinarName) }).click();
    expect(await page.getByLabel("Currency").inputValue()).toBe("KWD");
    await page.getByLabel("Line 1 description").fill("Quarterly audit");
    await page.getByLabel("Line 1 quantity").fill("2");
    await page.getByLabel("Line 1 unit price (KWD)").fill("1,234.567");
    await page.getByLabel("Line 1 tax %").fill("0");
    await page
      .getByLabel("Totals")
      .getByText(/KWD\s2,469\.134/)
      .first()
      .waitFor();
    const dinar = await saveAndIssue(page);
    await recordPayment(page, dinar.number, "KWD", "1,000.5");
    await page
      .getByTestId("balance-due")
      .filter({ hasText: /KWD\s1,468\.634/ })
      .waitFor();
    const dinarPdf = await invoicePdf(page, dinar.id);
    for (const amount of [/KWD\s1,234\.567/, /KWD\s2,469\.134/, /KWD\s1,000\.500/, /KWD\s1,468\.634/]) expect(dinarPdf).toMatch(amount);

    // The dashboard keeps each currency's figures apart, behind its own switch.
    await page.goto("/staff");
    const currency = page.getByLabel("Currency", { exact: true });
    const offered = await currency.locator("option").allTextContents();
    expect(offered).toEqual(expect.arrayContaining(["JPY", "KWD", "USD"]));
    await currency.selectOption("JPY");
    await page.waitForURL(/[?&]currency=JPY/);
    const outstanding = page.getByRole("region", { name: "Totals" }).getByRole("link", { name: /^Outstanding/ });
    await outstanding.getByText("¥31,250", { exact: true }).waitFor();
    await screenshot(page, "currency-dashboard-jpy-desktop");
    await page.getByLabel("Currency", { exact: true }).selectOption("KWD");
    await page.waitForURL(/[?&]currency=KWD/);
    await outstanding.getByText(/^KWD\s1,468\.634$/).waitFor();
    await page.context().close();
  });

  it("shows a dinar business its own figures by default", async () => {
    await execute("UPDATE settings SET default_currency = 'KWD' WHERE id = 1");
    try {
      const page = await signedIn(browser, "admin@example.com", { viewport: "mobile", colorScheme: "dark" });
      await page.goto("/admin");
      await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
      expect(await page.getByLabel("Currency", { exact: true }).inputValue()).toBe("KWD");
      await page
        .getByRole("region", { name: "Totals" })
        .getByRole("link", { name: /^Outstanding/ })
        .getByText(/^KWD\s[\d,]+\.\d{3}$/)
        .waitFor();
      await screenshot(page, "currency-dashboard-kwd-business-mobile-dark");
      await page.context().close();
    } finally {
      await execute("UPDATE settings SET default_currency = 'USD' WHERE id = 1");
    }
  });

  it("reads amounts in the browser with the server's digits, not the browser's own (RSD: 2 in Node, 0 in Chromium 156)", async () => {
    const page = await signedIn(browser, "staff@example.com");
    await gotoForm(page, "/staff/invoices/new");
    await page.getByLabel("Currency").selectOption("RSD");
    await page.getByLabel("Line 1 description").fill("Translation");
    await page.getByLabel("Line 1 unit price (RSD)").fill("100.50");
    await page.getByLabel("Line 1 tax %").fill("0");
    await page
      .getByLabel("Totals")
      .getByText(/RSD\s100\.50/)
      .first()
      .waitFor();
    await page.context().close();
  });
});
