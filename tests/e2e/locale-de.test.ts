import type { Browser } from "playwright-core";
import type { ResultSetHeader, RowDataPacket } from "mysql2";
import { queryAppDb as query } from "../support/e2e-db";
import { BASE_URL, gotoForm, launchBrowser, screenshot, signedIn } from "../support/browser";
import { pdfText } from "../support/pdf-tools";

// A German business, set up by its admin in settings: de-DE, Europe/Berlin,
// EUR. Staff bill a client in EUR with comma decimals typed in the browser,
// record a part payment of "12,50", and the invoice page and its PDF write
// every amount as de-DE does ("1.506,25 €").

let browser: Browser;
const run = Date.now().toString(36);
let saved: { locale: string; time_zone: string; default_currency: string } | undefined;

// "12,50 €" with whatever space Intl puts before the sign (a no-break space), as the page and the PDF text show it.
const euros = (amount: string) => new RegExp(`${amount.replace(/\./g, "\\.")}\\s€`);

beforeAll(async () => {
  browser = await launchBrowser();
  const [row] = await query<RowDataPacket[]>("SELECT locale, time_zone, default_currency FROM settings WHERE id = 1");
  saved = row as typeof saved;
});

afterAll(async () => {
  if (saved) await query<ResultSetHeader>("UPDATE settings SET locale = ?, time_zone = ?, default_currency = ? WHERE id = 1", [saved.locale, saved.time_zone, saved.default_currency]);
  await browser?.close();
});

