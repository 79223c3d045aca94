import { createHash, randomBytes } from "node:crypto";
import type { ResultSetHeader, RowDataPacket } from "mysql2";
import type { Browser } from "playwright-core";
import { BASE_URL, launchBrowser, newContext, screenshot, signedIn, viewports } from "../support/browser";
import { appRollupDrift, queryAppDb as query, recountAppRollups } from "../support/e2e-db";
import { scaledMs } from "../support/load";

// Issue 15's last items, in a real browser at both widths and in both themes:
// the portal invoice page (the balance once or twice, the test cards as an
// aligned table, no placeholders that read as typed values), the invoice
// list's totals on a phone, "Pay all" on the portal home, and paying by card
// from the signed invoice link without a portal login.

type Viewport = keyof typeof viewports;
type Theme = "light" | "dark";
const both: [Viewport, Theme][] = [
  ["desktop", "light"],
  ["desktop", "dark"],
  ["mobile", "light"],
  ["mobile", "dark"],
];
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A client of this run and its issued invoices, inserted as the app stores them, rollups recounted (left in place, like other runs' records); `login` gives it a portal user with the demo password. */
async function clientWithInvoices(label: string, amounts: [string, number][], login: boolean): Promise<{ clientId: number; email: string; invoices: { id: number; number: string }[] }> {
  const email = `${label}-${run}@e2e.example`;
  let userId: number | null = null;
  if (login) {
    const [demo] = await query<RowDataPacket[]>("SELECT password_hash FROM users WHERE email = 'client@example.com'");
    const user = await query<ResultSetHeader>("INSERT INTO users (email, name, role, status, password_hash, created_at, updated_at) VALUES (?, ?, 'client', 'active', ?, NOW(3), NOW(3))", [
      email,
      `Pat ${label}`,
      demo!.password_hash,
    ]);
    userId = user.insertId;
  }
  const client = await query<ResultSetHeader>("INSERT INTO clients (name, email, currency, user_id, created_at, updated_at) VALUES (?, ?, 'USD', ?, NOW(3), NOW(3))", [
    `Pat ${label} ${run}`,
    email,
    userId,
  ]);
  const invoices = [];
  for (const [i, [currency, total]] of amounts.entries()) {
    const number = `${label.slice(0, 3).toUpperCase()}-${run}-${i + 1}`;
    const res = await query<ResultSetHeader>(
      "INSERT INTO invoices (number, client_id, status, issue_date, due_date, currency, subtotal_minor, total_minor, amount_paid_minor, created_at, updated_at) VALUES (?, ?, 'sent', CURDATE(), CURDATE() + INTERVAL ? DAY, ?, ?, ?, 0, NOW(3), NOW(3))",
      [number, client.insertId, 10 + i, currency, total, total],
    );
    await query<ResultSetHeader>(
      "INSERT INTO invoice_items (invoice_id, position, description, quantity_milli, unit_price_minor, tax_rate_bp, line_total_minor) VALUES (?, 0, 'Consulting', 1000, ?, 0, ?)",
      [res.insertId, total, total],
    );
    invoices.push({ id: res.insertId, number });
  }
  // Raw rows skip the dashboard's rollups, which the app's own writes keep.
  await recountAppRollups();
  return { clientId: client.insertId, email, invoices };
}

describe("portal invoice page", () => {
  let invoiceId = 0;
  beforeAll(async () => {
    const [row] = await query<RowDataPacket[]>(
      `SELECT i.id FROM invoices i JOIN clients c ON c.id = i.client_id JOIN users u ON u.id = c.user_id
       WHERE u.email = 'client@example.com' AND i.status = 'partially_paid' ORDER BY i.id LIMIT 1`,
    );
    invoiceId = Number(row!.id);
  });

  it.each(both)("shows the balance once or twice beside the document, the test cards as an aligned table, and no value-like placeholders, on %s (%s)", async (viewport, theme) => {
    const page = await signedIn(browser, "client@example.com", { viewport, colorScheme: theme });
    await page.goto(`/portal/invoices/${invoiceId}`);
    const balance = (await page.getByTestId("balance-due").textContent())!.trim();
    expect(balance).toMatch(/^\$[\d,]+\.\d\d$/);
    // Outside the invoice document (which is the PDF's copy), how often the balance is on screen.
    const shown = await page.evaluate((figure) => {
      const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
      let n = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement!;
        if (el.closest("[data-invoice-document]") || !el.checkVisibility({ visibilityProperty: true })) continue;
        n += node.textContent!.split(figure).length - 1;
      }
      return n;
    }, balance);
    expect(shown).toBeGreaterThanOrEqual(1);
    expect(shown).toBeLessThanOrEqual(2);

    const pay = page.locator("#pay");
    await pay.getByRole("radio", { name: /^Card\b/ }).check();
    // The test cards: a table whose number and outcome columns line up.
    const cards = pay.getByRole("table", { name: "Test card numbers" });
    await cards.waitFor();
    const lefts = await cards.locator("tbody tr").evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => Math.round(c.getBoundingClientRect().left))));
    expect(lefts.length).toBe(3);
    for (const row of lefts) expect(row).toEqual(lefts[0]);
    // A placeholder is either absent or reads as an example ("e.g. …"), never as a typed value.
    await pay.getByLabel("Part of it").check();
    expect(await pay.getByLabel(/^Amount/).inputValue()).toBe("");
    const placeholders = await page.locator("main input[placeholder]").evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).placeholder).filter((p) => p && !p.startsWith("e.g.")));
    expect(placeholders).toEqual([]);
    await screenshot(page, `portal-invoice-${viewport}-${theme}`);
    await page.context().close();
  });
});

