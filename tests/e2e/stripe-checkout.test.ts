import type { Browser } from "playwright-core";
import type { RowDataPacket } from "mysql2";
import { queryAppDb } from "../support/e2e-db";
import { launchBrowser, newContext, screenshot, signIn } from "../support/browser";
import { startStripeStub, type StripeStub } from "../support/stubs/stripe-stub";
import { startSecondApp, type SecondApp } from "../support/second-app";

// Card payments through Stripe in a real browser. The suite's app server runs
// without Stripe keys (test mode); this file starts a second server of the
// same build and database with STRIPE_SECRET_KEY set and the SDK pointed at
// the local Stripe stub, whose signed webhooks go to that server. A client
// pays part of an invoice on the stub's hosted checkout page, comes back to
// "processing", and once the webhook lands sees the payment, with the
// receipt in the outbox. Then the back office: the payments page lists a
// card payment awaiting Stripe and a failed webhook, whose retry records it;
// the invoice shows the Stripe reference and refunds part of it through
// Stripe. Last, a client saves a card when subscribing and removes it.

let browser: Browser;
let stub: StripeStub;
let app: SecondApp;
let appUrl: string;

beforeAll(async () => {
  stub = await startStripeStub();
  app = await startSecondApp("127.0.0.1", { STRIPE_SECRET_KEY: "sk_test_clientdesk0e2e", STRIPE_WEBHOOK_SECRET: stub.webhookSecret, STRIPE_API_BASE: stub.url });
  appUrl = app.url;
  stub.target = `${appUrl}/api/webhooks/stripe`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await stub?.close();
});

