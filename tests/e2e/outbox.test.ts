import type { Browser } from "playwright-core";
import { connectAppDb } from "../support/e2e-db";
import { BASE_URL, launchBrowser, newContext, screenshot, signIn } from "../support/browser";

let browser: Browser;
// Waits for the in-app worker's poll and drives two viewports.
jest.setTimeout(90_000);
const subject = `E2E outbox check ${Date.now()}`;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Queues an email straight into the app's database, as a committed transaction elsewhere would. */
async function queueEmail(): Promise<number> {
  const db = await connectAppDb();
  try {
    const html = `<!DOCTYPE html><html><body><p>Rendered body of ${subject}</p></body></html>`;
    const [res] = await db.query<import("mysql2").ResultSetHeader>(
      `INSERT INTO outbox (channel, to_addresses, cc_addresses, bcc_addresses, to_first, subject, text, html, template, attachments, idempotency_key, status, attempts, next_attempt_at, created_at)
       VALUES ('email', '["e2e@example.com"]', '[]', '[]', 'e2e@example.com', ?, ?, ?, 'otp_code', '[]', ?, 'queued', 0, NOW(3), NOW(3))`,
      [subject, `Plain body of ${subject}`, html, `e2e:${subject}`],
    );
    return res.insertId;
  } finally {
    await db.end();
  }
}

async function statusOf(id: number): Promise<string> {
  const db = await connectAppDb();
  try {
    const [rows] = await db.query<import("mysql2").RowDataPacket[]>("SELECT status FROM outbox WHERE id = ?", [id]);
    return String(rows[0]?.status);
  } finally {
    await db.end();
  }
}

describe("the outbox page", () => {
  it("captures a queued email with no provider keys, and shows it to an admin with its rendered preview", async () => {
    const id = await queueEmail();
    // The worker inside the app server (instrumentation.ts) picks it up at its next poll.
    const deadline = Date.now() + 20_000;
    while ((await statusOf(id)) !== "captured" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(await statusOf(id)).toBe("captured");

    for (const viewport of ["desktop", "mobile"] as const) {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await signIn(page, "admin@example.com");
      await page.waitForURL(`${BASE_URL}/admin`);
      await page.goto("/admin/outbox");
      await page.getByRole("heading", { level: 1, name: "Outbox" }).waitFor();
      await page.getByLabel("Channel").selectOption("email");
      await page.waitForURL(/channel=email/);
      await screenshot(page, `outbox-list-${viewport}`);
      await page.getByRole("link", { name: subject }).click();
      await page.waitForURL(`${BASE_URL}/admin/outbox/${id}`);
      await page.getByRole("heading", { level: 1, name: subject }).waitFor();
      const preview = page.getByTitle("Rendered email");
      expect(await preview.getAttribute("sandbox")).toBe("");
      await page.frameLocator("iframe[title='Rendered email']").getByText(`Rendered body of ${subject}`).waitFor();
      await page.getByText("Captured", { exact: true }).first().waitFor();
      await screenshot(page, `outbox-detail-${viewport}`);
      await context.close();
    }
  });

  it("sends staff who open /admin/outbox back to /staff", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "staff@example.com");
    await page.waitForURL(`${BASE_URL}/staff`);
    await page.goto("/admin/outbox");
    expect(new URL(page.url()).pathname).toBe("/staff");
    await context.close();
  });
});
