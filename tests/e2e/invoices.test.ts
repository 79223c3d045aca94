import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import type { ResultSetHeader, RowDataPacket } from "mysql2";
import { queryAppDb as query } from "../support/e2e-db";
import { BASE_URL, launchBrowser, newContext, screenshot, screenshotPdf, signedIn } from "../support/browser";
import { pdfText } from "../support/pdf-tools";
import { revealRawSecrets } from "../support/secrets";

// Invoicing in a real browser: staff creates, issues and emails an invoice
// with CC and BCC, takes a partial and then a full payment, and downloads
// the PDF; the public link from the captured email opens without signing in.

let browser: Browser;
const run = Date.now().toString(36);
const PDF_DIR = path.join(process.cwd(), "tests", ".artifacts", "pdf");

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(PDF_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

const asJson = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v) as string[];

describe("invoices", () => {
  it("staff creates, issues and emails an invoice with CC and BCC, takes a partial then a full payment, and downloads the PDF; the emailed link opens without signing in", async () => {
    const clientName = `E2E Invoice Client ${run}`;
    const clientEmail = `billing-${run}@e2e.example`;
    await query<ResultSetHeader>("INSERT INTO clients (name, email, sms_opt_in, created_at, updated_at) VALUES (?, ?, 0, NOW(3), NOW(3))", [clientName, clientEmail]);

    const page = await signedIn(browser, "staff@example.com");
    await page.goto("/staff");
    await page.getByRole("link", { name: "Invoices" }).first().click();
    await page.waitForURL(`${BASE_URL}/staff/invoices`);
    await page.getByRole("heading", { level: 1, name: "Invoices" }).waitFor();
    await page.getByRole("link", { name: "New invoice" }).click();
    await page.getByRole("heading", { level: 1, name: "New invoice" }).waitFor();

    // The client picker searches by the start of the name.
    await page.getByRole("combobox", { name: /Client/ }).fill(`E2E Invoice Client ${run}`);
    await page.getByRole("option", { name: new RegExp(clientName) }).click();
    await page.getByLabel("Line 1 description").fill("Website build");
    await page.getByLabel("Line 1 quantity").fill("2");
    await page.getByLabel("Line 1 unit price (USD)").fill("1250.00");
    await page.getByLabel("Line 1 tax %").fill("10");
    await page.getByRole("button", { name: "Add line" }).click();
    await page.getByLabel("Line 2 description").fill("Hosting setup");
    await page.getByLabel("Line 2 unit price (USD)").fill("300");
    await page.getByLabel("Line 2 tax %").fill("0");
    // Live totals: 2 × 1,250 + 300 = 2,800 subtotal, 250 tax, 3,050 total.
    const totals = page.getByLabel("Totals");
    await totals.getByText("$3,050.00").waitFor();
    await screenshot(page, "invoice-new-desktop");

    await page.getByRole("button", { name: "Save and issue" }).click();
    const heading = page.getByRole("heading", { level: 1, name: /^INV-\d{4}-\d{4}$/ });
    await heading.waitFor();
    const number = (await heading.textContent())!.trim();
    const invoiceId = Number(new URL(page.url()).pathname.split("/").pop());
    expect(invoiceId).toBeGreaterThan(0);
    await page.getByText("Sent", { exact: true }).first().waitFor();

    // Email with CC and BCC; TO starts as the client's address.
    await page.getByRole("button", { name: "Email" }).click();
    const emailDialog = page.getByRole("dialog", { name: `Email invoice ${number}` });
    expect(await emailDialog.getByLabel(/^To/).inputValue()).toBe(clientEmail);
    await emailDialog.getByLabel("CC", { exact: true }).fill(`accounts-${run}@e2e.example, boss-${run}@e2e.example`);
    await emailDialog.getByLabel("BCC", { exact: true }).fill("not an email");
    await emailDialog.getByRole("button", { name: "Send email" }).click();
    await emailDialog.getByText("Not a valid email address: not, an, email").waitFor();
    await emailDialog.getByLabel("BCC", { exact: true }).fill(`archive-${run}@e2e.example`);
    await emailDialog.getByLabel("Message").fill("Thanks for choosing us!");
    await screenshot(page, "invoice-email-dialog-desktop");
    await emailDialog.getByRole("button", { name: "Send email" }).click();
    await page.getByText("Invoice emailed to 4 recipients").first().waitFor();
    await emailDialog.waitFor({ state: "hidden" });

    // A partial payment, then the rest.
    await page.getByRole("button", { name: "Record payment" }).click();
    let payDialog = page.getByRole("dialog", { name: `Record a payment on ${number}` });
    await payDialog.getByLabel("Amount (USD)").fill("5000");
    await payDialog.getByRole("button", { name: "Record payment" }).click();
    await payDialog.getByText("At most $3,050.00, the balance due").waitFor();
    await payDialog.getByLabel("Amount (USD)").fill("1000.00");
    await payDialog.getByLabel("Reference").fill(`WIRE-${run}`);
    await screenshot(page, "invoice-payment-dialog-desktop");
    await payDialog.getByRole("button", { name: "Record payment" }).click();
    await page.getByText("Payment recorded", { exact: true }).first().waitFor();
    await page.getByTestId("balance-due").filter({ hasText: "$2,050.00" }).waitFor();
    await page.getByText("Partially paid", { exact: true }).first().waitFor();

    await page.getByRole("button", { name: "Record payment" }).click();
    payDialog = page.getByRole("dialog", { name: `Record a payment on ${number}` });
    expect(await payDialog.getByLabel("Amount (USD)").inputValue()).toBe("2,050.00");
    await payDialog.getByLabel("Method").selectOption("cash");
    await payDialog.getByRole("button", { name: "Record payment" }).click();
    await page.getByText(`Payment recorded: ${number} is paid in full`).first().waitFor();
    await page.getByTestId("balance-due").filter({ hasText: "$0.00" }).waitFor();
    await page.getByRole("heading", { level: 1, name: number }).locator("xpath=..").getByText("Paid", { exact: true }).waitFor();
    await page.getByText(new RegExp(`Emailed to ${clientEmail} · CC accounts-${run}@e2e.example, boss-${run}@e2e.example · BCC archive-${run}@e2e.example`)).waitFor();
    await screenshot(page, "invoice-paid-desktop");

    // The PDF, downloaded as a person would.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
    expect(download.suggestedFilename()).toBe(`${number}.pdf`);
    const pdfFile = path.join(PDF_DIR, `${number}.pdf`);
    await download.saveAs(pdfFile);
    const pdf = readFileSync(pdfFile);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    for (const expected of [number, clientName, "Website build", "$3,050.00", "$1,000.00", "$2,050.00", `WIRE-${run}`]) expect(text).toContain(expected);
    expect(text).toMatch(/Balance due\s+\$0\.00/);
    screenshotPdf(pdf, "invoice-pdf-page-1");

    // The captured email: TO, CC and BCC as separate fields, the PDF attached, a signed link inside.
    const [mail] = await query<RowDataPacket[]>("SELECT * FROM outbox WHERE related_type = 'invoice' AND related_id = ? AND template = 'invoice'", [invoiceId]);
    expect(asJson(mail!.to_addresses)).toEqual([clientEmail]);
    expect(asJson(mail!.cc_addresses)).toEqual([`accounts-${run}@e2e.example`, `boss-${run}@e2e.example`]);
    expect(asJson(mail!.bcc_addresses)).toEqual([`archive-${run}@e2e.example`]);
    expect(JSON.parse(JSON.stringify(typeof mail!.attachments === "string" ? JSON.parse(mail!.attachments) : mail!.attachments))).toMatchObject([
      { kind: "invoice_pdf", invoiceId, filename: `${number}.pdf` },
    ]);
    const link = /(https?:\/\/[^\s"<>]+\/i\/[A-Za-z0-9_-]{43})/.exec(revealRawSecrets(mail!).text)![1]!;

    // A stranger with the link: no sign-in, the invoice, its payments and a PDF download.
    for (const viewport of ["desktop", "mobile"] as const) {
      const context = await newContext(browser, viewport);
      const stranger = await context.newPage();
      await stranger.goto(new URL(link).pathname);
      expect(new URL(stranger.url()).pathname).toMatch(/^\/i\//);
      await stranger.getByRole("heading", { level: 2, name: number }).waitFor();
      await stranger.getByRole("article", { name: `Invoice ${number}` }).waitFor();
      await stranger.getByRole("link", { name: "Download PDF" }).waitFor();
      await screenshot(stranger, `invoice-public-link-${viewport}`);
      if (viewport === "desktop") {
        const [publicPdf] = await Promise.all([stranger.waitForEvent("download"), stranger.getByRole("link", { name: "Download PDF" }).click()]);
        const file = path.join(PDF_DIR, `${number}-public.pdf`);
        await publicPdf.saveAs(file);
        expect(pdfText(readFileSync(file))).toContain(number);
      }
      await context.close();
    }
    const [viewed] = await query<RowDataPacket[]>("SELECT first_viewed_at FROM invoice_links WHERE invoice_id = ? ORDER BY id DESC LIMIT 1", [invoiceId]);
    expect(viewed!.first_viewed_at).toBeInstanceOf(Date);

    // Staff revokes the link: the stranger now gets a clear page.
    await page.getByRole("button", { name: "Revoke links" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Revoke links" }).click();
    await page
      .getByText(/links? revoked/)
      .first()
      .waitFor();
    const context = await newContext(browser);
    const stranger = await context.newPage();
    await stranger.goto(new URL(link).pathname);
    await stranger.getByRole("heading", { name: "This invoice link has been turned off" }).waitFor();
    await screenshot(stranger, "invoice-public-link-revoked-desktop");
    await context.close();
    await page.context().close();
  });

  it("filters the list by status and client through the URL, and downloads a ZIP of the selected PDFs", async () => {
    const page = await signedIn(browser, "admin@example.com");
    await page.goto("/admin/invoices?status=paid&sort=-total");
    await page.getByRole("heading", { level: 1, name: "Invoices" }).waitFor();
    expect(await page.getByRole("checkbox", { name: "Paid", exact: true }).isChecked()).toBe(true);
    const rows = page.getByRole("row");
    await rows.nth(1).waitFor();
    const badges = await page
      .getByRole("cell")
      .getByText(/^(Paid|Sent|Overdue|Draft|Void|Partially paid)$/)
      .allTextContents();
    expect(new Set(badges)).toEqual(new Set(["Paid"]));
    // One row of figures per currency in the view ("Outstanding (EUR)" once there are several).
    await page
      .getByRole("region", { name: "Totals for these filters" })
      .getByText(/^Outstanding/)
      .first()
      .waitFor();
    await page.getByRole("checkbox", { name: "Overdue", exact: true }).check();
    await page.waitForURL(/status=paid.*status=overdue|status=overdue.*status=paid|status=paid%2Coverdue/);
    await screenshot(page, "invoice-list-filtered-desktop");

    const firstInvoice = page.getByRole("checkbox", { name: /^Select INV-/ }).first();
    await firstInvoice.check();
    await page.getByText("1 invoice selected").waitFor();
    const [zip] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDFs" }).click()]);
    const file = path.join(PDF_DIR, `bulk-${run}.zip`);
    await zip.saveAs(file);
    expect(readFileSync(file).subarray(0, 4).toString("hex")).toBe("504b0304");

    const mobile = await signedIn(browser, "staff@example.com", { viewport: "mobile" });
    await mobile.goto("/staff/invoices");
    await mobile.getByRole("heading", { level: 1, name: "Invoices" }).waitFor();
    await screenshot(mobile, "invoice-list-mobile");
    await mobile.context().close();
    await page.context().close();
  });

  it("the save buttons stay busy until the saved invoice's page shows, so a second press can't save a second draft", async () => {
    const clientName = `E2E Busy Save ${run}`;
    const created = await query<ResultSetHeader>("INSERT INTO clients (name, email, sms_opt_in, created_at, updated_at) VALUES (?, ?, 0, NOW(3), NOW(3))", [clientName, `busy-${run}@e2e.example`]);
    const page = await signedIn(browser, "staff@example.com");
    await page.goto("/staff/invoices/new");
    await page.getByRole("combobox", { name: /Client/ }).fill(clientName);
    await page.getByRole("option", { name: new RegExp(clientName) }).click();
    await page.getByLabel("Line 1 description").fill("Consultation");
    await page.getByLabel("Line 1 unit price (USD)").fill("90");

    // The saved invoice's page is held on its way, as on a slow connection: the form is still on screen.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const navigating = new Promise<void>((resolve) => (reached = resolve));
    await page.route(
      (url) => /^\/staff\/invoices\/\d+$/.test(url.pathname),
      async (route) => {
        reached();
        await released;
        await route.continue();
      },
    );
    const save = page.getByRole("button", { name: "Save draft" });
    await save.click();
    await navigating;
    // Two frames later React has drawn whatever the end of the save changed.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await save.isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Save and issue" }).isDisabled()).toBe(true);
    release();
    await page.getByRole("heading", { level: 1, name: /^Draft #\d+$/ }).waitFor();
    const [drafts] = await query<RowDataPacket[]>("SELECT COUNT(*) AS n FROM invoices WHERE client_id = ?", [created.insertId]);
    expect(Number(drafts!.n)).toBe(1);
    await page.context().close();
  });
});
