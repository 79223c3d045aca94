import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import type { RowDataPacket } from "mysql2";
import { pdfText } from "../support/pdf-tools";
import { connectAppDb } from "../support/e2e-db";
import { BASE_URL, launchBrowser, newContext, screenshot, signIn, signedIn } from "../support/browser";
import { revealRawSecrets } from "../support/secrets";

// The client portal in a real browser: a new client signs up with SMS
// two-step sign-in (codes read from the outbox, as the captured SMS), signs
// out and back in with a new code, subscribes, pays the first invoice in two
// card payments (test mode), sees it paid and downloads the PDF; the receipts
// are in the outbox. Then every portal page, at both widths.

let browser: Browser;
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const PASSWORD = "Harbour-Lights-42";
const email = `new-client-${run}@e2e.example`;
// A UK mobile, typed as dialled in the UK with the picker on United Kingdom; stored and texted in E.164.
const ukMobile = `07400 ${String(Date.now()).slice(-6)}`;
const phone = `+44${ukMobile.replace(/\D/g, "").slice(1)}`;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function query(sql: string, params: unknown[] = []): Promise<RowDataPacket[]> {
  const db = await connectAppDb();
  try {
    const [rows] = await db.query<RowDataPacket[]>(sql, params);
    return rows;
  } finally {
    await db.end();
  }
}

