import type { ResultSetHeader, RowDataPacket } from "mysql2";
import type { Browser } from "playwright-core";
import { launchBrowser, newContext, screenshot, signIn, viewports } from "../support/browser";
import { queryAppDb as query } from "../support/e2e-db";

// A page is never wider than the window: a long line in a card (here a
// message to a very long address) is cut with an ellipsis inside its card,
// it doesn't widen the card's column past the screen.

let browser: Browser;
let invoiceId = 0;
let clientId = 0;
let messageId = 0;
const longAddress = `accounts-payable-department-for-the-whole-northern-region-${Date.now().toString(36)}@a-very-long-company-domain-name.example`;

beforeAll(async () => {
  browser = await launchBrowser();
  const [invoice] = await query<RowDataPacket[]>("SELECT id, client_id FROM invoices WHERE status = 'sent' ORDER BY id LIMIT 1");
  invoiceId = Number(invoice!.id);
  clientId = Number(invoice!.client_id);
  const res = await query<ResultSetHeader>(
    `INSERT INTO outbox (channel, to_addresses, cc_addresses, bcc_addresses, to_first, subject, text, html, template, attachments, idempotency_key, status, attempts, next_attempt_at, related_type, related_id, client_id, created_at)
     VALUES ('email', JSON_ARRAY(?), '[]', '[]', ?, 'Invoice for the northern region', 'Body', '<p>Body</p>', 'invoice', '[]', ?, 'captured', 0, NOW(3), 'invoice', ?, ?, NOW(3))`,
    [longAddress, longAddress, `e2e:page-width:${longAddress}`, invoiceId, clientId],
  );
  messageId = res.insertId;
});

afterAll(async () => {
  if (messageId) await query<ResultSetHeader>("DELETE FROM outbox WHERE id = ?", [messageId]);
  await browser?.close();
});

describe("pages fit the window", () => {
  it.each(Object.keys(viewports) as (keyof typeof viewports)[])("an invoice and its client with a long recipient line, on %s", async (viewport) => {
    const context = await newContext(browser, viewport, "light");
    const page = await context.newPage();
    await signIn(page, "admin@example.com");
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    for (const path of [`/admin/invoices/${invoiceId}`, `/admin/clients/${clientId}`]) {
      await page.goto(path);
      await page.getByText(`To ${longAddress}`, { exact: false }).first().waitFor();
      const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: document.documentElement.clientWidth }));
      expect(width.window).toBeLessThanOrEqual(viewports[viewport].width);
      expect({ path, ...width }).toEqual({ path, page: width.window, window: width.window });
    }
    await screenshot(page, `page-width-client-${viewport}`);
    // The invoice list with its dates and amounts open (a date filter opens them): two date inputs side by side
    // once made the page scroll sideways on a phone.
    // And the settings page, whose second-factor button has a long label.
    for (const [path, ready] of [
      ["/admin/invoices?issuedFrom=2026-01-01&min=1", page.getByRole("group", { name: "Issued" })],
      ["/admin/settings", page.getByRole("button", { name: /second factor|app or passkey/ })],
    ] as const) {
      await page.goto(path);
      await ready.waitFor();
      const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: document.documentElement.clientWidth }));
      expect({ path, ...width }).toEqual({ path, page: width.window, window: width.window });
    }
    await context.close();
  });
});