describe("a de-DE business", () => {
  it("is set up in settings, then bills in EUR with comma decimals: editor, part payment, invoice page and PDF", async () => {
    expect(saved).toBeDefined();
    // The admin picks the locale, the zone and the currency.
    const admin = await signedIn(browser, "admin@example.com", { timezoneId: "Europe/Berlin" });
    await admin.goto("/admin/settings");
    const locale = admin.getByLabel("Business locale");
    expect(await locale.locator("option", { hasText: "German (Germany) (de-DE)" }).count()).toBe(1);
    await locale.selectOption("de-DE");
    await admin.getByLabel("Time zone", { exact: true }).selectOption("Europe/Berlin");
    await admin.getByLabel("Default currency").selectOption("EUR");
    await admin.getByRole("button", { name: "Save settings" }).click();
    await admin.getByText("Settings saved", { exact: true }).first().waitFor();
    const [stored] = await query<RowDataPacket[]>("SELECT locale, time_zone, default_currency FROM settings WHERE id = 1");
    expect(stored).toMatchObject({ locale: "de-DE", time_zone: "Europe/Berlin", default_currency: "EUR" });
    const [audit] = await query<RowDataPacket[]>("SELECT after_data FROM audit_log WHERE action = 'settings.update' ORDER BY id DESC LIMIT 1");
    expect(typeof audit!.after_data === "string" ? JSON.parse(audit!.after_data) : audit!.after_data).toMatchObject({ locale: "de-DE", timeZone: "Europe/Berlin", defaultCurrency: "EUR" });
    // The form now shows its amount and rate as de-DE types them.
    await admin.reload();
    await admin.getByRole("button", { name: "Save settings" }).waitFor();
    expect(await admin.getByLabel("Smallest part payment").inputValue()).toMatch(/^\d+,\d{2}$/);
    expect(await admin.getByLabel("Business locale").inputValue()).toBe("de-DE");
    expect(await admin.getByLabel("Time zone", { exact: true }).inputValue()).toBe("Europe/Berlin");
    await admin.getByLabel("Time zone", { exact: true }).scrollIntoViewIfNeeded();
    await screenshot(admin, "locale-de-settings-desktop");
    await admin.context().close();

    const clientName = `E2E Müller GmbH ${run}`;
    await query<ResultSetHeader>("INSERT INTO clients (name, email, currency, sms_opt_in, created_at, updated_at) VALUES (?, ?, 'EUR', 0, NOW(3), NOW(3))", [clientName, `mueller-${run}@e2e.example`]);

    const page = await signedIn(browser, "staff@example.com", { timezoneId: "Europe/Berlin" });
    await gotoForm(page, "/staff/invoices/new");
    await page.getByRole("combobox", { name: /Client/ }).fill(clientName);
    await page.getByRole("option", { name: new RegExp(clientName) }).click();
    expect(await page.getByLabel("Currency").inputValue()).toBe("EUR");

    // An en-US amount in a de-DE business is kept as typed and refused with the form expected.
    await page.getByLabel("Line 1 description").fill("Beratung");
    await page.getByLabel("Line 1 quantity").fill("1");
    const price1 = page.getByLabel("Line 1 unit price (EUR)");
    await price1.fill("1,234.50");
    await price1.blur();
    expect(await price1.inputValue()).toBe("1,234.50");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText("Enter the amount like 1.234,50").waitFor();
    // Typed the de-DE way without groups, it is rewritten with them as the person leaves the field.
    await price1.fill("1234,5");
    await price1.blur();
    expect(await price1.inputValue()).toBe("1.234,50");
    await page.getByLabel("Line 1 tax %").fill("19");

    await page.getByRole("button", { name: "Add line" }).click();
    await page.getByLabel("Line 2 description").fill("Fahrtkosten");
    await page.getByLabel("Line 2 quantity").fill("2,5");
    await page.getByLabel("Line 2 unit price (EUR)").fill("12,50");
    await page.getByLabel("Line 2 tax %").fill("19");
    // 1.234,50 + 2,5 × 12,50 = 1.265,75; tax 234,56 + 5,94 = 240,50; 1.506,25 in all.
    await page.getByLabel("Totals").getByText(euros("1.506,25")).first().waitFor();
    await screenshot(page, "locale-de-invoice-editor-desktop");

    await page.getByRole("button", { name: "Save and issue" }).click();
    const heading = page.getByRole("heading", { level: 1, name: /^INV-\d{4}-\d{4}$/ });
    await heading.waitFor();
    const number = (await heading.textContent())!.trim();
    const id = Number(new URL(page.url()).pathname.split("/").pop());
    await page
      .getByTestId("balance-due")
      .filter({ hasText: euros("1.506,25") })
      .waitFor();

    // A part payment of "12,50"; the dialog offers the balance as de-DE types it.
    await page.getByRole("button", { name: "Record payment" }).click();
    const dialog = page.getByRole("dialog", { name: `Record a payment on ${number}` });
    const amount = dialog.getByLabel("Amount (EUR)");
    expect(await amount.inputValue()).toBe("1.506,25");
    await amount.fill("12,50");
    await dialog.getByRole("button", { name: "Record payment" }).click();
    await page.getByText("Payment recorded", { exact: true }).first().waitFor();
    await dialog.waitFor({ state: "hidden" });
    await page
      .getByTestId("balance-due")
      .filter({ hasText: euros("1.493,75") })
      .waitFor();
    await page.getByText("Partially paid", { exact: true }).first().waitFor();
    const [payment] = await query<RowDataPacket[]>("SELECT amount_minor FROM payments WHERE invoice_id = ?", [id]);
    expect(Number(payment!.amount_minor)).toBe(1250);
    await screenshot(page, "locale-de-invoice-desktop");

    // The PDF: every amount in de-DE, none in en-US.
    const response = await page.request.get(`${BASE_URL}/api/invoices/${id}/pdf`);
    expect(response.status()).toBe(200);
    const pdf = pdfText(await response.body());
    for (const total of ["1.234,50", "12,50", "31,25", "1.265,75", "240,50", "1.506,25", "1.493,75"]) expect(pdf).toMatch(euros(total));
    expect(pdf).toMatch(/\b2,5\b/);
    expect(pdf).not.toMatch(/1,506\.25|1,234\.50|€\s?12\.50/);
    await page.context().close();
  });
});