/** The newest message of a template to an address, waiting briefly for the commit. */
async function lastMessage(template: string, to: string, afterId = 0): Promise<{ id: number; text: string }> {
  for (let i = 0; i < 50; i++) {
    const [row] = await query("SELECT * FROM outbox WHERE template = ? AND to_first = ? AND id > ? ORDER BY id DESC LIMIT 1", [template, to, afterId]);
    if (row) return { id: Number(row.id), text: revealRawSecrets(row).text };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No ${template} message to ${to}`);
}

async function enterCode(page: Page, code: string) {
  await page.getByLabel("Code").fill(code);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
}

async function payByCard(page: Page, amount: string | null) {
  const pay = page.locator("#pay");
  if (amount) {
    await pay.getByLabel("Part of it").check();
    await pay.getByLabel("Amount (USD)").fill(amount);
  } else {
    await pay.getByLabel(/^Full balance/).check();
  }
  await pay.getByRole("radio", { name: /^Card\b/ }).check();
  await pay.getByLabel("Card number").fill("4242 4242 4242 4242");
  await pay.getByLabel("Expiry").fill("12/34");
  await pay.getByLabel("CVC").fill("123");
  await pay.getByRole("button", { name: /^Pay \$/ }).click();
}

describe("client portal", () => {
  it("signs up with SMS two-step sign-in, signs in again with a new code, subscribes, pays in two parts by test card and downloads the PDF", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();

    // Sign-up: the answer is "check your email", whatever the address.
    await page.goto("/login");
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByRole("heading", { name: "Create your client account" }).waitFor();
    await page.getByLabel("Your name").fill(`Robin ${run}`);
    await page.getByLabel("Email").fill(email);
    // The picker by keyboard: open it, search, Enter picks; the number formats as it is typed.
    await page.getByRole("button", { name: /^Phone country: United States, US \+1$/ }).click();
    await page.getByRole("combobox", { name: "Search phone country" }).fill("united k");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: /^Phone country: United Kingdom, GB \+44$/ }).waitFor();
    await page.getByLabel("Mobile phone").pressSequentially(ukMobile.replace(" ", ""));
    // Formatted once the phone metadata is here (it loads when the field is first used).
    await page.getByText(`Valid number: +44 ${ukMobile.slice(1)}`).waitFor();
    expect(await page.getByLabel("Mobile phone").inputValue()).toBe(ukMobile);
    await page.getByRole("textbox", { name: "Password (required)" }).fill(PASSWORD);
    await page.getByLabel("Type it again").fill(PASSWORD);
    await page.getByRole("radio", { name: /^Password and a texted code/ }).check();
    await page.getByLabel(/Also text me payment receipts/).check();
    await screenshot(page, "portal-signup-desktop");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText("Check your email to continue").waitFor();
    await screenshot(page, "portal-signup-sent-desktop");

    // The emailed link, then the password again; the account needs the texted code before any session.
    const mail = await lastMessage("signup_confirm", email);
    const link = /(\/signup\/confirm\/[A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    await page.goto(link);
    await page.getByRole("heading", { name: "Finish signing up" }).waitFor();
    await screenshot(page, "portal-signup-confirm-desktop");
    await page.getByLabel("Your password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account and text me a code" }).click();
    await page.waitForURL(`${BASE_URL}/two-factor`);
    await page.getByRole("heading", { name: "Verify your phone" }).waitFor();
    // Half-way there is no session: the portal sends us to sign in.
    const peek = await context.newPage();
    await peek.goto("/portal");
    expect(new URL(peek.url()).pathname).toBe("/login");
    await peek.close();
    const firstCode = await lastMessage("otp_code", phone);
    await screenshot(page, "portal-two-factor-desktop");
    await enterCode(page, /\b(\d{6})\b/.exec(firstCode.text)![1]!);
    await page.waitForURL(`${BASE_URL}/portal`);
    await page.getByRole("heading", { level: 1, name: "Hello, Robin" }).waitFor();

    // Sign out, and back in: the password, then a new code.
    await page.getByRole("button", { name: /Account menu/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    await signIn(page, email, PASSWORD);
    await page.waitForURL(`${BASE_URL}/two-factor`);
    await page.getByRole("heading", { name: "Enter your code" }).waitFor();
    const secondCode = await lastMessage("otp_code", phone, firstCode.id);
    await enterCode(page, "000000" === /\b(\d{6})\b/.exec(secondCode.text)![1] ? "111111" : "000000");
    await page.getByText(/That code isn't right\. 4 tries left\./).waitFor();
    await enterCode(page, /\b(\d{6})\b/.exec(secondCode.text)![1]!);
    await page.waitForURL(`${BASE_URL}/portal`);

    // Subscribe to a service, paying by card.
    await page.getByRole("link", { name: "Services" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Services" }).waitFor();
    await page.getByRole("button", { name: "Subscribe to SEO Retainer" }).click();
    const dialog = page.getByRole("dialog", { name: "Subscribe to SEO Retainer" });
    await dialog.getByRole("radio", { name: /^Card\b/ }).check();
    await screenshot(page, "portal-subscribe-dialog-desktop");
    await dialog.getByRole("button", { name: "Subscribe and see the invoice" }).click();
    await page.waitForURL(/\/portal\/invoices\/\d+\?subscribed=1/);
    const invoiceId = Number(/\/portal\/invoices\/(\d+)/.exec(page.url())![1]);
    const heading = await page.getByRole("heading", { level: 1, name: /^Invoice INV-/ }).textContent();
    const number = /(INV-\d{4}-\d{4})/.exec(heading ?? "")![1]!;
    await page.getByText("Test mode — no real card is charged").waitFor();
    await screenshot(page, "portal-invoice-to-pay-desktop");

    // Part of it by card, then the rest.
    const [invoice] = await query("SELECT total_minor FROM invoices WHERE id = ?", [invoiceId]);
    const total = Number(invoice!.total_minor);
    await payByCard(page, "100.00");
    const left = `$${((total - 10_000) / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`;
    await page.getByText(`Paid $100.00. ${left} left to pay.`).waitFor();
    await page.getByTestId("balance-due").filter({ hasText: left }).waitFor();
    await page.getByText("Partially paid", { exact: true }).first().waitFor();
    await payByCard(page, null);
    await page.getByText("The invoice is paid in full.", { exact: false }).first().waitFor();
    await page.getByTestId("balance-due").filter({ hasText: "$0.00" }).waitFor();
    await page
      .getByRole("heading", { level: 1, name: /^Invoice INV-/ })
      .getByText("Paid", { exact: true })
      .waitFor();
    await screenshot(page, "portal-invoice-paid-desktop");

    // The list says paid too.
    await page.goto("/portal/invoices?status=paid");
    await page
      .getByRole("row", { name: new RegExp(number) })
      .getByText("Paid")
      .waitFor();

    // The PDF, downloaded from the invoice page.
    await page.goto(`/portal/invoices/${invoiceId}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
    expect(download.suggestedFilename()).toBe(`${number}.pdf`);
    const file = path.join(process.cwd(), "tests", ".artifacts", `${number}-portal.pdf`);
    await download.saveAs(file);
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdfText(pdf)).toContain(number);

    // Two payments, each with a receipt by email and (opted in) by SMS.
    const receipts = await query("SELECT channel, to_first FROM outbox WHERE related_type = 'invoice' AND related_id = ? AND template = 'payment_receipt' ORDER BY id", [invoiceId]);
    expect(receipts.map((r) => `${r.channel}:${r.to_first}`).sort()).toEqual([`email:${email}`, `email:${email}`, `sms:${phone}`, `sms:${phone}`]);
    const [invoiceMail] = await query("SELECT attachments FROM outbox WHERE related_type = 'invoice' AND related_id = ? AND template = 'invoice'", [invoiceId]);
    expect(JSON.stringify(invoiceMail!.attachments)).toContain("invoice_pdf");

    // Two-step sign-in off again from the profile: the password, then a fresh code.
    await page.goto("/portal/profile");
    await page.getByRole("button", { name: "Turn off two-step sign-in" }).click();
    await page.getByLabel("Your password").fill(PASSWORD);
    await page.getByRole("button", { name: "Text me a code" }).click();
    const settingsCode = await lastMessage("otp_code", phone, secondCode.id);
    await page.getByLabel(/^Code/).fill(/\b(\d{6})\b/.exec(settingsCode.text)![1]!);
    await screenshot(page, "portal-two-factor-settings-desktop");
    await page.getByRole("button", { name: "Turn off", exact: true }).click();
    await page.getByText("Two-step sign-in is off").first().waitFor();
    await page.getByRole("button", { name: "Turn on two-step sign-in" }).waitFor();
    const [user] = await query("SELECT two_factor FROM users WHERE email = ?", [email]);
    expect(user!.two_factor).toBe("none");
    await context.close();
  });

  it("a declined test card leaves the balance as it was and says so (on a phone)", async () => {
    const context = await newContext(browser, "mobile");
    const page = await context.newPage();
    await signIn(page, "client2@example.com");
    await page.waitForURL(`${BASE_URL}/portal`);
    // Its own invoice to decline on: an order for a one-time service, to be paid by card.
    await page.goto("/portal/services");
    await page.getByRole("button", { name: "Order Consulting (hourly)" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Order and see the invoice" }).click();
    await page.waitForURL(/\/portal\/invoices\/\d+\?subscribed=1/);
    const before = await page.getByTestId("balance-due").textContent();
    const pay = page.locator("#pay");
    await pay.getByRole("radio", { name: /^Card\b/ }).check();
    await pay.getByLabel("Card number").fill("4000 0000 0000 0002");
    await pay.getByLabel("Expiry").fill("12/34");
    await pay.getByLabel("CVC").fill("123");
    await pay.getByRole("button", { name: /^Pay \$/ }).click();
    await page.getByRole("alert").filter({ hasText: "Payment declined: The card was declined." }).waitFor();
    await screenshot(page, "portal-pay-declined-mobile");
    await page.reload();
    expect(await page.getByTestId("balance-due").textContent()).toBe(before);
    await context.close();
  });

  it("another client's invoice is a 404 in the browser too", async () => {
    const [other] = await query(
      "SELECT i.id FROM invoices i JOIN clients c ON c.id = i.client_id JOIN users u ON u.id = c.user_id WHERE u.email = 'client2@example.com' AND i.status <> 'draft' LIMIT 1",
    );
    const page = await signedIn(browser, "client@example.com");
    // The portal streams behind its loading skeleton, so the page answers 200 with the not-found view; it shows nothing of the invoice.
    await page.goto(`/portal/invoices/${other!.id}`);
    await page.getByRole("heading", { name: "We couldn't find that" }).waitFor();
    expect(await page.getByText(/INV-\d{4}-\d{4}/).count()).toBe(0);
    const pdf = await page.request.get(`/api/invoices/${other!.id}/pdf`);
    expect(pdf.status()).toBe(404);
    await page.context().close();
  });
});