describe("card payments through Stripe Checkout (stub)", () => {
  it("a client pays part of an invoice on the hosted page, returns to 'processing', then sees the payment and the receipt is in the outbox", async () => {
    const [invoice] = await queryAppDb<RowDataPacket[]>(
      `SELECT i.id, u.email, i.total_minor - i.amount_paid_minor AS balance FROM invoices i JOIN clients c ON c.id = i.client_id JOIN users u ON u.id = c.user_id
       WHERE u.email IN ('client3@example.com', 'client2@example.com', 'client@example.com') AND i.status IN ('sent', 'partially_paid') AND i.currency = 'USD' AND i.total_minor - i.amount_paid_minor >= 2000
       ORDER BY u.email DESC, i.id DESC LIMIT 1`,
    );
    expect(invoice).toBeDefined();
    const invoiceId = Number(invoice!.id);
    const balance = Number(invoice!.balance);

    const context = await newContext(browser, "desktop", "light", { baseURL: appUrl });
    const page = await context.newPage();
    await signIn(page, String(invoice!.email));
    await page.waitForURL(/\/portal/);
    await page.goto(`/portal/invoices/${invoiceId}`);
    const pay = page.locator("#pay");
    await pay.getByLabel("Part of it").check();
    await pay.getByLabel("Amount (USD)").fill("12.34");
    await pay.getByRole("radio", { name: /^Card\b/ }).check();
    // Stripe takes the card on its own page: no card fields here, and no test-mode card list.
    await pay.getByText("You'll enter your card on Stripe's secure payment page").waitFor();
    expect(await pay.getByLabel("Card number").count()).toBe(0);
    await pay.getByRole("button", { name: "Pay $12.34" }).click();

    await page.waitForURL(new RegExp(`^${stub.url}/checkout/cs_test_`));
    expect(await page.getByTestId("amount").textContent()).toBe("12.34 USD");
    await screenshot(page, "stripe-stub-checkout");
    // Stripe's webhook comes after the client is back.
    stub.holdHosted = true;
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await page.waitForURL(`${appUrl}/portal/invoices/${invoiceId}?checkout=returned`);
    await page.getByTestId("card-processing").filter({ hasText: "$12.34 is processing" }).waitFor();
    await page.getByText("Processing", { exact: true }).waitFor();
    await screenshot(page, "stripe-returned-processing");

    expect(stub.held.map((e) => e.type)).toEqual(["payment_intent.succeeded", "checkout.session.completed"]);
    for (const event of stub.held.splice(0)) expect(await stub.deliver(event)).toBe(200);
    await page.reload();
    const left = ((balance - 1_234) / 100).toLocaleString("en-US", { style: "currency", currency: "USD" });
    await page.getByTestId("balance-due").filter({ hasText: left }).waitFor();
    expect(await page.getByTestId("card-processing").count()).toBe(0);
    await page.getByText("Card via Stripe").first().waitFor();
    await screenshot(page, "stripe-paid");

    const [paid] = await queryAppDb<RowDataPacket[]>("SELECT id, status, provider, provider_ref, amount_minor FROM payments WHERE invoice_id = ? AND provider = 'stripe' ORDER BY id DESC LIMIT 1", [
      invoiceId,
    ]);
    expect(paid).toMatchObject({ status: "succeeded", provider: "stripe", amount_minor: 1_234 });
    expect(String(paid!.provider_ref)).toMatch(/^pi_/);
    const receipts = await queryAppDb<RowDataPacket[]>(
      "SELECT channel, idempotency_key FROM outbox WHERE related_type = 'invoice' AND related_id = ? AND template = 'payment_receipt' AND idempotency_key LIKE ?",
      [invoiceId, `receipt:${paid!.id}:%`],
    );
    expect(receipts.map((r) => r.channel)).toContain("email");
    await context.close();
  });

  it("staff find a card payment awaiting Stripe and a failed webhook on the payments page, retry it, then refund part of the payment from the invoice", async () => {
    const [invoice] = await queryAppDb<RowDataPacket[]>(
      `SELECT i.id, i.number, u.email, i.total_minor - i.amount_paid_minor AS balance FROM invoices i JOIN clients c ON c.id = i.client_id JOIN users u ON u.id = c.user_id
       WHERE u.email IN ('client3@example.com', 'client2@example.com', 'client@example.com') AND i.status IN ('sent', 'partially_paid') AND i.currency = 'USD' AND i.total_minor - i.amount_paid_minor >= 3000
         AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.invoice_id = i.id AND p.status = 'pending')
       ORDER BY u.email ASC, i.id ASC LIMIT 1`,
    );
    expect(invoice).toBeDefined();
    const invoiceId = Number(invoice!.id);

    // The client pays $20.00 on Stripe's page; Stripe's webhook is held back.
    const client = await newContext(browser, "desktop", "light", { baseURL: appUrl });
    const clientPage = await client.newPage();
    await signIn(clientPage, String(invoice!.email));
    await clientPage.waitForURL(/\/portal/);
    await clientPage.goto(`/portal/invoices/${invoiceId}`);
    const pay = clientPage.locator("#pay");
    await pay.getByLabel("Part of it").check();
    await pay.getByLabel("Amount (USD)").fill("20.00");
    await pay.getByRole("radio", { name: /^Card\b/ }).check();
    await pay.getByRole("button", { name: "Pay $20.00" }).click();
    await clientPage.waitForURL(new RegExp(`^${stub.url}/checkout/cs_test_`));
    stub.holdHosted = true;
    await clientPage.getByRole("button", { name: "Pay", exact: true }).click();
    await clientPage.waitForURL(`${appUrl}/portal/invoices/${invoiceId}?checkout=returned`);
    await client.close();
    const [succeeded, completed] = stub.held.splice(0);
    expect([succeeded!.type, completed!.type]).toEqual(["payment_intent.succeeded", "checkout.session.completed"]);
    const [pending] = await queryAppDb<RowDataPacket[]>("SELECT id, provider_ref FROM payments WHERE invoice_id = ? AND provider = 'stripe' AND status = 'pending' ORDER BY id DESC LIMIT 1", [
      invoiceId,
    ]);
    const sessionRef = String(pending!.provider_ref);
    expect(sessionRef).toMatch(/^cs_test_/);
    // Its delivery reached us but could not be applied (the database was away, say): kept as failed, as the webhook keeps one.
    await queryAppDb("INSERT INTO stripe_events (event_id, type, status, attempts, last_error, payload, created_at, updated_at) VALUES (?, ?, 'failed', 1, ?, ?, NOW(3), NOW(3))", [
      succeeded!.id,
      succeeded!.type,
      "Connection lost: The server closed the connection.",
      JSON.stringify(succeeded),
    ]);

    const staff = await newContext(browser, "mobile", "light", { baseURL: appUrl });
    const page = await staff.newPage();
    await signIn(page, "staff@example.com");
    await page.waitForURL(/\/staff/);
    await page.goto("/staff/payments");
    await page.getByRole("heading", { level: 1, name: "Card payments" }).waitFor();
    const awaiting = page.getByRole("table", { name: "Card payments awaiting confirmation" });
    const row = awaiting.getByRole("row").filter({ hasText: sessionRef });
    await row.getByRole("link", { name: String(invoice!.number) }).waitFor();
    await row.getByText("$20.00").waitFor();
    await screenshot(page, "payments-page-awaiting-mobile");

    await page.getByRole("link", { name: /^Failed webhooks \(\d+\)/ }).click();
    const events = page.getByRole("table", { name: "Failed Stripe webhook events" });
    const failed = events.getByRole("row").filter({ hasText: succeeded!.id });
    await failed.getByText("Connection lost: The server closed the connection.").first().waitFor();
    await failed.getByRole("button", { name: "Retry the payment_intent.succeeded event" }).click();
    await page.getByText("Event applied", { exact: true }).waitFor();
    await events.getByRole("row").filter({ hasText: succeeded!.id }).waitFor({ state: "detached" });
    const [recorded] = await queryAppDb<RowDataPacket[]>("SELECT status, provider_ref, amount_minor FROM payments WHERE id = ?", [pending!.id]);
    expect(recorded).toMatchObject({ status: "succeeded", amount_minor: 2_000 });
    const intentRef = String(recorded!.provider_ref);
    expect(intentRef).toMatch(/^pi_/);
    // Stripe's own late delivery changes nothing.
    expect(await stub.deliver(succeeded!)).toBe(200);
    expect(await stub.deliver(completed!)).toBe(200);
    expect(await queryAppDb<RowDataPacket[]>("SELECT id FROM payments WHERE invoice_id = ? AND provider_ref = ?", [invoiceId, intentRef])).toHaveLength(1);
    await page.getByRole("link", { name: /^Awaiting confirmation/ }).click();
    await page.locator('[aria-current="page"]', { hasText: "Awaiting confirmation" }).waitFor();
    // The list (or its empty state) has rendered, and the payment is no longer in it.
    await page.getByText("No card payments waiting").or(awaiting).first().waitFor();
    expect(await page.getByText(sessionRef).count()).toBe(0);

    // The invoice shows the Stripe reference (no dashboard link against the stub) and refunds a part through Stripe.
    await staff.close();
    const desk = await newContext(browser, "desktop", "light", { baseURL: appUrl });
    const deskPage = await desk.newPage();
    await signIn(deskPage, "staff@example.com");
    await deskPage.waitForURL(/\/staff/);
    await deskPage.goto(`/staff/invoices/${invoiceId}`);
    const item = deskPage.getByRole("listitem").filter({ hasText: intentRef });
    await item.getByText(`Stripe reference: ${intentRef}`).waitFor();
    expect(await deskPage.locator('a[href*="dashboard.stripe.com"]').count()).toBe(0);
    await item.getByRole("button", { name: "Refund" }).click();
    const dialog = deskPage.getByRole("dialog", { name: "Refund this payment?" });
    const amount = dialog.getByLabel("Amount to refund (USD)");
    expect(await amount.inputValue()).toBe("20.00");
    await amount.fill("20.01");
    await dialog.getByRole("button", { name: "Refund through Stripe" }).click();
    await dialog.getByText("At most $20.00, what is left to refund").waitFor();
    await amount.fill("5.00");
    await screenshot(deskPage, "refund-part-dialog");
    await dialog.getByRole("button", { name: "Refund through Stripe" }).click();
    await deskPage.getByText("Refund of $5.00 sent to Stripe").waitFor();
    await stub.idle();
    expect(stub.refunds.at(-1)).toMatchObject({ payment_intent: intentRef, amount: 500 });
    await deskPage.reload();
    await deskPage.getByRole("listitem").filter({ hasText: intentRef }).getByText("$5.00 refunded").waitFor();
    const [refunded] = await queryAppDb<RowDataPacket[]>("SELECT status, refunded_minor FROM payments WHERE id = ?", [pending!.id]);
    expect(refunded).toMatchObject({ status: "succeeded", refunded_minor: 500 });
    await desk.close();
  });

  it("a client saves a card when subscribing, sees it on the subscription, and removes it", async () => {
    const name = `Care plan ${Date.now().toString(36)}`;
    await queryAppDb(
      "INSERT INTO services (name, description, price_minor, currency, billing_interval, active, created_at, updated_at) VALUES (?, 'Monthly upkeep', 2500, 'USD', 'monthly', 1, NOW(3), NOW(3))",
      [name],
    );
    const context = await newContext(browser, "desktop", "light", { baseURL: appUrl });
    const page = await context.newPage();
    await signIn(page, "client2@example.com");
    await page.waitForURL(/\/portal/);
    await page.goto("/portal/services");
    await page.getByRole("button", { name: `Subscribe to ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Subscribe to ${name}` });
    await dialog.getByRole("radio", { name: /^Card\b/ }).check();
    await dialog.getByLabel("Save this card for future invoices").check();
    await screenshot(page, "subscribe-save-card");
    await dialog.getByRole("button", { name: "Subscribe and see the invoice" }).click();

    // Stripe's page in setup mode: no amount, the card is only saved.
    await page.waitForURL(new RegExp(`^${stub.url}/checkout/cs_test_`));
    expect(await page.getByTestId("amount").textContent()).toBe("");
    stub.holdHosted = false;
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await page.waitForURL(/\/portal\/invoices\/\d+\?subscribed=1&method=card&card=saved$/);
    await page.getByText("Once Stripe confirms your card").waitFor();

    await page.goto("/portal/subscriptions");
    const row = page.getByRole("row").filter({ hasText: name });
    await row.getByText("Visa ending 4242, charged when each invoice is issued").waitFor();
    await row.getByRole("button", { name: "Remove card" }).click();
    const confirm = page.getByRole("alertdialog");
    await confirm.getByText("Stripe forgets it").waitFor();
    await confirm.getByRole("button", { name: "Remove card" }).click();
    await page.getByText("Card removed", { exact: true }).waitFor();
    await row.getByRole("button", { name: "Remove card" }).waitFor({ state: "detached" });
    expect(await row.getByText(/Visa ending 4242/).count()).toBe(0);
    const [sub] = await queryAppDb<RowDataPacket[]>("SELECT s.stripe_payment_method_id FROM subscriptions s JOIN services v ON v.id = s.service_id WHERE v.name = ?", [name]);
    expect(sub!.stripe_payment_method_id).toBeNull();
    expect(stub.detached.size).toBe(1);
    await context.close();
  });
});