describe("invoice list totals on a phone", () => {
  it.each(both)("shows every figure whole, never cut off with an ellipsis, on %s (%s)", async (viewport, theme) => {
    const page = await signedIn(browser, "admin@example.com", { viewport, colorScheme: theme });
    await page.goto("/admin/invoices");
    const totals = page.getByRole("region", { name: "Totals for these filters" });
    await totals.locator("dd").first().waitFor();
    const cut = await totals.locator("dd").evaluateAll((dds) =>
      dds
        .filter((dd) => dd.checkVisibility())
        .filter((dd) => getComputedStyle(dd).textOverflow === "ellipsis" || dd.scrollWidth > dd.clientWidth + 1)
        .map((dd) => dd.textContent),
    );
    expect(cut).toEqual([]);
    await screenshot(page, `invoice-totals-${viewport}-${theme}`);
    await page.context().close();
  });
});

describe("Pay all on the portal home", () => {
  it(
    "lists every open invoice with a total per currency, pays each by test card and says so",
    async () => {
      const { email, invoices } = await clientWithInvoices(
        "payall",
        [
          ["USD", 12_500],
          ["USD", 4_450_000],
          ["EUR", 9_900],
        ],
        true,
      );
      for (const [viewport, theme] of both) {
        const page = await signedIn(browser, email, { viewport, colorScheme: theme });
        await page.goto("/portal");
        await page.getByRole("button", { name: "Pay all" }).click();
        const dialog = page.getByRole("dialog", { name: "Pay all open invoices" });
        await dialog.waitFor();
        const list = dialog.getByRole("table", { name: "Invoices to pay" });
        expect(await list.locator("tbody tr").count()).toBe(3);
        // Never one sum across currencies.
        expect(await list.locator("tfoot tr").allInnerTexts()).toEqual([expect.stringMatching(/^Total in USD\s+\$44,625\.00$/), expect.stringMatching(/^Total in EUR\s+€99\.00$/)]);
        await screenshot(page, `portal-pay-all-${viewport}-${theme}`);
        if (viewport === "mobile" && theme === "dark") {
          await dialog.getByLabel("Card number").fill("4242 4242 4242 4242");
          await dialog.getByLabel("Expiry").fill("12/34");
          await dialog.getByLabel("CVC").fill("123");
          const submit = dialog.getByRole("button", { name: "Pay 3 invoices" });
          await submit.click();
          await page.getByText("Paid 3 invoices", { exact: true }).waitFor();
          await dialog.waitFor({ state: "detached" });
          // Nothing open is left, so the action goes away.
          await page.getByRole("button", { name: "Pay all" }).waitFor({ state: "detached" });
          await screenshot(page, `portal-pay-all-done-${viewport}-${theme}`);
        }
        await page.context().close();
      }
      const rows = await query<RowDataPacket[]>("SELECT id, status, amount_paid_minor, total_minor FROM invoices WHERE id IN (?) ORDER BY id", [invoices.map((i) => i.id)]);
      expect(rows.map((r) => [r.status, Number(r.amount_paid_minor)])).toEqual([
        ["paid", 12_500],
        ["paid", 4_450_000],
        ["paid", 9_900],
      ]);
      const paid = await query<RowDataPacket[]>("SELECT invoice_id, COUNT(*) AS n FROM payments WHERE invoice_id IN (?) AND status = 'succeeded' GROUP BY invoice_id", [invoices.map((i) => i.id)]);
      expect(paid.map((p) => Number(p.n))).toEqual([1, 1, 1]);
      const receipts = await query<RowDataPacket[]>("SELECT DISTINCT related_id FROM outbox WHERE template = 'payment_receipt' AND related_type = 'invoice' AND related_id IN (?)", [
        invoices.map((i) => i.id),
      ]);
      expect(receipts).toHaveLength(3);
    },
    scaledMs(120_000),
  );
});

