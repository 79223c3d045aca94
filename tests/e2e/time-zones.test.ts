import { renameSync, rmSync, writeFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { ResultSetHeader, RowDataPacket } from "mysql2";
import { addDaysIso, businessDay, formatDateTime, zonedInstant } from "@/lib/dates";
import { gotoForm, launchBrowser, newContext, screenshot, signIn } from "../support/browser";
import { queryAppDb as query } from "../support/e2e-db";

// A business in Los Angeles. "Today" is its day there, whatever the server's
// clock says in UTC; times show in each viewer's own zone.
//
// The app under test runs a production build, so the test moves its clock
// through the file TEST_CLOCK_FILE names (scripts/test.mjs sets it for the
// server it starts, and for these tests; lib/clock.ts reads it). The
// machine's clock never moves.

const LA = "America/Los_Angeles";
const CLOCK_FILE = process.env.TEST_CLOCK_FILE;
const run = Date.now().toString(36);
let browser: Browser;
let savedZone: string;

/** Sets the app's clock to `at`; written whole, so the server never reads half a file. */
function setClock(at: Date) {
  const tmp = `${CLOCK_FILE}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ offsetMs: at.getTime() - Date.now() }));
  renameSync(tmp, CLOCK_FILE!);
}

// Chromium and Node may space "09:30 PM" with a narrow no-break space.
const spaces = (text: string | null) => (text ?? "").replace(/[\u202f\u00a0]/g, " ");

async function signedIn(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await signIn(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

beforeAll(async () => {
  if (!CLOCK_FILE) throw new Error("TEST_CLOCK_FILE is not set: run the end-to-end tests through `npm test`.");
  browser = await launchBrowser();
  const [row] = await query<RowDataPacket[]>("SELECT time_zone FROM settings WHERE id = 1");
  savedZone = row!.time_zone as string;
  await query<ResultSetHeader>("UPDATE settings SET time_zone = ? WHERE id = 1", [LA]);
});

afterAll(async () => {
  rmSync(CLOCK_FILE!, { force: true });
  if (savedZone) await query<ResultSetHeader>("UPDATE settings SET time_zone = ? WHERE id = 1", [savedZone]);
  await browser?.close();
});

describe("a business in Los Angeles", () => {
  it("issues an invoice due today that is not overdue at 17:00 there, and is overdue the next morning", async () => {
    const today = businessDay(LA, new Date());
    // 17:00 in Los Angeles: already the next day in UTC.
    const fivePm = zonedInstant(today, "17:00", LA);
    expect(businessDay("UTC", fivePm)).toBe(addDaysIso(today, 1));
    setClock(fivePm);

    const clientName = `Pacific Time Client ${run}`;
    const client = await query<ResultSetHeader>("INSERT INTO clients (name, email, currency, sms_opt_in, created_at, updated_at) VALUES (?, ?, 'USD', 0, NOW(3), NOW(3))", [
      clientName,
      `pacific-${run}@e2e.example`,
    ]);
    const context = await newContext(browser, "desktop", "light", { timezoneId: LA });
    const page = await signedIn(context, "staff@example.com");
    await gotoForm(page, `/staff/invoices/new?client=${client.insertId}`);
    await page.getByRole("heading", { level: 1, name: "New invoice" }).waitFor();
    // The issue date defaults to the business's today, not UTC's.
    expect(await page.getByLabel("Issue date").inputValue()).toBe(today);
    await page.getByLabel("Payment terms").selectOption("0");
    expect(await page.getByLabel("Due date").inputValue()).toBe(today);
    await page.getByLabel("Line 1 description").fill("Same-day repair");
    await page.getByLabel("Line 1 unit price (USD)").fill("180.00");
    await page.getByRole("button", { name: "Save and issue" }).click();
    const heading = page.getByRole("heading", { level: 1, name: /^INV-\d{4}-\d{4}$/ });
    await heading.waitFor();
    const number = (await heading.textContent())!.trim();
    const invoiceId = Number(new URL(page.url()).pathname.split("/").pop());
    const [saved] = await query<RowDataPacket[]>("SELECT DATE_FORMAT(issue_date, '%Y-%m-%d') AS issued, DATE_FORMAT(due_date, '%Y-%m-%d') AS due FROM invoices WHERE id = ?", [invoiceId]);
    expect(saved).toMatchObject({ issued: today, due: today });

    const badge = page.getByRole("heading", { level: 1, name: number }).locator("xpath=..");
    await badge.getByText("Sent", { exact: true }).waitFor();
    expect(await badge.getByText("Overdue", { exact: true }).count()).toBe(0);
    await page.goto(`/staff/invoices?status=overdue&client=${client.insertId}`);
    await page.getByRole("heading", { level: 1, name: "Invoices" }).waitFor();
    await page.getByText("No invoices match").first().waitFor();
    await screenshot(page, "time-zones-la-5pm-overdue-list-desktop");

    // 08:00 the next morning in Los Angeles.
    setClock(zonedInstant(addDaysIso(today, 1), "08:00", LA));
    await page.goto(`/staff/invoices/${invoiceId}`);
    await badge.getByText("Overdue", { exact: true }).waitFor();
    await screenshot(page, "time-zones-la-next-morning-invoice-desktop");
    await page.goto(`/staff/invoices?status=overdue&client=${client.insertId}`);
    await page.getByRole("link", { name: number }).first().waitFor();
    await context.close();
  });

  it("shows times in the browser's own zone, and the server renders them there once the browser has said which", async () => {
    // The newest issued invoice: this file's, or the demo's.
    const [issued] = await query<RowDataPacket[]>("SELECT entity_id AS invoiceId, created_at AS at FROM audit_log WHERE entity_type = 'invoice' AND action = 'invoice.issue' ORDER BY id DESC LIMIT 1");
    const invoiceId = Number(issued!.invoiceId);
    const at = issued!.at as Date;
    const inTokyo = formatDateTime(at, { timeZone: "Asia/Tokyo" });
    expect(inTokyo).toMatch(/GMT\+9$/);
    // The first test left the app's clock on the next morning in Los Angeles,
    // which may be more than a day after the row's time (it depends on the
    // hour the suite runs): pin it an hour after, so the list reads "1 hour ago".
    setClock(new Date(at.getTime() + 60 * 60 * 1000));

    for (const [viewport, scheme] of [
      ["desktop", "light"],
      ["mobile", "dark"],
    ] as const) {
      const context = await newContext(browser, viewport, scheme, { timezoneId: "Asia/Tokyo" });
      const hydrationErrors: string[] = [];
      const page = await signedIn(context, "staff@example.com");
      page.on("console", (m) => {
        if (m.type() === "error" && /hydrat/i.test(m.text())) hydrationErrors.push(m.text());
      });
      await page.goto(`/staff/invoices/${invoiceId}`);
      const history = page.getByRole("list").filter({ has: page.locator(`time[datetime="${at.toISOString()}"]`) });
      const issuedAt = history.locator(`time[datetime="${at.toISOString()}"]`).first();
      await issuedAt.waitFor();
      // A list people scan says how long ago, with the exact time, in Tokyo, on hover.
      expect(spaces(await issuedAt.getAttribute("title"))).toBe(inTokyo);
      expect(await issuedAt.textContent()).toMatch(/ago$|^now$|^in /);
      await screenshot(page, `time-zones-tokyo-viewer-${viewport}-${scheme}`);

      // The browser told the server its zone; the next page arrives already in it.
      const cookie = (await context.cookies()).find((c) => c.name === "tz");
      expect(decodeURIComponent(cookie?.value ?? "")).toBe("Asia/Tokyo");
      const html = spaces(await (await context.request.get(`/staff/invoices/${invoiceId}`)).text());
      expect(html).toContain(`title="${inTokyo}"`);
      expect(hydrationErrors).toEqual([]);
      await context.close();
    }
  });
});
