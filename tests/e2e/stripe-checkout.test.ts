import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import type { Browser } from "playwright-core";
import type { RowDataPacket } from "mysql2";
import { queryAppDb } from "../support/e2e-db";
import { launchBrowser, newContext, screenshot, signIn } from "../support/browser";
import { startStripeStub, type StripeStub } from "../support/stubs/stripe-stub";

// Card payments through Stripe in a real browser. The suite's app server runs
// without Stripe keys (test mode); this file starts a second server of the
// same build and database with STRIPE_SECRET_KEY set and the SDK pointed at
// the local Stripe stub, whose signed webhooks go to that server. A client
// pays part of an invoice on the stub's hosted checkout page, comes back to
// "processing", and once the webhook lands sees the payment, with the
// receipt in the outbox.

let browser: Browser;
let stub: StripeStub;
let app: ChildProcess;
let appUrl: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForApp(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (app.exitCode !== null) throw new Error(`The Stripe app server exited with ${app.exitCode}`);
    const up = await fetch(url, { redirect: "manual" }).then((r) => r.status < 500, () => false);
    if (up) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer in 60 s`);
}

beforeAll(async () => {
  stub = await startStripeStub();
  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  stub.target = `${appUrl}/api/webhooks/stripe`;
  app = spawn(process.execPath, ["server.mjs", "--port", String(port)], {
    env: { ...process.env, NODE_ENV: "production", APP_URL: appUrl, STRIPE_SECRET_KEY: "sk_test_clientdesk0e2e", STRIPE_WEBHOOK_SECRET: stub.webhookSecret, STRIPE_API_BASE: stub.url },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  await waitForApp(`${appUrl}/login`);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (app?.pid && app.exitCode === null) {
    const exited = new Promise((r) => app.once("exit", r));
    process.kill(-app.pid, "SIGTERM");
    await exited;
  }
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

    const [paid] = await queryAppDb<RowDataPacket[]>("SELECT id, status, provider, provider_ref, amount_minor FROM payments WHERE invoice_id = ? AND provider = 'stripe' ORDER BY id DESC LIMIT 1", [invoiceId]);
    expect(paid).toMatchObject({ status: "succeeded", provider: "stripe", amount_minor: 1_234 });
    expect(String(paid!.provider_ref)).toMatch(/^pi_/);
    const receipts = await queryAppDb<RowDataPacket[]>("SELECT channel, idempotency_key FROM outbox WHERE related_type = 'invoice' AND related_id = ? AND template = 'payment_receipt' AND idempotency_key LIKE ?", [invoiceId, `receipt:${paid!.id}:%`]);
    expect(receipts.map((r) => r.channel)).toContain("email");
    await context.close();
  });
});