describe("paying from the signed invoice link", () => {
  it(
    "a client without a portal login pays part by test card on /i/<token>, and no session is made; an expired link offers nothing",
    async () => {
      const { invoices } = await clientWithInvoices("linkpay", [["USD", 20_000]], false);
      const invoiceId = invoices[0]!.id;
      const token = randomBytes(32).toString("base64url");
      const expired = randomBytes(32).toString("base64url");
      await query<ResultSetHeader>(
        "INSERT INTO invoice_links (invoice_id, token_hash, expires_at, created_at) VALUES (?, ?, NOW() + INTERVAL 1 DAY, NOW()), (?, ?, NOW() - INTERVAL 1 DAY, NOW() - INTERVAL 2 DAY)",
        [invoiceId, sha256(token), invoiceId, sha256(expired)],
      );

      for (const [viewport, theme] of both) {
        const context = await newContext(browser, viewport, theme);
        const page = await context.newPage();
        await page.goto(`/i/${token}`);
        const pay = page.locator("#pay");
        await pay.getByRole("button", { name: "Pay $200.00" }).waitFor();
        expect(await page.getByRole("link", { name: "Sign in to pay" }).count()).toBe(0);
        await screenshot(page, `link-pay-${viewport}-${theme}`);
        // Paid in the last pass, so every pass before it sees the whole balance.
        if (viewport === "mobile" && theme === "dark") {
          await pay.getByLabel("Part of it").check();
          await pay.getByLabel("Amount (USD)").fill("75.00");
          await pay.getByLabel("Card number").fill("4242 4242 4242 4242");
          await pay.getByLabel("Expiry").fill("12/34");
          await pay.getByLabel("CVC").fill("123");
          await pay.getByRole("button", { name: "Pay $75.00" }).click();
          await page.getByText(/^Paid \$75\.00\. \$125\.00 left to pay\./).waitFor();
          await pay.getByRole("button", { name: "Pay $125.00" }).waitFor();
          await screenshot(page, `link-pay-done-${viewport}-${theme}`);
          // Paying made no session: the browser holds no session cookie and the portal still asks to sign in.
          expect((await context.cookies()).filter((c) => /session/i.test(c.name))).toEqual([]);
          await page.goto("/portal");
          expect(new URL(page.url()).pathname).toBe("/login");
        }
        await context.close();
      }
      const [row] = await query<RowDataPacket[]>("SELECT status, amount_paid_minor FROM invoices WHERE id = ?", [invoiceId]);
      expect([row!.status, Number(row!.amount_paid_minor)]).toEqual(["partially_paid", 7_500]);
      const [payment] = await query<RowDataPacket[]>("SELECT method, status, recorded_by FROM payments WHERE invoice_id = ?", [invoiceId]);
      expect(payment).toMatchObject({ method: "card", status: "succeeded", recorded_by: null });

      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto(`/i/${expired}`);
      await page.getByText("This invoice link has expired").waitFor();
      expect(await page.locator("#pay").count()).toBe(0);
      expect(page.url()).toBe(`${BASE_URL}/i/${expired}`);
      await context.close();
    },
    scaledMs(120_000),
  );
});

describe("the dashboard's rollups", () => {
  it("still equal a recount after the payments above (by card, in part and in full, from the portal and the link)", async () => {
    expect(await appRollupDrift()).toEqual([]);
  });
});
